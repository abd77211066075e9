using System.Text;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;
using Sitrep.Core.Tests.Support;

namespace Sitrep.Core.Tests.Pipeline;

/// <summary>
/// Extraction is linear in the input for any input: each hostile shape is run at one size and
/// at twice that size, and every count of work (characters scanned, tokens, sentences, and the
/// token pairs a sentence offers the recognizers) may at most double. Counting, not timing, so
/// the test says the same on a loaded machine.
/// </summary>
public sealed class LinearWorkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-linear-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const int Size = 60_000;

    /// <summary>A little slack over 2 for the fixed work of the headline and the last partial piece.</summary>
    private const double MaxRatio = 2.2;

    public static TheoryData<string> Shapes() => new(Shape.Keys);

    private static readonly Dictionary<string, Func<int, string>> Shape = new()
    {
        ["words with no full stop"] = n => Repeat("drones hit the port of Odesa and officials said three people were killed ", n),
        ["one run with no space"] = n => Repeat("abcdefghij", n),
        ["'1.' repeated"] = n => Repeat("1.", n),
        ["'1. ' repeated"] = n => Repeat("1. ", n),
        ["abbreviations repeated"] = n => Repeat("Gen. Lt. Col. St. ", n),
        ["closing quotes after every stop"] = n => Repeat("a.\")\")\" ", n),
        ["semicolons"] = n => Repeat("drones hit; ", n),
        ["photo credits"] = n => Repeat("A crane lifts a slab. (Photo: Sample Wire) Jane Doe/AFP ", n),
        ["one huge number"] = n => "Officials counted " + Repeat("9,999", n) + " drones.",
        ["many headlines"] = n => Repeat("Drones hit the port\n", n),
    };

    private static string Repeat(string unit, int chars)
    {
        var sb = new StringBuilder(chars + unit.Length);
        while (sb.Length < chars)
            sb.Append(unit);
        return sb.ToString(0, chars);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Twice_the_text_takes_at_most_twice_the_work(string shape)
    {
        var once = Work(Shape[shape](Size));
        var twice = Work(Shape[shape](2 * Size));
        AssertLinear(shape, once, twice);
    }

    [Fact]
    public void Twice_the_nested_html_takes_at_most_twice_the_work()
    {
        static string Page(int blocks) => "<html><body>" + string.Concat(Enumerable.Repeat(
            string.Concat(Enumerable.Repeat("<div><span>", 200)) + "Drones hit the port. " + string.Concat(Enumerable.Repeat("</span></div>", 200)), blocks)) + "</body></html>";

        var once = WorkOfFile("a.html", Page(20));
        var twice = WorkOfFile("b.html", Page(40));
        AssertLinear("nested html", once, twice);
    }

    private static void AssertLinear(string shape, WorkCount once, WorkCount twice)
    {
        Assert.True(once.Sentences > 0, $"{shape}: nothing was read");
        var counts = new (string Name, long Once, long Twice)[]
        {
            ("characters scanned", once.CharsScanned, twice.CharsScanned),
            ("tokens", once.Tokens, twice.Tokens),
            ("sentences", once.Sentences, twice.Sentences),
            ("token pairs", once.TokenPairs, twice.TokenPairs),
        };
        foreach (var (name, a, b) in counts)
            Assert.True(b <= MaxRatio * Math.Max(a, 1), $"{shape}: {name} went from {a:N0} to {b:N0} when the text doubled");
    }

    private static WorkCount Work(string text)
    {
        var pipeline = ReportPipeline.WithoutPlaces();
        pipeline.Extract(Reports.Doc("Warm up.")); // lexicon loading is not the report's work
        WorkMeter.Take();
        pipeline.Extract(Reports.Doc(text));
        return WorkMeter.Take();
    }

    private WorkCount WorkOfFile(string name, string html)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, html);
        var pipeline = ReportPipeline.WithoutPlaces();
        pipeline.Extract(Reports.Doc("Warm up."));
        WorkMeter.Take();
        pipeline.Extract(DocumentReader.Read(path));
        return WorkMeter.Take();
    }
}
