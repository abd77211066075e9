namespace Sitrep.Text;

/// <summary>Reads the tab-separated lexicons and tables every stage keeps in its Data/ folder.</summary>
internal static class TableReader
{
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
}
