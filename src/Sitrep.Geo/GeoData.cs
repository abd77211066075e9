namespace Sitrep.Geo;

/// <summary>The lexicons and curated tables shipped in Data/ beside the binaries.</summary>
internal static class GeoData
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Data");

    public static string PathOf(string directory, string name) => Sitrep.Text.TableReader.PathOf(directory, name);

    /// <summary>Tab-separated rows; blank lines and '#' lines skipped; fields trimmed.</summary>
    public static IEnumerable<string[]> ReadTable(string directory, string name) => Sitrep.Text.TableReader.ReadTable(directory, name);

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
