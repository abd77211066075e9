using Sitrep.Geo.Text;

namespace Sitrep.Geo.Tests;

public class TextFoldTests
{
    [Theory]
    [InlineData("Kokemäki", "kokemaki")]
    [InlineData("Mar'yinka", "maryinka")]
    [InlineData("Mar’yinka", "maryinka")]
    [InlineData("Ivano-Frankivsk", "ivano frankivsk")]
    [InlineData("  Łódź!", "lodz")]
    [InlineData("Kropyvnytskyï", "kropyvnytskyi")]
    public void Fold_lowercases_strips_accents_and_apostrophes(string input, string folded) =>
        Assert.Equal(folded, TextFold.Fold(input));

    [Theory]
    [InlineData("Mariinka", "Mar'yinka")]
    [InlineData("Mariinka", "Marinka")]
    [InlineData("Zaporizhzhia", "Zaporizhzhya")]
    [InlineData("Sloviansk", "Slovyansk")]
    public void Skeletons_of_transliterations_of_one_name_meet(string a, string b) =>
        Assert.Equal(TextFold.Skeleton(a), TextFold.Skeleton(b));

    [Theory]
    [InlineData("Kharkiv", "Kherson")]
    [InlineData("Lozova", "Lozovatka")]
    public void Skeletons_of_different_names_stay_apart(string a, string b) =>
        Assert.NotEqual(TextFold.Skeleton(a), TextFold.Skeleton(b));

    [Theory]
    [InlineData("kropivnitski", "kropinmitski", 2)]
    [InlineData("bakhmut", "bakhmut", 0)]
    [InlineData("avdiivka", "avdivka", 1)]
    public void Edit_distance_counts_letters_off(string a, string b, int distance) =>
        Assert.Equal(distance, TextFold.EditDistance(a, b, 3));

    [Fact]
    public void Edit_distance_stops_past_its_limit() =>
        Assert.Equal(2, TextFold.EditDistance("kharkiv", "odesa", 1));
}
