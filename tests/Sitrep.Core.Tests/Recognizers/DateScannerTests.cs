using Sitrep.Recognizers;

namespace Sitrep.Core.Tests.Recognizers;

/// <summary>
/// The hand-written date scanner against dates.patterns' <c>date</c>, which it replaced and which
/// stays as the reference: both must find the same dates on real sentences (read at test time,
/// never copied) and on generated awkward ones, for several anchors.
/// </summary>
public sealed class DateScannerTests
{
    private static readonly DateOnly?[] Anchors = [null, new DateOnly(2024, 2, 29), new DateOnly(2023, 12, 30), new DateOnly(1, 1, 1)];

    /// <summary>Windows on which the scanner and the pattern differ, each anchored at its date.</summary>
    private static List<string> Differences(IEnumerable<Window> windows) =>
        EvalFiles.Disagreements(windows,
            w => DateRecognizer.Recognize(w.Text, w.Start, w.End, w.Published),
            w => DateRecognizer.RecognizeByPattern(w.Text, w.Start, w.End, w.Published));

    [FactWithEvalArticles]
    public void Scanner_and_pattern_agree_on_every_sentence_of_the_eval_articles() =>
        EvalFiles.AssertNone(Differences(EvalFiles.ArticleSentences()));

    /// <summary>The benchmark corpus, when this checkout has one (bench/corpus/make-real-corpus.sh).</summary>
    [FactWithBenchmarkCorpus]
    public void Scanner_and_pattern_agree_on_every_sentence_of_the_benchmark_corpus() =>
        EvalFiles.AssertNone(Differences(EvalFiles.CorpusSentences()));

    private static readonly string[] Pieces =
    [
        "1", "5", "9", "12", "13", "21", "21st", "2nd", "3rd", "04th", "31", "32", "0", "05", "00", "2022", "1999", "2101", "20222", "300",
        "2024-01-05", "2024-13-05", "2024-02-30", "21.04.2022", "21/04/2022", "04/21/2022", "21.04/2022", "21.04.2022.5", "2:00", "1.5",
        "January", "March", "May", "may", "march", "Sept", "Sept.", "Sep", "Dec.", "Mar-a-Lago", "March-April", "JUNE", "Jun",
        "Monday", "Tuesday,", "friday", "Sunday Times", "the", "The", "of", "Of", "on", "in", "since", "as of", "As  of", "mid-", "mid",
        "through", "throughout", "between", "and", "to", "at", "over", "early", "late",
        "last", "next", "this", "past", "coming", "year", "years", "last year", "of next year",
        "morning", "night", "overnight", "nights",
        "today", "yesterday", "tonight", "this week", "last weekend", "over the weekend", "at the weekend", "the day before",
        "the day before yesterday", "the following day", "earlier this month",
        "day", "days", "week", "weeks", "month", "months", "ago", "earlier", "later", "before", "after",
        "three", "twenty-one", "twenty - one", "a", "an", "An", "one", "1000", "9999",
        "x", "s", "9", ".", ",", ":", "-", "/", "(", ")", "'",
    ];

    private static readonly string[] Gaps = [" ", " ", " ", "", "  ", "\u00A0", "\t", "-", ", "];

    [Fact]
    public void Scanner_and_pattern_agree_on_generated_phrases()
    {
        var rng = new Random(20261202);
        var differences = new List<string>();
        for (var n = 0; n < 60_000 && differences.Count < 20; n++)
        {
            var text = GeneratedText.Join(rng, Pieces, Gaps, 8, 8);
            var anchor = Anchors[rng.Next(Anchors.Length)];
            differences.AddRange(Differences([new Window(text, 0, text.Length, anchor)]));
            if (text.Length > 4)
            {
                var start = rng.Next(text.Length / 2);
                differences.AddRange(Differences([new Window(text, start, rng.Next(start, text.Length + 1), anchor)]));
            }
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Theory]
    [InlineData("since 21 January 2022", 6, 2022, 1, 21)]
    [InlineData("in mid-March 2023", 7, 2023, 3, 1)]
    [InlineData("as of 2024-01-05", 6, 2024, 1, 5)]
    public void Scanner_starts_the_date_after_its_lead_words(string text, int start, int year, int month, int day)
    {
        var d = Assert.Single(DateRecognizer.Recognize(text, 0, text.Length, new DateOnly(2024, 6, 1)));
        Assert.Equal((start, text.Length), (d.Start, d.End));
        Assert.Equal(new DateOnly(year, month, day), d.Date);
    }

    [Theory]
    [InlineData("on 21 \u212Aarch", false)]
    [InlineData("on \u0662\u0661 March", false)]
    [InlineData("on 21 March, “quoted”", true)]
    public void Windows_the_scanner_does_not_model_are_left_to_the_pattern(string text, bool modelled)
    {
        Assert.Equal(modelled, TextScan.ScannerModels(text, 0, text.Length));
        var anchor = new DateOnly(2024, 6, 1);
        Assert.Equal(DateRecognizer.RecognizeByPattern(text, 0, text.Length, anchor), DateRecognizer.Recognize(text, 0, text.Length, anchor));
    }
}
