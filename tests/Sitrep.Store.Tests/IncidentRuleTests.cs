using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Incidents;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

public sealed class IncidentRuleTests
{
    [Fact]
    public void The_same_geonames_place_is_the_same_place_whatever_it_is_called() =>
        Assert.Equal(PlaceMatch.SamePlace, IncidentRule.Match(Kharkiv, Kharkiv with { Name = "Charkiw", Mention = "Charkiw" }));

    [Fact]
    public void Unresolved_places_with_the_same_name_and_oblast_are_the_same_place() =>
        Assert.Equal(PlaceMatch.SamePlace, IncidentRule.Match(
            new Place("Vovchansk", PlaceKind.Settlement, "UA", "Kharkiv", null, null, null, "Vovchansk"),
            new Place("Vovchansk", PlaceKind.Settlement, "UA", "Kharkiv Oblast", null, null, null, "Vovchansk")));

    [Fact]
    public void Same_named_villages_in_different_oblasts_are_different_places() =>
        Assert.Null(IncidentRule.Match(
            new Place("Ivanivka", PlaceKind.Settlement, "UA", "Kherson", null, null, null, "Ivanivka"),
            new Place("Ivanivka", PlaceKind.Settlement, "UA", "Kharkiv", null, null, null, "Ivanivka")));

    [Fact]
    public void Towns_within_25_km_are_nearby() => Assert.Equal(PlaceMatch.Nearby, IncidentRule.Match(Kharkiv, Merefa));

    [Fact]
    public void Two_towns_of_one_oblast_37_km_apart_do_not_match() => Assert.Null(IncidentRule.Match(Kharkiv, Chuhuiv));

    [Fact]
    public void An_oblast_matches_a_town_inside_it() => Assert.Equal(PlaceMatch.SameOblast, IncidentRule.Match(KharkivOblast, Chuhuiv));

    [Fact]
    public void An_oblast_centroid_is_not_nearby_anything() =>
        Assert.Null(IncidentRule.Match(KharkivOblast with { GeonamesId = null, Admin1 = "Kharkiv" }, Odesa with { Lat = 49.6, Lon = 36.5 }));

    [Theory]
    [InlineData("Kharkiv Oblast", "kharkiv")]
    [InlineData("Kharkiv region", "kharkiv")]
    [InlineData("kharkiv", "kharkiv")]
    [InlineData("Zaporizhzhia Oblast", "zaporizhzhia")]
    public void Oblast_names_fold_to_one_key(string name, string key) => Assert.Equal(key, IncidentRule.OblastKey(name));

    [Theory]
    [InlineData(EventType.Strike, EventType.AirDefense, true)]
    [InlineData(EventType.GroundCombat, EventType.TerritorialChange, true)]
    [InlineData(EventType.Strike, EventType.GroundCombat, false)]
    [InlineData(EventType.Aid, EventType.Diplomacy, false)]
    public void Types_cluster_within_their_family(EventType a, EventType b, bool same) =>
        Assert.Equal(same, IncidentRule.Family(a) == IncidentRule.Family(b));

    [Theory]
    [InlineData(null, "RU", true)]
    [InlineData("RU", "ru", true)]
    [InlineData("RU", "UA", false)]
    public void An_unknown_actor_is_compatible_with_any(string? a, string? b, bool compatible) =>
        Assert.Equal(compatible, IncidentRule.ActorsCompatible(a, b));

    [Fact]
    public void An_event_known_only_to_the_month_cannot_cluster() =>
        Assert.False(IncidentRule.CanCluster(Strike("a", "e", Kharkiv) with { DatePrecision = DatePrecision.Month }));
}

public sealed class IncidentRuleDateTests
{
    [Theory]
    [InlineData("2024-05-10", "2024-05-10", "2024-05-11", true)]
    [InlineData("2024-05-10", "2024-05-11", "2024-05-10", true)]
    [InlineData("2024-05-10", "2024-05-11", "2024-05-12", false)]
    [InlineData("2024-05-31", "2024-05-31", "2024-06-01", true)]
    public void An_incident_spans_at_most_a_day(string first, string last, string date, bool joins) =>
        Assert.Equal(joins, Sitrep.Store.Incidents.IncidentRule.WithinADay(first, last, date));
}
