using Sitrep.Geo;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Recognizers;

public sealed class SentenceReaderTests
{
    private const string Text =
        "Russian forces launched 40 drones and three cruise missiles at Ukraine overnight on Tuesday, officials said. " +
        "About 12 people were killed, and the mayor said on 5 March that $2 million would rebuild the market.";

    private static readonly DateOnly Anchor = new(2025, 3, 7);

    private static List<Sentence> SentencesOf(string text)
    {
        var second = text.IndexOf(" About", StringComparison.Ordinal);
        return [new Sentence(0, second, 0, 0, SentenceRole.Body), new Sentence(second + 1, text.Length, 0, 0, SentenceRole.Body)];
    }

    private static string Describe(SentenceReading r) => string.Join("\n",
        r.Sentence.ToString(),
        string.Join(" ", r.Tokens.Select(t => t.Norm)),
        string.Join(" ", r.Triggers), string.Join(" ", r.Weapons), string.Join(" ", r.Actors),
        string.Join(" ", r.Casualties), string.Join(" ", r.Cues), string.Join(" ", r.Offices),
        string.Join(" ", r.Institutions), r.BackgroundCue, r.AggregateCue,
        string.Join(" ", r.Numbers), string.Join(" ", r.Dates), string.Join(" ", r.Places), r.StartsInQuote);

    [Theory]
    [InlineData("The talks went on behind closed doors.")]
    [InlineData("Nobody was hurt, the governor said.")]
    public void A_sentence_without_figures_or_dates_reads_them_as_one_shared_empty_list(string text)
    {
        // The event builder asks these of every sentence: a new empty list per read was garbage.
        var r = new SentenceReader(Lexicons.Default, null).Read(text, new Sentence(0, text.Length, 0, 0, SentenceRole.Body), Anchor, new List<PlaceMention>());
        Assert.Empty(r.Numbers);
        Assert.Empty(r.Dates);
        Assert.Same(r.Numbers, r.Numbers);
        Assert.Same(r.Dates, r.Dates);
    }

    [Fact]
    public void A_reading_over_a_token_buffer_is_the_reading_of_its_own_lists()
    {
        var reader = new SentenceReader(Lexicons.Default, null);
        var buffer = new List<Token>();
        foreach (var sentence in SentencesOf(Text))
        {
            var own = reader.Read(Text, sentence, Anchor, new List<PlaceMention>());
            var reused = reader.Read(Text, sentence, Anchor, new List<PlaceMention>(), tokenBuffer: buffer);
            Assert.Same(buffer, reused.Tokens);
            Assert.Equal(Describe(own), Describe(reused));
        }
    }

    [Fact]
    public void The_next_sentence_over_the_same_buffer_keeps_nothing_of_the_last()
    {
        var reader = new SentenceReader(Lexicons.Default, null);
        var buffer = new List<Token>();
        var sentences = SentencesOf(Text);
        var first = reader.Read(Text, sentences[0], Anchor, new List<PlaceMention>(), tokenBuffer: buffer);
        Assert.NotEmpty(first.Weapons);
        Assert.NotEmpty(first.Numbers);
        first.StartsInQuote = true;
        first.Triggers.Clear();
        var second = reader.Read(Text, sentences[1], Anchor, new List<PlaceMention>(), tokenBuffer: buffer);
        Assert.Equal(Describe(reader.Read(Text, sentences[1], Anchor, new List<PlaceMention>())), Describe(second));
        Assert.Empty(second.Weapons);
    }

    [Fact]
    public void Quotation_marks_open_and_close_token_by_token_in_a_reused_reading()
    {
        const string text = "The governor said \"the bridge held\" and \"repairs begin soon. No quotation here at all.";
        var second = text.IndexOf(" No", StringComparison.Ordinal);
        var reader = new SentenceReader(Lexicons.Default, null);
        var buffer = new List<Token>();
        var quoted = reader.Read(text, new Sentence(0, second, 0, 0, SentenceRole.Body), Anchor, [], tokenBuffer: buffer);
        foreach (var startsInQuote in new[] { false, true })
        {
            quoted.StartsInQuote = startsInQuote;
            var open = startsInQuote;
            for (var k = 0; k <= quoted.Tokens.Count; k++)
            {
                Assert.Equal(open, quoted.InQuote(k));
                if (k < quoted.Tokens.Count && quoted.Tokens[k].Norm == "\"")
                    open = !open;
            }
            Assert.Equal(!startsInQuote, quoted.EndsInQuote);
        }
        var plain = reader.Read(text, new Sentence(second + 1, text.Length, 0, 0, SentenceRole.Body), Anchor, [], tokenBuffer: buffer);
        Assert.False(plain.EndsInQuote);
        plain.StartsInQuote = true;
        Assert.True(plain.InQuote(3));
        Assert.True(plain.EndsInQuote);
    }

    [Fact]
    public void Readings_without_a_buffer_are_each_their_own()
    {
        var reader = new SentenceReader(Lexicons.Default, null);
        var sentences = SentencesOf(Text);
        var first = reader.Read(Text, sentences[0], Anchor, new List<PlaceMention>());
        var before = Describe(first);
        reader.Read(Text, sentences[1], Anchor, new List<PlaceMention>());
        Assert.Equal(before, Describe(first));
    }
}

public sealed class RecognizeIntoTests
{
    private static readonly string[] Texts =
    [
        "At least 14 people died and about 30 were hurt when 4\u200B0 drones struck on Monday, a week after 3 March.",
        "Nearly $1.5 billion in aid, 20 km of road and dozens of homes were lost last week, two days ago or on 2024-01-05.",
    ];

    [Fact]
    public void Numbers_into_a_list_are_the_numbers_recognized()
    {
        var into = new List<Quantity>();
        foreach (var text in Texts)
        {
            var expected = NumberRecognizer.Recognize(text, 3, text.Length - 1);
            NumberRecognizer.RecognizeInto(text, 3, text.Length - 1, into);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, into);
        }
    }

    [Fact]
    public void Dates_into_a_list_are_the_dates_recognized()
    {
        var anchor = new DateOnly(2025, 3, 12);
        var into = new List<DateMention>();
        foreach (var text in Texts)
        {
            var expected = DateRecognizer.Recognize(text, 3, text.Length - 1, anchor);
            DateRecognizer.RecognizeInto(text, 3, text.Length - 1, anchor, into);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, into);
        }
    }
}
