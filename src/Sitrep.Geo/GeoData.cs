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

    /// <summary>
    /// A list of words, each into the set its second field names (an empty field is the key
    /// ""), as skeleton keys. A row naming no set is refused, with the file and the word: a
    /// misspelt role would otherwise drop its word from every set without a sign.
    /// </summary>
    public static void ReadWordRoles(string directory, string name, IReadOnlyDictionary<string, HashSet<string>> sets)
    {
        foreach (var row in ReadTable(directory, name))
        {
            var role = Field(row, 1);
            if (!sets.TryGetValue(role, out var set))
                throw new InvalidDataException($"{name}: '{row[0]}' has role '{role}'; expected {string.Join(" or ", sets.Keys.Select(k => k == "" ? "none" : k))}");
            set.Add(Text.TextFold.Skeleton(row[0]));
        }
    }
}
