using System.Runtime.InteropServices;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Recognizers;

/// <summary>
/// The date and figure scans read a letter run's word sets from its token's record when the
/// tokenizer read the run as one token (<see cref="SentenceTokens"/>, <see cref="ScanWord"/>),
/// and by its letters otherwise. Both ways must find the same dates and figures, on real
/// sentences, on generated awkward ones, and again once the records are filled.
/// </summary>
public sealed class ScanWordsTests
{
    private static readonly DateOnly?[] Anchors = [null, new DateOnly(2024, 2, 29), new DateOnly(2023, 12, 30)];

    private static List<DateMention> DatesByTokens(Window w)
    {
        var tokens = Tokenizer.Tokenize(w.Text, w.Start, w.End);
        var found = new List<DateMention>();
        DateRecognizer.RecognizeInto(w.Text, w.Start, w.End, w.Published, found, CollectionsMarshal.AsSpan(tokens));
        return found;
    }

    private static List<Quantity> FiguresByTokens(Window w)
    {
        var tokens = Tokenizer.Tokenize(w.Text, w.Start, w.End);
        var found = new List<Quantity>();
        NumberRecognizer.RecognizeInto(w.Text, w.Start, w.End, found, CollectionsMarshal.AsSpan(tokens));
        return found;
    }

    private static List<string> Differences(IEnumerable<Window> windows)
    {
        var list = windows.ToList();
        var differences = new List<string>();
        // Twice: the first pass fills the records, the second reads them filled.
        for (var pass = 0; pass < 2; pass++)
        {
            differences.AddRange(EvalFiles.Disagreements(list, DatesByTokens, w => DateRecognizer.Recognize(w.Text, w.Start, w.End, w.Published)));
            differences.AddRange(EvalFiles.Disagreements(list, FiguresByTokens, w => NumberRecognizer.Recognize(w.Text, w.Start, w.End)));
        }
        return differences;
    }

    [FactWithEvalArticles]
    public void Reading_with_tokens_finds_what_reading_letters_finds_on_every_sentence_of_the_eval_articles() =>
        EvalFiles.AssertNone(Differences(EvalFiles.ArticleSentences()));

    private static readonly string[] Pieces =
    [
        "1", "21", "21st", "2022", "300", "2024-01-05", "21.04.2022", "1,500", "1.5", "Kh-59", "S-300", "Shahed-136",
        "January", "March", "May", "may", "march", "MAY", "Mar-a-Lago", "March-April", "mid-March", "Sept.", "Marc\u0301h", "Ma\u0301rch",
        "Monday", "monday", "the", "The", "of", "in", "In", "last", "next", "this", "since", "as of", "on", "at", "a", "an", "A",
        "year", "years", "day", "days", "week", "weeks", "ago", "yesterday", "today", "tonight", "weekend",
        "three", "Three", "twenty-one", "twenty", "one", "dozen", "dozens", "a dozen", "a few", "hundreds", "million", "at least", "more than",
        "almost", "about", "between", "and", "US$", "$", "€", "dollars", "km", "drones", "missiles", "people",
        "Mar'yinka", "Kyiv's", "Russia's", "it’s", "don't", "O'Brien", "\u212Aarch", "caf\u00E9", "Ukraine", "Kharkiv",
        "x", "s", ".", ",", ":", "-", "/", "(", ")", "'", "\u2019", "\u200B",
    ];

    private static readonly string[] Gaps = [" ", " ", " ", "", "  ", "\u00A0", "\t", "-", ", ", "'"];

    [Fact]
    public void Reading_with_tokens_finds_what_reading_letters_finds_on_generated_phrases()
    {
        var rng = new Random(20261203);
        var windows = new List<Window>();
        for (var n = 0; n < 20_000; n++)
        {
            var text = GeneratedText.Join(rng, Pieces, Gaps, 9, 8);
            var anchor = Anchors[rng.Next(Anchors.Length)];
            windows.Add(new Window(text, 0, text.Length, anchor));
            if (text.Length > 4)
            {
                var start = rng.Next(text.Length / 2);
                windows.Add(new Window(text, start, rng.Next(start, text.Length + 1), anchor));
            }
        }
        EvalFiles.AssertNone(Differences(windows));
    }

    /// <summary>
    /// The tokenizer's token of <paramref name="word"/> in <paramref name="text"/>, its record
    /// given <paramref name="scans"/>. Records are the thread's, kept for the next text: each
    /// test writes into the record of a spelling of its own, which no other test reads.
    /// </summary>
    private static Token Recorded(string text, string word, ScanWord scans)
    {
        var start = text.IndexOf(word, StringComparison.Ordinal);
        var token = Assert.Single(Tokenizer.Tokenize(text, start, start + word.Length));
        token.Word!.AddScans(scans);
        return token;
    }

    [Fact]
    public void The_date_scan_takes_a_word_record_at_its_word()
    {
        var anchor = new DateOnly(2024, 6, 5);
        const string told = "on MoNdAy";
        Assert.Single(DateRecognizer.Recognize(told, anchor));
        var found = new List<DateMention>();
        // A record that has been asked and holds no date word: the scan passes the word over.
        DateRecognizer.RecognizeInto(told, 0, told.Length, anchor, found, [Recorded(told, "MoNdAy", ScanWord.DatesAsked)]);
        Assert.Empty(found);
        const string fresh = "on MOnDay";
        var record = Recorded(fresh, "MOnDay", ScanWord.None);
        DateRecognizer.RecognizeInto(fresh, 0, fresh.Length, anchor, found, [record]);
        Assert.Single(found);
        Assert.Equal(ScanWord.DatesAsked | ScanWord.DateWord, record.Word!.Scans);
    }

    [Fact]
    public void The_figure_scan_takes_a_word_record_at_its_word()
    {
        const string told = "tHrEe drones";
        Assert.Single(NumberRecognizer.Recognize(told));
        var found = new List<Quantity>();
        NumberRecognizer.RecognizeInto(told, 0, told.Length, found, [Recorded(told, "tHrEe", ScanWord.FiguresAsked)]);
        Assert.Empty(found);
        const string fresh = "thREE drones";
        var record = Recorded(fresh, "thREE", ScanWord.DatesAsked);
        NumberRecognizer.RecognizeInto(fresh, 0, fresh.Length, found, [record]);
        Assert.Single(found);
        // The figure scan's bits are added beside the date scan's, not over them.
        Assert.Equal(ScanWord.DatesAsked | ScanWord.FiguresAsked | ScanWord.FigureOpening, record.Word!.Scans & ~(ScanWord.DateWord | ScanWord.DateLead | ScanWord.OnlyMonth));
    }

    [Fact]
    public void A_run_that_is_part_of_a_token_is_read_by_its_letters()
    {
        // "MaRcH" inside "mId-MaRcH" is no token of its own: the record of the whole token, which holds no date word, is not asked.
        const string text = "in mId-MaRcH 2023";
        var anchor = new DateOnly(2024, 6, 5);
        var found = new List<DateMention>();
        DateRecognizer.RecognizeInto(text, 0, text.Length, anchor, found, [Recorded(text, "mId-MaRcH", ScanWord.DatesAsked)]);
        Assert.NotEmpty(found);
        Assert.Equal(DateRecognizer.Recognize(text, anchor), found);
    }

    /// <summary>The phrase list's first-letter buckets against trying every phrase in the alternation's order.</summary>
    [Fact]
    public void A_phrase_list_finds_the_ends_every_phrase_would_find()
    {
        string[] phrases = ["at least", "at", "a few", "A dozen", "about", "more than", "US$", "$", "€", "é", "\u00C9tat", "s", "", " x", "km", "kilometres", "Km2"];
        Span<int> buffer = stackalloc int[4];
        foreach (var boundary in new[] { true, false })
        {
            var list = new PhraseList(phrases, boundary);
            var ordered = phrases.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length).ToArray();
            var firsts = ordered.Where(p => p.Length > 0).Select(p => char.ToLowerInvariant(p[0])).ToHashSet();
            var rng = new Random(7);
            const string alphabet = "aAtTlLeEsSfFwWdDmMuUkK$€é\u00C9\u212A x\t\u00A012.";
            for (var n = 0; n < 50_000; n++)
            {
                var text = new string(Enumerable.Range(0, rng.Next(1, 12)).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
                var i = rng.Next(text.Length);
                var end = rng.Next(i, text.Length + 1);
                var ends = buffer;
                var fits = list.Ends(text, i, end, ref ends);

                var expected = new List<int>();
                var c = i < end ? text[i] : '\0';
                if (i < end && firsts.Contains(c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c))
                {
                    foreach (var p in ordered)
                    {
                        var e = TextScan.Literal(text, i, end, p);
                        if (e >= 0 && !(boundary && TextScan.LetterAt(text, e, end)))
                            expected.Add(e);
                    }
                }
                Assert.Equal(expected.Count <= 4, fits);
                if (fits)
                    Assert.Equal(expected, ends.ToArray());
            }
        }
    }
}
