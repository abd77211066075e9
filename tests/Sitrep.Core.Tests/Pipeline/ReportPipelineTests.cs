using Sitrep.Core.Tests.Support;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Core.Tests.Pipeline;

public sealed class ReportPipelineTests
{
    private const string Report = """
        Drones strike river port
        Russian drones struck a grain terminal overnight, the governor said. One worker was killed.
        Separately, Ukrainian forces shot down 11 drones on Tuesday.
        Talks resumed on Wednesday.
        """;

    private static readonly Lazy<ReportPipeline> Placed = new(() => ReportPipeline.Create(Gazetteers.Full));

    [Fact]
    public void The_same_document_read_twice_gives_the_same_event_ids()
    {
        var first = ReportPipeline.WithoutPlaces().Extract(Reports.Doc(Report));
        var second = ReportPipeline.WithoutPlaces().Extract(Reports.Doc(Report));
        Assert.NotEmpty(first);
        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        Assert.Equal(first.Select(Reports.Describe), second.Select(Reports.Describe));
    }

    [Fact]
    public void Event_ids_are_distinct_within_a_document_and_look_like_hex()
    {
        var events = ReportPipeline.WithoutPlaces().Extract(Reports.Doc(Report));
        Assert.True(events.Count >= 2);
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{16}$", e.Id));
    }

    [Fact]
    public void Event_ids_depend_on_the_document_id()
    {
        var a = ReportPipeline.WithoutPlaces().Extract(Reports.Doc(Report, "report-a"));
        var b = ReportPipeline.WithoutPlaces().Extract(Reports.Doc(Report, "report-b"));
        Assert.Empty(a.Select(e => e.Id).Intersect(b.Select(e => e.Id)));
        Assert.All(b, e => Assert.Equal("report-b", e.Doc));
    }

    [Fact]
    public void Event_ids_survive_an_edit_after_the_event()
    {
        var before = ReportPipeline.WithoutPlaces().Extract(Reports.Doc(Report));
        var after = ReportPipeline.WithoutPlaces().Extract(Reports.Doc(Report + "\nA later paragraph was added."));
        Assert.Equal(before.Select(e => e.Id), after.Select(e => e.Id));
    }

    [Fact]
    public void Events_without_a_gazetteer_carry_no_places()
    {
        var events = ReportPipeline.WithoutPlaces().Extract(Reports.Doc("Russian missiles struck Kharkiv on Tuesday."));
        Assert.All(events, e => Assert.Empty(e.Places));
    }

    [Fact]
    public void Confidence_stays_between_zero_and_one()
    {
        var events = ReportPipeline.WithoutPlaces().Extract(Reports.Doc(Report));
        Assert.All(events, e => Assert.InRange(e.Confidence, 0.05, 0.95));
    }

    [GazetteerFact]
    public void A_struck_city_is_placed_and_gives_the_local_source_its_country()
    {
        var events = Placed.Value.Extract(Reports.Doc("Russian missiles struck Kharkiv on Tuesday, the regional governor said."));
        var e = Assert.Single(events);
        var place = Assert.Single(e.Places);
        Assert.Equal(("Kharkiv", "UA"), (place.Name, place.Country));
        Assert.Equal(("RU", "UA", "2024-03-05"), (e.Actor, e.ClaimedBy, e.Date));
        Assert.NotNull(place.Lat);
    }

    [GazetteerFact]
    public void A_strike_in_Ukraine_without_a_named_side_is_Russian()
    {
        var e = Assert.Single(Placed.Value.Extract(Reports.Doc("A missile hit a warehouse in Odesa on Tuesday.")));
        Assert.Equal(("Odesa", "RU", "UA"), (Assert.Single(e.Places).Name, e.Actor, e.TargetActor));
    }

    [GazetteerFact]
    public void Forces_that_repelled_an_attack_name_the_attacker_as_their_opponent()
    {
        var e = Assert.Single(Placed.Value.Extract(Reports.Doc("Ukrainian forces repelled a Russian attack near Pokrovsk on Tuesday, the General Staff said.")));
        Assert.Equal(EventType.GroundCombat, e.Type);
        Assert.Equal("RU", e.Actor);
        Assert.Equal(new[] { "Pokrovsk" }, e.Places.Select(p => p.Name));
    }

    [GazetteerFact]
    public void A_city_named_as_a_side_is_not_where_it_happened()
    {
        var e = Assert.Single(Placed.Value.Extract(Reports.Doc("Moscow said its drones struck a fuel depot in Kherson on Tuesday.")));
        Assert.Equal(new[] { "Kherson" }, e.Places.Select(p => p.Name));
        Assert.Equal("RU", e.ClaimedBy);
    }

    [GazetteerFact]
    public void A_mention_keeps_the_text_as_written()
    {
        var e = Assert.Single(Placed.Value.Extract(Reports.Doc("Russian drones struck Kyiv\u2019s outskirts overnight.")));
        Assert.Equal("Kyiv", Assert.Single(e.Places).Mention);
    }

    [GazetteerFact]
    public void A_region_that_only_qualifies_a_town_is_not_a_second_place()
    {
        var e = Assert.Single(Placed.Value.Extract(Reports.Doc("Russian missiles struck Lozova in the Kharkiv region on Tuesday, the governor said.")));
        var place = Assert.Single(e.Places);
        Assert.Equal(("Lozova", "Kharkiv", "UA"), (place.Name, place.Admin1, e.ClaimedBy));
    }

    [GazetteerFact]
    public void Two_towns_struck_in_one_sentence_are_both_places_of_the_strike()
    {
        var e = Assert.Single(Placed.Value.Extract(Reports.Doc("Russian drones struck Odesa and Mykolaiv overnight.")));
        Assert.Equal(new[] { "Odesa", "Mykolaiv" }, e.Places.Select(p => p.Mention));
        Assert.All(e.Places, p => Assert.Equal("UA", p.Country));
    }

    [GazetteerFact]
    public void A_captured_village_is_a_territorial_change_with_its_place()
    {
        var e = Assert.Single(Placed.Value.Extract(Reports.Doc("Russian troops captured the village of Krynky on Tuesday, the Russian Defence Ministry said.")));
        Assert.Equal((EventType.TerritorialChange, "RU", "RU", "Krynky"), (e.Type, e.Actor, e.ClaimedBy, Assert.Single(e.Places).Name));
    }

    [GazetteerFact]
    public void An_accented_spelling_finds_the_place_and_keeps_the_mention()
    {
        var place = Assert.Single(Assert.Single(Placed.Value.Extract(Reports.Doc("Drones hit Dnipr\u00F3 on Tuesday."))).Places);
        Assert.Equal(("Dnipro", "Dnipr\u00F3"), (place.Name, place.Mention));
    }

    [GazetteerFact(Skip = "not yet: 'in Russia's Belgorod region' places the strike in Russia (country) and in Belgorod Oblast; the country only qualifies the region")]
    public void A_country_that_only_qualifies_a_region_is_not_a_second_place()
    {
        var e = Assert.Single(Placed.Value.Extract(Reports.Doc("Ukrainian drones attacked an oil depot in Russia's Belgorod region on Tuesday, the regional governor said.")));
        Assert.Equal(new[] { "Belgorod Oblast" }, e.Places.Select(p => p.Name));
        Assert.Equal(("UA", "RU"), (e.Actor, e.ClaimedBy));
    }
}
