using Sitrep.Geo;
using Xunit;

namespace Sitrep.Geo.Tests;

/// <summary>A table of words by role (function-words.tsv, person-cues.txt, venue-cues.tsv) read into its sets.</summary>
public sealed class WordRolesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-roles").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, HashSet<string>> Read(string table)
    {
        File.WriteAllText(Path.Combine(_dir, "roles.tsv"), table);
        var sets = new Dictionary<string, HashSet<string>> { [""] = [], ["capitalized"] = [] };
        GeoData.ReadWordRoles(_dir, "roles.tsv", sets);
        return sets;
    }

    [Fact]
    public void EachWordGoesToTheSetItsSecondFieldNames()
    {
        var sets = Read("# a comment\nMr\nBy\tcapitalized\n\nGen\n");
        Assert.Equal(new[] { Key("Mr"), Key("Gen") }.Order(StringComparer.Ordinal), sets[""].Order(StringComparer.Ordinal));
        Assert.Equal([Key("By")], sets["capitalized"]);
    }

    private static string Key(string word) => Sitrep.Geo.Text.TextFold.Skeleton(word);

    [Fact]
    public void AnUnknownRoleIsRefusedWithTheFileAndTheWord()
    {
        var e = Assert.Throws<InvalidDataException>(() => Read("Mr\nBy\tcapitalised\n"));
        Assert.Contains("roles.tsv", e.Message);
        Assert.Contains("'By'", e.Message);
        Assert.Contains("'capitalised'", e.Message);
    }
}
