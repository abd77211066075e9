using System.Globalization;
using System.Text.Json;
using Sitrep.Core.Tests.Support;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Core.Tests.Events;

/// <summary>
/// The classes of reading error the clause layer and event frames address (who acted, what did
/// not happen, events without the usual trigger, roles of nouns, counts, dates, claims), one
/// table of sentences of our own in Specs/reading.json, read with places through the full
/// gazetteer, on reports published Thursday 2024-03-07.
/// </summary>
public sealed class ReadingSpecTests
{
    private sealed record ExpectedEvent(string Type, string? Actor, string? ClaimedBy, string[]? Places, string[]? Weapons, int? Killed, string? Date);

    private sealed record ReadingCase(string Class, string Note, string Input, ExpectedEvent[] Expected);

    private static readonly Lazy<ReadingCase[]> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Events", "Specs", "reading.json");
        return JsonSerializer.Deserialize<ReadingCase[]>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
            ?? throw new InvalidDataException("reading.json is empty");
    });

    private static readonly Lazy<ReportPipeline> Placed = new(() => ReportPipeline.Create(Gazetteers.Full));

    public static TheoryData<int, string> Specs()
    {
        var data = new TheoryData<int, string>();
        var cases = Cases.Value;
        for (var i = 0; i < cases.Length; i++)
            data.Add(i, $"{cases[i].Class}: {cases[i].Note}");
        return data;
    }

    [GazetteerTheory]
    [MemberData(nameof(Specs))]
    public void Reading_case_yields_expected_events(int index, string note)
    {
        Assert.NotNull(note);
        var spec = Cases.Value[index];
        var expected = spec.Expected.Select(e => Format(e.Type, e.Actor, e.ClaimedBy, e.Places ?? [], e.Weapons ?? [], e.Killed, e.Date))
            .Order(StringComparer.Ordinal).ToArray();
        var actual = Placed.Value.Extract(Reports.Doc(spec.Input))
            .Where(e => e.Type != EventType.Other)
            .Select(e => Format(JsonSerializer.Serialize(e.Type).Trim('"'), e.Actor, e.ClaimedBy, e.Places.Select(p => p.Name),
                e.Weapons.Select(Reports.Describe).Select(w => StripModel(w)), e.Killed, e.Date))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_class_of_the_issue_has_at_least_two_cases()
    {
        var classes = Cases.Value.GroupBy(c => c.Class).ToDictionary(g => g.Key, g => g.Count());
        foreach (var name in new[] { "who acted", "did not happen", "no usual trigger", "roles of nouns", "counts", "dates", "claims" })
            Assert.True(classes.GetValueOrDefault(name) >= 2, $"class '{name}' has fewer than two cases");
    }

    /// <summary>The table gives weapons as "class launched/intercepted"; models are tested in events.json.</summary>
    private static string StripModel(string described)
    {
        var parts = described.Split(' ');
        return parts.Length == 3 ? $"{parts[0]} {parts[2]}" : described;
    }

    private static string Format(string type, string? actor, string? claimedBy, IEnumerable<string> places, IEnumerable<string> weapons, int? killed, string? date) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{type} actor={actor} claimed_by={claimedBy} places=[{string.Join(", ", places.Order(StringComparer.Ordinal))}] weapons=[{string.Join(", ", weapons.Order(StringComparer.Ordinal))}] killed={killed} date={date}");
}
