using Sitrep.Recognizers;

namespace Sitrep.Core.Tests.Recognizers;

public sealed class PhraseOpeningsTests
{
    private static readonly PhraseOpenings Openings = new(["at least", "a dozen", "US$", "two"]);

    private static bool Opens(string text)
    {
        var wordEnd = 0;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
            wordEnd++;
        return Openings.OpensAt(text, 0, wordEnd, text.Length);
    }

    [Theory]
    [InlineData("at least 40")]
    [InlineData("AT \t LEAST")]
    [InlineData("A dozen drones")]
    [InlineData("a dozenth")] // the pattern's lookahead reads "dozen" as a prefix: so must the scan
    [InlineData("us$5")]
    [InlineData("two")]
    [InlineData("a\u00A0dozen")] // whitespace outside ASCII: the pattern decides
    [InlineData("at le\u212Ast")] // the Kelvin sign, which a case-blind pattern may read as "k"
    public void A_written_phrase_or_one_the_pattern_may_still_read_opens(string text) =>
        Assert.True(Opens(text));

    [Theory]
    [InlineData("at home")]
    [InlineData("at")]
    [InlineData("a house")]
    [InlineData("adozen")]
    [InlineData("us")]
    [InlineData("three")]
    public void A_first_word_without_the_rest_of_its_phrase_does_not_open(string text) =>
        Assert.False(Opens(text));

    [Fact]
    public void The_window_end_cuts_a_phrase()
    {
        const string text = "at least 5";
        Assert.True(Openings.OpensAt(text, 0, 2, text.Length));
        Assert.False(Openings.OpensAt(text, 0, 2, 5));
    }
}
