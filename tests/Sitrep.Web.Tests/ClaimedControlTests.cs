using Sitrep.Store;
using Sitrep.Web.Claims;

namespace Sitrep.Web.Tests;

public sealed class ClaimedControlTests
{
    private static ControlClaim Claim(string date, string place, string actor, string? claimedBy, string subtype = "captured", long? id = 1) => new()
    {
        Date = date, Place = place, Admin1 = "Donetsk", Lat = 48.1, Lon = 37.2, GeonamesId = id, Actor = actor, ClaimedBy = claimedBy,
        Subtype = subtype, Doc = $"{place}-{date}", Incident = 1,
    };

    [Fact]
    public void The_latest_claim_up_to_the_day_says_who_holds_a_settlement()
    {
        ControlClaim[] claims = [Claim("2025-01-10", "Vilne", "RU", "RU"), Claim("2025-02-01", "Vilne", "UA", "UA", "liberated")];
        Assert.Equal("RU", Assert.Single(ClaimedControl.AsOf(claims, "2025-01-31")).Holder);
        Assert.Equal("UA", Assert.Single(ClaimedControl.AsOf(claims, "2025-02-01")).Holder);
        Assert.Empty(ClaimedControl.AsOf(claims, "2025-01-09"));
    }

    [Fact]
    public void A_later_claim_that_reverses_an_earlier_one_is_contested()
    {
        ControlClaim[] claims = [Claim("2025-01-10", "Vilne", "RU", "RU"), Claim("2025-02-01", "Vilne", "UA", "UA", "liberated")];
        var settlement = Assert.Single(ClaimedControl.AsOf(claims, null));
        Assert.True(settlement.Contested);
        Assert.Contains("reverses", settlement.ContestedBecause);
    }

    [Fact]
    public void Claims_by_both_sides_of_the_same_capture_are_contested()
    {
        ControlClaim[] claims = [Claim("2025-01-10", "Vilne", "RU", "RU"), Claim("2025-01-11", "Vilne", "RU", "UA")];
        var settlement = Assert.Single(ClaimedControl.AsOf(claims, null));
        Assert.True(settlement.Contested);
        Assert.Contains("claimed by RU and UA", settlement.ContestedBecause);
    }

    [Fact]
    public void One_sides_repeated_claims_are_not_contested()
    {
        ControlClaim[] claims = [Claim("2025-01-10", "Vilne", "RU", "RU"), Claim("2025-01-12", "Vilne", "RU", "RU")];
        var settlement = Assert.Single(ClaimedControl.AsOf(claims, null));
        Assert.False(settlement.Contested);
        Assert.Equal(2, settlement.ClaimCount);
    }

    [Fact]
    public void Settlements_without_a_geonames_id_are_told_apart_by_name_and_oblast()
    {
        ControlClaim[] claims = [Claim("2025-01-10", "Vilne", "RU", "RU", id: null), Claim("2025-01-11", "Novoe", "RU", "RU", id: null)];
        Assert.Equal(["Novoe", "Vilne"], ClaimedControl.AsOf(claims, null).Select(s => s.Place));
    }

    [Fact]
    public void The_timeline_worked_out_once_answers_each_day_as_the_claims_up_to_it_alone_would()
    {
        ControlClaim[] claims =
        [
            Claim("2025-01-10", "Vilne", "RU", "RU"), Claim("2025-01-10", "Novoe", "RU", "RU", id: 2),
            Claim("2025-01-20", "Vilne", "RU", "UA", id: 1), Claim("2025-02-01", "Vilne", "UA", "UA", "liberated"),
            Claim("2025-02-03", "Avdiivka", "RU", null, id: 3), Claim("2025-02-05", "Novoe", "RU", "RU", id: 2),
        ];
        var timeline = new ClaimTimeline(claims);
        foreach (var day in new[] { "2025-01-09", "2025-01-10", "2025-01-15", "2025-01-20", "2025-02-01", "2025-02-04", "2025-03-01" })
        {
            var alone = new ClaimTimeline(claims.Where(c => string.CompareOrdinal(c.Date, day) <= 0).ToArray()).AsOf(null);
            Assert.Equal(alone.Select(Describe), timeline.AsOf(day).Select(Describe));
        }
        Assert.Equal(["Avdiivka", "Novoe", "Vilne"], timeline.AsOf(null).Select(s => s.Place));
    }

    private static string Describe(ClaimedSettlement s) =>
        $"{s.Place} {s.Holder} {s.ClaimedBy} {s.LastDate} {s.Contested} {s.ContestedBecause} {s.ClaimCount} {string.Join(",", s.Claims.Select(c => c.Date))}";

    [Fact]
    public void Only_subtypes_that_claim_control_are_read_from_the_data_file()
    {
        Assert.Equal(["captured", "liberated"], ClaimedControl.ControlSubtypes);
    }
}
