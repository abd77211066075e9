using Sitrep.Recognizers;

namespace Sitrep.Core.Tests.Recognizers;

/// <summary>
/// The hand-written quantity scanner against numbers.patterns' <c>quantity</c>, which it replaced
/// and which stays as the reference: both must find the same quantities, with the same parts,
/// on real sentences (read at test time, never copied) and on generated awkward ones.
/// </summary>
public sealed class QuantityScannerTests
{
    /// <summary>Windows on which the scanner and the pattern differ.</summary>
    private static List<string> Differences(IEnumerable<Window> windows) =>
        EvalFiles.Disagreements(windows,
            w => NumberRecognizer.Recognize(w.Text, w.Start, w.End),
            w => NumberRecognizer.RecognizeByPattern(w.Text, w.Start, w.End));

    [FactWithEvalArticles]
    public void Scanner_and_pattern_agree_on_every_sentence_of_the_eval_articles() =>
        EvalFiles.AssertNone(Differences(EvalFiles.ArticleSentences()));

    /// <summary>The benchmark corpus, when this checkout has one (bench/corpus/make-real-corpus.sh).</summary>
    [FactWithBenchmarkCorpus]
    public void Scanner_and_pattern_agree_on_every_sentence_of_the_benchmark_corpus() =>
        EvalFiles.AssertNone(Differences(EvalFiles.CorpusSentences()));

    /// <summary>Pieces of quantities and of what surrounds them, glued at random.</summary>
    private static readonly string[] Pieces =
    [
        "5", "12", "16", "1,200", "1,2345", "12,345,678.5", "1234,567", "3.5", "12.", "2:00", "24/7", "1990", "2024", "0", "007", "1.", ",5",
        "one", "One", "two", "twenty", "twenty-five", "Twenty five", "ninety -nine", "thirteen", "sixty", "six", "a", "an", "A", "An",
        "hundred", "hundreds", "dozen", "dozens", "Dozens", "thousand", "thousands", "million", "millions", "billion", "and", "And",
        "more than", "More  than", "at least", "about", "around", "up to", "just under", "under", "over", "an estimated", "some",
        "several", "scores of", "tens of thousands", "hundreds of thousands", "a few", "a handful", "numerous",
        "bn", "m", "k", "mn", "tn", "K",
        "$", "US$", "US $", "USD", "€", "£", "₴", "UAH", "EUR",
        "%", "per cent", "per  cent", "percent", "per\u00A0cent", "percentage points", "percentage point", "percentages",
        "km", "-km", "sq km", "sq  km", "square kilometres", "miles", "tonnes", "tons", "kg", "hours", "hrs", "days", "year", "years",
        "dollars", "US dollars", "pounds sterling", "pounds", "hryvnias", "euro", "euros", "rubles",
        "-", " - ", "–", "—", "to", "To", "between", "Between", "betweens",
        "s", "x", "abc", "M3", "9", ".", ",", ":", "/", "'", "(", ")", "o'clock", "a.m.", "pm", "GMT", "local time",
        "December", "of March", "Dec.", "the", "of", "another", "that", "no", "every", "Shahed-136", "Kh-", "S-300",
    ];

    private static readonly string[] Gaps = [" ", " ", " ", "", "  ", "\u00A0", "\t", "\n", "-", "\u2009"];

    private static string Generate(Random rng) => GeneratedText.Join(rng, Pieces, Gaps, 9, 6);

    [Fact]
    public void Scanner_and_pattern_agree_on_generated_phrases()
    {
        var rng = new Random(20261202);
        var differences = new List<string>();
        for (var n = 0; n < 60_000 && differences.Count < 20; n++)
        {
            var text = Generate(rng);
            differences.AddRange(Differences([new Window(text, 0, text.Length, null)]));
            // A window that starts and ends inside the text: the pattern sees only the window.
            if (text.Length > 4)
            {
                var start = rng.Next(text.Length / 2);
                var end = rng.Next(start, text.Length + 1);
                differences.AddRange(Differences([new Window(text, start, end, null)]));
            }
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Theory]
    [InlineData("between 30 and 40 km", 30.0, 40.0)]
    [InlineData("$1-2 billion", 1e9, 2e9)]
    [InlineData("three hundred and twenty-four", 324.0, null)]
    [InlineData("a dozen", 12.0, null)]
    [InlineData("20 to 30 percent", 20.0, 30.0)]
    public void Scanner_reads_the_parts_the_pattern_names(string text, double low, double? high)
    {
        var q = Assert.Single(NumberRecognizer.Recognize(text, 0, text.Length));
        Assert.Equal((0, text.Length), (q.Start, q.End));
        Assert.Equal(low, q.Value);
        Assert.Equal(high, q.High);
    }

    [Theory]
    [InlineData("5 \u212Am of front", false)] // Kelvin sign: the pattern's "k" when case is ignored
    [InlineData("\u0663\u0660 drones", false)] // Arabic-Indic digits are the pattern's \d
    [InlineData("5 km, 20 € and “quotes”", true)]
    public void Windows_the_scanner_does_not_model_are_left_to_the_pattern(string text, bool modelled)
    {
        Assert.Equal(modelled, TextScan.ScannerModels(text, 0, text.Length));
        Assert.Equal(NumberRecognizer.RecognizeByPattern(text, 0, text.Length), NumberRecognizer.Recognize(text, 0, text.Length));
    }
}
