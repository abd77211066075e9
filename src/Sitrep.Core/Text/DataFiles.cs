namespace Sitrep.Text;

/// <summary>Locates the lexicons and pattern files shipped in Data/ beside the binaries.</summary>
public static class DataFiles
{
    public static string PathOf(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"data file {name} is missing beside the binaries ({path})", path);
        return path;
    }

    /// <summary>
    /// Rows of a tab-separated lexicon: blank lines and lines starting with '#' are skipped,
    /// fields are trimmed. The same reader serves the gazetteer's tables.
    /// </summary>
    public static IEnumerable<string[]> ReadTable(string name) =>
        TableReader.ReadTable(Path.Combine(AppContext.BaseDirectory, "Data"), name);
}
