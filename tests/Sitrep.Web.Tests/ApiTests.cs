namespace Sitrep.Web.Tests;

/// <summary>The events, stats and claims endpoints.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ApiTests(Dashboard dashboard)
{
    [Fact]
    public async Task Events_come_as_spec_records_a_page_at_a_time()
    {
        var first = await Http.Json(dashboard.Address, "/api/events?size=4");
        Assert.Equal(4, first.GetProperty("items").GetArrayLength());
        Assert.True(first.GetProperty("more").GetBoolean());
        var record = first.GetProperty("items")[0];
        Assert.True(record.TryGetProperty("evidence", out _));
        var all = await Http.Json(dashboard.Address, "/api/events?size=100");
        Assert.False(all.GetProperty("more").GetBoolean());
        Assert.Equal(10, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Events_take_the_full_text_filter()
    {
        var events = await Http.Json(dashboard.Address, "/api/events?text=liberated");
        var only = Assert.Single(events.GetProperty("items").EnumerateArray());
        Assert.Equal("kotliarivka-liberated", only.GetProperty("doc").GetString());
    }

    [Fact]
    public async Task Stats_count_each_incident_once_with_its_conservative_figures()
    {
        var stats = await Http.Json(dashboard.Address, "/api/stats?type=strike");
        var days = stats.GetProperty("days").EnumerateArray().Select(d => d.GetString()!).ToList();
        var at = days.IndexOf("2025-03-14");
        Assert.Equal(1, stats.GetProperty("by_type").GetProperty("strike")[at].GetInt32());
        var daily = stats.GetProperty("daily");
        Assert.Equal(3, daily.GetProperty("killed")[at].GetInt32());
        Assert.Equal(25, daily.GetProperty("drones_launched")[at].GetInt32());
        Assert.Equal(20, daily.GetProperty("drones_intercepted")[at].GetInt32());
        // One value per day, quiet days as zero, from the first strike to the last.
        Assert.Equal(days.Count, daily.GetProperty("killed").GetArrayLength());
        Assert.Equal(["2025-03-14", "2025-03-20"], [days[0], days[^1]]);
        Assert.Equal(["strike"], stats.GetProperty("by_type").EnumerateObject().Select(p => p.Name));
        Assert.Contains(stats.GetProperty("by_claimant").EnumerateArray(), c => c.GetProperty("claimant").GetString() == "UA");
    }

    [Fact]
    public async Task Claims_as_of_a_day_show_what_had_been_claimed_by_then()
    {
        var april = await Http.Json(dashboard.Address, "/api/claims?as_of=2025-04-15");
        var kotliarivka = Assert.Single(april.GetProperty("items").EnumerateArray());
        Assert.Equal("RU", kotliarivka.GetProperty("holder").GetString());
        Assert.False(kotliarivka.GetProperty("contested").GetBoolean());

        var may = await Http.Json(dashboard.Address, "/api/claims?as_of=2025-05-31");
        var settlements = may.GetProperty("items").EnumerateArray().ToDictionary(s => s.GetProperty("place").GetString()!);
        Assert.Equal(["Kotliarivka", "Vilne"], settlements.Keys.Order());
        Assert.Equal("UA", settlements["Kotliarivka"].GetProperty("holder").GetString());
        Assert.True(settlements["Kotliarivka"].GetProperty("contested").GetBoolean());
        Assert.False(settlements["Vilne"].GetProperty("contested").GetBoolean());
        Assert.Equal("2025-04-10", may.GetProperty("first_date").GetString());
        Assert.Equal("2025-05-05", may.GetProperty("last_date").GetString());
    }

    [Theory]
    [InlineData("/api/incidents?view=map&type=cyber")]
    [InlineData("/api/incidents?type=cyber")]
    [InlineData("/api/events?type=cyber")]
    [InlineData("/api/stats?type=cyber")]
    [InlineData("/api/claims?actor=FI")]
    public async Task A_filter_that_matches_nothing_gives_an_empty_answer(string url)
    {
        var (status, body) = await Http.Raw(dashboard.Address, url);
        Assert.True(status == 200, $"{url}: {status} {body}");
    }
}
