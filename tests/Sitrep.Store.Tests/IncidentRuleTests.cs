using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Incidents;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

public sealed class IncidentRuleTests
{
    private static ClusterReport At(Place place, string date = "2024-05-10", string? published = null, string evidence = "Rockets hit the city.") =>
        IncidentRule.Profile(0, Strike("a", "e", place, date, evidence: evidence), published is null ? null : DateOnly.Parse(published))!;

    [Fact]
    public void The_same_geonames_place_is_the_same_place_whatever_it_is_called() =>
        Assert.Equal(PlaceMatch.SamePlace, IncidentRule.Match(At(Kharkiv), At(Kharkiv with { Name = "Charkiw", Mention = "Charkiw" })));

    [Fact]
    public void Unresolved_places_with_the_same_name_and_oblast_are_the_same_place() =>
        Assert.Equal(PlaceMatch.SamePlace, IncidentRule.Match(
            At(new Place("Vovchansk", PlaceKind.Settlement, "UA", "Kharkiv", null, null, null, "Vovchansk")),
            At(new Place("Vovchansk", PlaceKind.Settlement, "UA", "Kharkiv Oblast", null, null, null, "Vovchansk"))));

    [Fact]
    public void Same_named_villages_in_different_oblasts_are_different_places() =>
        Assert.Null(IncidentRule.Match(
            At(new Place("Ivanivka", PlaceKind.Settlement, "UA", "Kherson", null, null, null, "Ivanivka")),
            At(new Place("Ivanivka", PlaceKind.Settlement, "UA", "Kharkiv", null, null, null, "Ivanivka"))));

    [Fact]
    public void Villages_either_side_of_an_oblast_border_are_two_places_however_close() =>
        Assert.Null(IncidentRule.Match(At(City("Hraniche", "Kharkiv", 50.300, 35.500, 11)), At(City("Hraniche", "Sumy", 50.310, 35.510, 12))));

    [Fact]
    public void A_second_entry_of_a_town_with_no_oblast_is_still_the_town() =>
        Assert.Equal(PlaceMatch.Nearby, IncidentRule.Match(At(Kharkiv), At(Kharkiv with { GeonamesId = 1, Admin1 = null, Lat = 50.005 })));

    [Fact]
    public void Two_towns_23_km_apart_are_two_places() => Assert.Null(IncidentRule.Match(At(Kharkiv), At(Merefa)));

    [Fact]
    public void A_second_gazetteer_entry_two_km_off_is_the_same_town() =>
        Assert.Equal(PlaceMatch.Nearby, IncidentRule.Match(At(Kharkiv), At(Kharkiv with { GeonamesId = 1, Lat = 50.005, Lon = 36.25 })));

    [Fact]
    public void An_airfield_12_km_outside_a_town_can_be_the_town_a_report_names() =>
        Assert.Equal(PlaceMatch.Nearby, IncidentRule.Match(At(Kharkiv),
            At(new Place("Kharkiv North Airfield", PlaceKind.Facility, "UA", "Kharkiv", 50.10, 36.25, 2, "the airfield"))));

    [Fact]
    public void An_oblast_is_compared_with_a_town_by_containment_not_as_a_place_match()
    {
        Assert.Null(IncidentRule.Match(At(KharkivOblast), At(Chuhuiv)));
        Assert.True(IncidentRule.Contains(At(KharkivOblast), At(Chuhuiv)));
        Assert.False(IncidentRule.Contains(At(KharkivOblast), At(Odesa)));
    }

    [Fact]
    public void The_finest_place_of_a_report_is_the_one_it_is_compared_by() =>
        Assert.Equal("chuhuiv", IncidentRule.Profile(0, Strike("a", "e", KharkivOblast) with { Places = [KharkivOblast, Chuhuiv] }, null)!.NameKey);

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

    [Fact]
    public void Reports_of_the_same_day_are_about_the_same_day() =>
        Assert.True(IncidentRule.SameDayOrNight(At(Kharkiv, "2024-05-10"), At(Kharkiv, "2024-05-10")));

    [Fact]
    public void Reports_of_consecutive_days_are_not_the_same_day() =>
        Assert.False(IncidentRule.SameDayOrNight(At(Kharkiv, "2024-05-10", "2024-05-11"), At(Kharkiv, "2024-05-11", "2024-05-11")));

    [Theory]
    [InlineData("Drones attacked the city last night.")]
    [InlineData("The city came under attack overnight.")]
    public void A_night_dated_by_its_evening_and_told_next_day_is_the_night_another_outlet_dates_by_the_morning(string evidence) =>
        Assert.True(IncidentRule.SameDayOrNight(At(Kharkiv, "2024-05-10", "2024-05-11", evidence), At(Kharkiv, "2024-05-11", "2024-05-11")));

    [Fact]
    public void Two_nights_each_dated_by_their_morning_are_two_nights() =>
        Assert.False(IncidentRule.SameDayOrNight(
            At(Kharkiv, "2024-05-10", "2024-05-10", "Drones attacked overnight."), At(Kharkiv, "2024-05-11", "2024-05-11", "Drones attacked overnight.")));
}
