using Sitrep.Geo.Tests.Support;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Tests;

/// <summary>The words the recognizer keeps sentence by sentence are those one split of the whole report gives the geocoder.</summary>
public class DocumentWordsTests
{
    private const string Report =
        "Photo: Minister Oksana Dreval at the site. Drones struck Kupiansk at dawn, the governor said. "
        + "(Caption: rescuers in Mar'yinka's square) Crews worked through the night in Bakhmut's centre.";

    private static List<(int, int, string, bool)> Kept(string text, params (int Start, int End)[] spans)
    {
        var words = new DocumentWords(text);
        var recognizer = new PlaceRecognizer(MiniGazetteer.Gazetteer);
        foreach (var (start, end) in spans)
            recognizer.Find(text, start, end, words);
        var all = words.All(text);
        return Enumerable.Range(0, all.Count).Select(i => (all[i].Start, all[i].End, all[i].Key, all[i].Capitalized)).ToList();
    }

    private static List<(int, int, string, bool)> Whole(string text) =>
        WordTokenizer.Tokenize(text, 0, text.Length).Select(t => (t.Start, t.End, t.Key, t.Capitalized)).ToList();

    private static (int, int) Span(string text, string from, string to) =>
        (text.IndexOf(from, StringComparison.Ordinal), text.IndexOf(to, StringComparison.Ordinal) + to.Length);

    /// <param name="sentences">Each sentence as its first and last words, "first|last".</param>
    [Theory]
    [InlineData("Drones|said.", "Crews|centre.")]
    [InlineData("Photo|site.", "Drones|said.", "(Caption|centre.")]
    [InlineData("Crews|centre.", "Drones|said.")]
    public void Text_no_sentence_covers_and_sentences_out_of_order_still_give_the_whole_split(params string[] sentences)
    {
        var spans = sentences.Select(s => s.Split('|')).Select(p => Span(Report, p[0], p[1])).ToArray();
        Assert.Equal(Whole(Report), Kept(Report, spans));
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
