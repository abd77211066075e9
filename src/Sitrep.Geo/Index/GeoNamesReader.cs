using System.IO.Compression;

namespace Sitrep.Geo.Index;

/// <summary>One row of a GeoNames dump (the 19 tab-separated columns of readme.txt).</summary>
internal sealed class GeoNamesRow
{
    public long Id { get; init; }
    public required string Name { get; set; }
    public required string AsciiName { get; init; }
    public required string[] Alternates { get; init; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public char FeatureClass { get; init; }
    public required string FeatureCode { get; init; }
    public required string Country { get; init; }
    public required string Admin1 { get; init; }
    public required string Admin2 { get; init; }
    public long Population { get; init; }
    public List<(string Name, NameSource Source)> Curated { get; } = [];
}

/// <summary>Reads GeoNames dump files, plain or zipped (UA.zip holds UA.txt beside readme.txt).</summary>
internal static class GeoNamesReader
{
    public static IEnumerable<GeoNamesRow> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var zip = OpenZip(path);
            var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                                                       && !e.Name.Equals("readme.txt", StringComparison.OrdinalIgnoreCase))
                        ?? throw new InvalidDataException($"{path}: the archive holds no GeoNames .txt file");
            using var reader = new StreamReader(entry.Open());
            foreach (var row in ReadRows(reader, $"{path}!{entry.Name}"))
                yield return row;
        }
        else
        {
            using var reader = new StreamReader(path);
            foreach (var row in ReadRows(reader, path))
                yield return row;
        }
    }

    private static ZipArchive OpenZip(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not a readable zip archive ({e.Message})", e);
        }
    }

    private static IEnumerable<GeoNamesRow> ReadRows(TextReader reader, string name)
    {
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var f = line.Split('\t');
            if (f.Length < 15 || !long.TryParse(f[0], out var id)
                || !double.TryParse(f[4], System.Globalization.CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[5], System.Globalization.CultureInfo.InvariantCulture, out var lon))
                throw new InvalidDataException($"{name}: line {lineNo} is not a GeoNames row (expected 19 tab-separated columns: id, name, asciiname, alternatenames, latitude, longitude, ...)");
            _ = long.TryParse(f[14], out var population);
            yield return new GeoNamesRow
            {
                Id = id,
                Name = f[1],
                AsciiName = f[2],
                Alternates = f[3].Length == 0 ? [] : f[3].Split(','),
                Lat = lat,
                Lon = lon,
                FeatureClass = f[6].Length > 0 ? f[6][0] : ' ',
                FeatureCode = f[7],
                Country = f[8],
                Admin1 = f[10],
                Admin2 = f[11],
                Population = population,
            };
        }
    }

    /// <summary>admin1CodesASCII.txt: "UA.07 &lt;tab&gt; name &lt;tab&gt; ascii name &lt;tab&gt; geonameid".</summary>
    public static IEnumerable<(string Key, string Name, string Ascii, long Id)> ReadAdmin1(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no such file", path);
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var f = line.Split('\t');
            if (f.Length < 4 || !f[0].Contains('.') || !long.TryParse(f[3], out var id))
                throw new InvalidDataException($"{path}: line {lineNo} is not an admin1 code row (expected 'CC.CODE<tab>name<tab>ascii name<tab>geonameid')");
            yield return (f[0], f[1], f[2], id);
        }
    }
}
