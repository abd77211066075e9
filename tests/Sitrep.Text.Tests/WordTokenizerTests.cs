using Sitrep.Geo.Text;

namespace Sitrep.Text.Tests;

public class WordTokenizerTests
{
    private static List<string> Words(string text) =>
        WordTokenizer.Tokenize(text, 0, text.Length).Select(t => text[t.Start..t.End]).ToList();

    [Fact]
    public void A_possessive_s_is_not_part_of_the_name() =>
        Assert.Equal(["Kyiv", "mayor"], Words("Kyiv's mayor"));

    [Fact]
    public void An_apostrophe_inside_a_name_keeps_the_name_whole() =>
        Assert.Equal(["Mar'yinka", "fell"], Words("Mar'yinka fell"));

    [Fact]
    public void A_hyphen_splits_words_that_stay_adjacent()
    {
        var text = "Ivano-Frankivsk, Lviv";
        var t = WordTokenizer.Tokenize(text, 0, text.Length);
        Assert.Equal(3, t.Count);
        Assert.True(WordTokenizer.Adjacent(text, t[0], t[1]));
        Assert.False(WordTokenizer.Adjacent(text, t[1], t[2]));
    }

    [Fact]
    public void Offsets_are_those_of_the_document_span()
    {
        var text = "xx Bakhmut yy";
        var t = WordTokenizer.Tokenize(text, 3, 10);
        Assert.Single(t);
        Assert.Equal((3, 10), (t[0].Start, t[0].End));
        Assert.True(t[0].Capitalized);
    }
}
