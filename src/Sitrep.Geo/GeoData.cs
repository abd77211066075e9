namespace Sitrep.Geo;

/// <summary>The lexicons and curated tables shipped in Data/ beside the binaries.</summary>
internal static class GeoData
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data");

    public static string PathOf(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"data file {name} is missing ({path})", path);
        return path;
    }

    /// <summary>Tab-separated rows; blank lines and '#' lines skipped; fields trimmed.</summary>
    public static IEnumerable<string[]> ReadTable(string directory, string name)
    {
        foreach (var raw in File.ReadLines(PathOf(directory, name)))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
                fields[i] = fields[i].Trim();
            yield return fields;
        }
    }

    /// <summary>A one-word-per-line list as a set of skeleton keys.</summary>
    public static HashSet<string> ReadWordSet(string directory, string name)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in ReadTable(directory, name))
            set.Add(Text.TextFold.Skeleton(row[0]));
        return set;
    }

    public static string Field(string[] row, int i) => i < row.Length ? row[i] : "";
}
