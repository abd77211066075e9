using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Incidents;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

public sealed class IncidentClustererTests
{
    private static long _key;

    private static ClusterReport At(string doc, Place place, string date = "2024-05-10", int? killed = null, string? actor = "RU") =>
        IncidentRule.Profile(++_key, Strike(doc, "e1", place, date, killed: killed, actor: actor), null)!;

    private static HashSet<string> Partition(IEnumerable<ClusterReport> reports) =>
        IncidentClusterer.Cluster(reports).Select(g => string.Join(",", g.Select(r => r.Doc).Order(StringComparer.Ordinal))).ToHashSet();

    [Fact]
    public void The_groups_do_not_depend_on_the_order_of_the_reports()
    {
        ClusterReport[] reports =
        [
            At("a", Kharkiv, killed: 2), At("b", Kharkiv with { GeonamesId = 1, Lat = 50.01 }), At("c", KharkivOblast, killed: 11),
            At("d", Chuhuiv, killed: 12), At("e", KharkivOblast), At("f", Odesa), At("g", Odesa, actor: "UA"), At("h", Kharkiv, "2024-05-11"),
        ];
        var expected = Partition(reports);

        var random = new Random(3);
        for (var i = 0; i < 20; i++)
            Assert.Equal(expected, Partition(reports.OrderBy(_ => random.Next())));
    }

    [Fact]
    public void A_report_that_links_two_groups_merges_them()
    {
        var west = City("Zakhidne", "Kharkiv", 49.90, 35.97, 1);
        var east = west with { GeonamesId = 2, Lon = 36.07 };
        var middle = west with { GeonamesId = 3, Lon = 36.02 };

        Assert.Equal(2, IncidentClusterer.Cluster([At("a", west), At("b", east)]).Count);
        Assert.Single(IncidentClusterer.Cluster([At("a", west), At("b", east), At("c", middle)]));
    }

    [Fact]
    public void Oblast_level_reports_that_fit_no_town_group_with_each_other() =>
        Assert.Single(IncidentClusterer.Cluster([At("a", KharkivOblast), At("b", KharkivOblast)]));

    [Fact]
    public void A_chain_of_reports_never_grows_past_two_consecutive_days()
    {
        var night = (string doc, string date, string published) =>
            IncidentRule.Profile(++_key, Strike(doc, "e1", Kharkiv, date, evidence: "Drones attacked last night."), DateOnly.Parse(published))!;

        var groups = IncidentClusterer.Cluster([night("a", "2024-05-10", "2024-05-11"), night("b", "2024-05-11", "2024-05-12"), night("c", "2024-05-12", "2024-05-13")]);

        Assert.All(groups, g => Assert.True(g.Max(r => r.Date).DayNumber - g.Min(r => r.Date).DayNumber <= 1));
    }
}

public sealed class IncidentIdsTests
{
    private static ClusterReport R(string doc) => new(0, doc, "e1", "air", new DateOnly(2024, 5, 10), false, null, null, PlaceLevel.Point, "settlement", doc, null, null, null, null, null);

    [Fact]
    public void A_merged_group_keeps_the_older_id()
    {
        var ids = IncidentIds.Assign([[R("a"), R("b")]], r => (r.Doc == "a" ? 7 : 3, true));

        Assert.Equal([3L], ids.Select(i => i!.Value));
    }

    [Fact]
    public void The_reports_that_stayed_keep_the_id_and_the_one_that_left_gets_a_new_one()
    {
        var ids = IncidentIds.Assign([[R("changed")], [R("stayed")]], r => (5, r.Doc == "stayed"));

        Assert.Equal([null, 5L], ids);
    }

    [Fact]
    public void A_group_of_new_reports_needs_a_new_id() =>
        Assert.Equal([null], IncidentIds.Assign([[R("new")]], _ => (null, false)));
}
