using Sitrep.Geo.Tests.Support;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Tests;

/// <summary>The surnames read from the words the recognizer splits sentence by sentence are those one split of the whole report gives the geocoder.</summary>
public class DocumentWordsTests
{
    private const string Report =
        "Photo: Minister Oksana Dreval at the site. Drones struck Kupiansk at dawn, the governor said. "
        + "(Caption: rescuers in Mar'yinka's square) Crews worked through the night in Bakhmut's centre, "
        + "President Volodymyr Zelensky said after talks with Mr Barrack.";

    private static List<string> Kept(string text, params (int Start, int End)[] spans)
    {
        var words = new DocumentWords(text);
        var recognizer = new PlaceRecognizer(MiniGazetteer.Gazetteer);
        foreach (var (start, end) in spans)
            recognizer.Find(text, start, end, words);
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        words.AddSurnames(text, surnames);
        return [.. surnames.Order(StringComparer.Ordinal)];
    }

    private static List<string> Whole(string text)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        Sitrep.Geo.Recognition.PersonNames.Mark(text, new WordList(WordTokenizer.Tokenize(text, 0, text.Length)), Sitrep.Geo.Recognition.GeoLexicon.Default, surnames);
        return [.. surnames.Order(StringComparer.Ordinal)];
    }

    private static (int, int) Span(string text, string from, string to) =>
        (text.IndexOf(from, StringComparison.Ordinal), text.IndexOf(to, StringComparison.Ordinal) + to.Length);

    /// <param name="sentences">Each sentence as its first and last words, "first|last".</param>
    [Theory]
    [InlineData("Drones|said.", "Crews|centre,")]
    [InlineData("Photo|site.", "Drones|said.", "(Caption|centre,")]
    [InlineData("Crews|centre,", "Drones|said.")]
    public void Text_no_sentence_covers_and_sentences_out_of_order_still_give_the_whole_split(params string[] sentences)
    {
        var spans = sentences.Select(s => s.Split('|')).Select(p => Span(Report, p[0], p[1])).ToArray();
        Assert.Equal(Whole(Report), Kept(Report, spans));
    }

    [Fact]
    public void The_whole_split_finds_the_names_these_tests_cut()
    {
        Assert.Equal(3, Whole(Report).Count);
    }

    /// <summary>A name cut between two sentences at each of its words is still read whole.</summary>
    [Theory]
    [InlineData("President", " Volodymyr")]
    [InlineData("Volodymyr", " Zelensky")]
    [InlineData("President Volodymyr Zelensky", " said")]
    [InlineData("Mr", " Barrack")]
    [InlineData("Minister", " Oksana")]
    public void A_name_running_across_sentences_is_read_as_one_split_reads_it(string before, string after)
    {
        var cut = Report.IndexOf(before + after, StringComparison.Ordinal) + before.Length;
        var dot = Report.IndexOf(". ", cut, StringComparison.Ordinal);
        var spans = new List<(int, int)> { (0, cut), (cut, dot < 0 ? Report.Length : dot + 1) };
        if (dot >= 0)
            spans.Add((dot + 2, Report.Length));
        Assert.Equal(Whole(Report), Kept(Report, [.. spans]));
    }

    [Fact]
    public void Reading_the_surnames_twice_gives_them_twice_alike()
    {
        var words = new DocumentWords(Report);
        new PlaceRecognizer(MiniGazetteer.Gazetteer).Find(Report, 0, Report.Length, words);
        var first = new HashSet<string>(StringComparer.Ordinal);
        var second = new HashSet<string>(StringComparer.Ordinal);
        words.AddSurnames(Report, first);
        words.AddSurnames(Report, second);
        Assert.Equal(Whole(Report), first.Order(StringComparer.Ordinal));
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("Mar", "yinka")]
    [InlineData("Bakhmut'", "s centre")]
    [InlineData("Kupi", "ansk")]
    public void A_boundary_inside_a_word_falls_back_to_the_whole_split(string before, string after)
    {
        var cut = Report.IndexOf(before + after, StringComparison.Ordinal) + before.Length;
        Assert.Equal(Whole(Report), Kept(Report, (0, cut), (cut, Report.Length)));
    }

    [Fact]
    public void The_survey_reads_the_same_with_the_kept_words_as_without()
    {
        const string text = "Talks with the President. Bakhmut said nothing of it. Shelling hit Ivanivka, Donetsk region, overnight.";
        var recognizer = new PlaceRecognizer(MiniGazetteer.Gazetteer);
        var words = new DocumentWords(text);
        var mentions = new List<PlaceMention>();
        foreach (var (start, end) in new[] { Span(text, "Talks", "President."), Span(text, "Bakhmut", "it."), Span(text, "Shelling", "overnight.") })
            mentions.AddRange(recognizer.Find(text, start, end, words));
        var geocoder = new Geocoder(MiniGazetteer.Gazetteer);
        var kept = geocoder.Survey(text, mentions, null, words);
        var split = geocoder.Survey(text, mentions);
        Assert.Equal(split.Places, kept.Places);
        Assert.Equal(split.Unambiguous, kept.Unambiguous);
        Assert.Equal(split.PriorCanDecide, kept.PriorCanDecide);
    }
}
