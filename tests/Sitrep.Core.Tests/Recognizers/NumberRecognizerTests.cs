using System.Globalization;
using System.Text.Json;
using Sitrep.Recognizers;

namespace Sitrep.Core.Tests.Recognizers;

public sealed class NumberRecognizerTests
{
    private sealed record ExpectedQuantity(string Text, double? Value, string? Approx, string? Unit, double? High, string? Currency, string? Measure);

    private sealed record NumberCase(string Input, ExpectedQuantity[] Expected);

    private static readonly Lazy<NumberCase[]> Cases = new(() =>
        SpecFile.Read<NumberCase[]>("numbers.json"));

    public static TheoryData<int, string> Specs()
    {
        var data = new TheoryData<int, string>();
        var cases = Cases.Value;
        for (var i = 0; i < cases.Length; i++)
            data.Add(i, cases[i].Input);
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_case_yields_expected_quantities(int index, string input)
    {
        var spec = Cases.Value[index];
        var found = NumberRecognizer.Recognize(input, 0, input.Length);

        var actual = found.Select(q => Describe(input, q)).ToArray();
        var expected = spec.Expected.Select(Describe).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Spans_stay_inside_the_window_and_do_not_overlap()
    {
        var rng = new Random(20241213);
        var inputs = Cases.Value.Select(c => c.Input).ToArray();
        for (var round = 0; round < 300; round++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 3).Select(_ => inputs[rng.Next(inputs.Length)]));
            var start = rng.Next(text.Length);
            var end = start + rng.Next(text.Length - start + 1);
            var previousEnd = start;
            foreach (var q in NumberRecognizer.Recognize(text, start, end))
            {
                Assert.InRange(q.Start, previousEnd, end);
                Assert.InRange(q.End, q.Start + 1, end);
                previousEnd = q.End;
            }
        }
    }

    [Fact]
    public void Random_integers_written_with_separators_round_trip()
    {
        var rng = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var n = rng.Next(10_000, int.MaxValue);
            var written = n.ToString("N0", CultureInfo.InvariantCulture);
            var text = $"Officials reported {written} cases.";
            var q = Assert.Single(NumberRecognizer.Recognize(text, 0, text.Length));
            Assert.Equal(written, q.TextIn(text));
            Assert.Equal(n, q.Value);
            Assert.Equal(Approximation.Exact, q.Approximation);
        }
    }

    [Fact]
    public void Offsets_are_absolute_when_the_window_starts_late()
    {
        const string text = "Ignore 40 here. Nearly 60 drones were launched.";
        var start = text.IndexOf("Nearly", StringComparison.Ordinal);
        var q = Assert.Single(NumberRecognizer.Recognize(text, start, text.Length));
        Assert.Equal("Nearly 60", q.TextIn(text));
        Assert.Equal(start, q.Start);
    }

    [Fact]
    public void A_quantity_crossing_the_window_end_is_cut_to_what_the_window_holds()
    {
        const string text = "They sent 45 billion.";
        var end = text.IndexOf(" billion", StringComparison.Ordinal);
        var q = Assert.Single(NumberRecognizer.Recognize(text, 0, end));
        Assert.Equal(45, q.Value);
    }

    [Fact]
    public void Money_in_dollars_reports_its_amount_in_usd()
    {
        const string text = "a $3 million grant and a €4 million loan";
        var found = NumberRecognizer.Recognize(text);
        Assert.Equal([3_000_000d, null], found.Select(q => q.AmountUsd));
    }

    [Theory]
    [InlineData("Officials counted 4294967296 drones.", "4294967296")]
    [InlineData("The convoy carried 3,000,000,000 shells.", "3,000,000,000")]
    [InlineData("It cost 99999999999999999999999 lives, they claimed.", "99999999999999999999999")]
    public void A_count_no_32_bit_figure_can_hold_has_no_value_rather_than_a_clamped_one(string text, string figure)
    {
        var q = Assert.Single(NumberRecognizer.Recognize(text, 0, text.Length));
        Assert.Equal(figure, q.TextIn(text));
        Assert.Null(q.Value);
    }

    [Fact]
    public void A_money_amount_beyond_any_double_has_no_value()
    {
        var text = "The fund holds $" + new string('9', 400) + ".";
        var q = Assert.Single(NumberRecognizer.Recognize(text, 0, text.Length));
        Assert.Null(q.Value);
    }

    [Theory]
    [InlineData("Temperatures reached 65\u212A overnight.", 65_000)]
    [InlineData("A reward of 20\u212A was offered.", 20_000)]
    public void The_kelvin_sign_after_a_figure_reads_as_thousands_like_the_letter_k(string text, double value)
    {
        var q = Assert.Single(NumberRecognizer.Recognize(text, 0, text.Length));
        Assert.Equal(value, q.Value);
    }

    private static string Describe(ExpectedQuantity e) =>
        Format(e.Text, e.Value, e.Approx ?? "Exact", e.Unit ?? "Count", e.High, e.Currency, e.Measure);

    private static string Describe(string input, Quantity q) =>
        Format(q.TextIn(input), q.Value, q.Approximation.ToString(), q.Unit.ToString(), q.High, q.Currency, q.MeasureUnit);

    // One comparable string per span, so a failure shows every field side by side.
    private static string Format(string text, double? value, string approx, string unit, double? high, string? currency, string? measure) =>
        string.Create(CultureInfo.InvariantCulture, $"'{text}' value={value} {approx} {unit} high={high} cur={currency} measure={measure}");
}

internal static class SpecFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    internal static T Read<T>(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recognizers", "Specs", name);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{name} is empty");
    }
}
