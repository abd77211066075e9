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
    /// fields are trimmed. Lexicons are small, so they are read whole.
    /// </summary>
    public static IEnumerable<string[]> ReadTable(string name)
    {
        foreach (var raw in File.ReadLines(PathOf(name)))
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
}
