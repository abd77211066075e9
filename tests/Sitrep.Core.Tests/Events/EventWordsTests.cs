using Sitrep.Core.Tests.Support;
using Sitrep.Pipeline;

namespace Sitrep.Core.Tests.Events;

/// <summary>
/// The small words of event-words.tsv that set a place or a weapon aside: each row's construction,
/// in sentences of its own, fails when the row loses its word.
/// </summary>
public sealed class EventWordsTests
{
    private static readonly Lazy<ReportPipeline> Pipeline = new(() => ReportPipeline.Create(Gazetteers.Full));

    private static IReadOnlyList<Sitrep.Events.EventRecord> Events(string text)
    {
        var events = Pipeline.Value.Extract(Reports.Doc(text));
        Assert.NotEmpty(events);
        return events;
    }

    private static List<string> PlacesOf(string text) =>
        Events(text).SelectMany(e => e.Places).Select(p => p.Name).Distinct().ToList();

    private static List<string> WeaponsOf(string text) =>
        Events(text).SelectMany(e => e.Weapons).Select(Reports.Describe).ToList();

    // span-start
    [GazetteerTheory]
    [InlineData("Shelling of Kharkiv has not stopped since the spring offensive near Vovchansk.", "Vovchansk")]
    [InlineData("Russian troops shelled Kherson on Monday for the first time since the occupation of Nova Kakhovka ended.", "Nova Kakhovka")]
    public void A_place_in_a_clause_that_dates_the_story_is_no_place_of_the_event(string text, string dating) =>
        Assert.DoesNotContain(dating, PlacesOf(text));

    // distance-link
    [GazetteerTheory]
    [InlineData("A drone struck a farm in Kupiansk district, 12 km from Izium, on Monday.")]
    [InlineData("Shelling hit a school in Nikopol, about 60 kilometres from Zaporizhzhia, on Tuesday.")]
    public void A_place_a_distance_is_measured_from_is_no_place_of_the_event(string text) =>
        Assert.Single(PlacesOf(text));

    // inclusion
    [Theory]
    [InlineData("Russia launched 90 drones and missiles overnight, including 12 cruise missiles.", new[] { "drone 90/-", "missile -/-" })]
    [InlineData("Russia fired 40 missiles at Ukraine on Friday, including six Kinzhal hypersonic missiles.", new[] { "missile 40/-" })]
    public void A_weapon_counted_within_a_larger_launch_is_not_a_launch_of_its_own(string text, string[] weapons) =>
        Assert.Equal(weapons, WeaponsOf(text));

    // place-relative
    [Theory]
    [InlineData("Ukrainian drones struck the Morozovsk airfield, where Su-34 bombers are based.", "Su-34")]
    [InlineData("Missiles hit the Saky air base in Crimea on Tuesday, where Su-24 jets are kept.", "Su-24")]
    public void A_weapon_a_place_is_known_for_is_not_a_weapon_used(string text, string model) =>
        Assert.DoesNotContain(WeaponsOf(text), w => w.Contains(model, StringComparison.Ordinal));
}
