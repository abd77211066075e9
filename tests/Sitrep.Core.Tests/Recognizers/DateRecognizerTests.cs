using System.Globalization;
using Sitrep.Recognizers;

namespace Sitrep.Core.Tests.Recognizers;

public sealed class DateRecognizerTests
{
    private sealed record ExpectedDate(string Text, DateOnly? Date, string? Precision, string? Kind, int? Offset);

    private sealed record DateCase(string Input, DateOnly? Anchor, ExpectedDate[] Expected);

    private static readonly Lazy<DateCase[]> Cases = new(() => SpecFile.Read<DateCase[]>("dates.json"));

    public static TheoryData<int, string> Specs()
    {
        var data = new TheoryData<int, string>();
        var cases = Cases.Value;
        for (var i = 0; i < cases.Length; i++)
            data.Add(i, $"{cases[i].Input} @ {cases[i].Anchor?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no anchor"}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_case_yields_expected_dates(int index, string label)
    {
        Assert.NotNull(label);
        var spec = Cases.Value[index];
        var found = DateRecognizer.Recognize(spec.Input, 0, spec.Input.Length, spec.Anchor);

        var actual = found.Select(d => Format(d.TextIn(spec.Input), d.Date, d.Precision.ToString(), d.Kind.ToString(), d.OffsetDays)).ToArray();
        var expected = spec.Expected.Select(e => Format(e.Text, e.Date, e.Precision ?? "Day", e.Kind ?? "Explicit", e.Offset)).ToArray();
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
            foreach (var d in DateRecognizer.Recognize(text, start, end, new DateOnly(2024, 12, 13)))
            {
                Assert.InRange(d.Start, previousEnd, end);
                Assert.InRange(d.End, d.Start + 1, end);
                previousEnd = d.End;
            }
        }
    }

    [Fact]
    public void Written_dates_round_trip_for_random_days()
    {
        var rng = new Random(11);
        for (var round = 0; round < 400; round++)
        {
            var date = new DateOnly(1995, 1, 1).AddDays(rng.Next(365 * 40));
            var format = rng.Next(3) switch { 0 => "MMMM d, yyyy", 1 => "d MMMM yyyy", _ => "yyyy-MM-dd" };
            var written = date.ToString(format, CultureInfo.InvariantCulture);
            var text = $"The shelling of {written} was confirmed.";
            var d = Assert.Single(DateRecognizer.Recognize(text, null));
            Assert.Equal(written, d.TextIn(text));
            Assert.Equal(date, d.Date);
        }
    }

    [Fact]
    public void Weekdays_without_a_modifier_never_resolve_after_the_anchor()
    {
        var days = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;
        var anchor = new DateOnly(2024, 1, 1);
        for (var k = 0; k < 28; k++, anchor = anchor.AddDays(1))
        {
            foreach (var name in days)
            {
                var text = $"Strikes resumed on {name}.";
                var d = Assert.Single(DateRecognizer.Recognize(text, anchor));
                Assert.NotNull(d.Date);
                Assert.InRange(anchor.DayNumber - d.Date.Value.DayNumber, 0, 6);
                Assert.Equal(name, d.Date.Value.DayOfWeek.ToString());
            }
        }
    }

    private static string Format(string text, DateOnly? date, string precision, string kind, int? offset) =>
        string.Create(CultureInfo.InvariantCulture, $"'{text}' {date:yyyy-MM-dd} {precision} {kind} offset={offset}");
    [Theory]
    [InlineData("The fortress was built 2025 years ago.")]
    [InlineData("The town was founded 99999999999 years ago.")]
    [InlineData("Its walls stood 5000 days ago.")]
    public void A_span_of_time_past_any_news_is_not_read_as_a_date(string text) =>
        Assert.Empty(DateRecognizer.Recognize(text, 0, text.Length, new DateOnly(2024, 3, 5)));

    [Theory]
    [InlineData("The shelling began a year ago.", "0001-01-01")]
    [InlineData("Drones came on Tuesday.", "0001-01-01")]
    [InlineData("Troops returned next year.", "9999-12-31")]
    [InlineData("Sirens sounded last weekend.", "0001-01-01")]
    [InlineData("The talks resume next month.", "9999-12-31")]
    public void An_anchor_at_the_end_of_the_calendar_leaves_the_date_null_instead_of_failing(string text, string anchor)
    {
        var found = DateRecognizer.Recognize(text, 0, text.Length, DateOnly.Parse(anchor, CultureInfo.InvariantCulture));
        Assert.All(found, d => Assert.Null(d.Date));
    }

    [Theory]
    [InlineData("Drones struck on 2\uFF11 March 2024.", "2024-03-21")]
    [InlineData("Talks opened on 202\uFF14-03-05.", "2024-03-05")]
    [InlineData("The convoy left on 1\u0665 May 2023.", "2023-05-15")]
    public void A_digit_of_another_script_inside_a_date_reads_as_its_value(string text, string date)
    {
        var d = Assert.Single(DateRecognizer.Recognize(text, 0, text.Length, new DateOnly(2024, 3, 25)));
        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), d.Date);
    }

    [Fact]
    public void A_fullwidth_count_before_ago_reads_as_its_number()
    {
        const string text = "The sirens sounded \uFF13 days ago.";
        var d = Assert.Single(DateRecognizer.Recognize(text, 0, text.Length, new DateOnly(2024, 3, 25)));
        Assert.Equal(new DateOnly(2024, 3, 22), d.Date);
    }

    [Theory]
    [InlineData("The envoys meet on Sunday.", "2024-03-10")]
    [InlineData("The envoys meet this Sunday.", "2024-03-10")]
    [InlineData("The envoys meet on Thursday.", "2024-03-07")]
    [InlineData("The envoys met last Sunday.", null)]
    [InlineData("The envoys meet next Sunday.", null)]
    public void A_bare_weekday_also_carries_its_forward_reading(string text, string? ahead)
    {
        var d = Assert.Single(DateRecognizer.Recognize(text, new DateOnly(2024, 3, 7)));
        Assert.Equal(ahead is null ? null : DateOnly.Parse(ahead, CultureInfo.InvariantCulture), d.Ahead);
    }
}
