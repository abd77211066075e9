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

    [Fact]
    public async Task Stats_come_a_page_of_days_at_a_time_and_the_pages_join_into_the_whole()
    {
        var whole = await Http.Json(dashboard.Address, "/api/stats");
        var totalDays = whole.GetProperty("total_days").GetInt32();
        Assert.Equal(whole.GetProperty("days").GetArrayLength(), totalDays);
        Assert.False(whole.GetProperty("more").GetBoolean());

        var days = new List<string>();
        var killed = new List<int>();
        var strikes = new List<int>();
        var page = 1;
        for (var more = true; more; page++)
        {
            var part = await Http.Json(dashboard.Address, $"/api/stats?size=30&page={page}");
            var partDays = part.GetProperty("days").EnumerateArray().Select(d => d.GetString()!).ToList();
            Assert.True(partDays.Count <= 30);
            Assert.Equal(totalDays, part.GetProperty("total_days").GetInt32());
            days.AddRange(partDays);
            killed.AddRange(part.GetProperty("daily").GetProperty("killed").EnumerateArray().Select(v => v.GetInt32()));
            // A page without a strike has no strike series: it counts zero there.
            strikes.AddRange(part.GetProperty("by_type").TryGetProperty("strike", out var s)
                ? s.EnumerateArray().Select(v => v.GetInt32()) : Enumerable.Repeat(0, partDays.Count));
            // Claimant totals cover every matching incident, whichever page.
            Assert.Equal(whole.GetProperty("by_claimant").GetRawText(), part.GetProperty("by_claimant").GetRawText());
            more = part.GetProperty("more").GetBoolean();
        }
        Assert.Equal((totalDays + 29) / 30 + 1, page);
        Assert.Equal(whole.GetProperty("days").EnumerateArray().Select(d => d.GetString()!), days);
        Assert.Equal(whole.GetProperty("daily").GetProperty("killed").EnumerateArray().Select(v => v.GetInt32()), killed);
        Assert.Equal(whole.GetProperty("by_type").GetProperty("strike").EnumerateArray().Select(v => v.GetInt32()), strikes);

        var past = await Http.Json(dashboard.Address, "/api/stats?size=30&page=99");
        Assert.Equal(0, past.GetProperty("days").GetArrayLength());
        Assert.False(past.GetProperty("more").GetBoolean());
    }

    [Theory]
    [InlineData("/api/stats?size=0")]
    [InlineData("/api/stats?size=10001")]
    [InlineData("/api/stats?page=0")]
    [InlineData("/api/claims?size=1001")]
    public async Task A_page_out_of_bounds_is_a_bad_request_that_names_it(string url)
    {
        var (status, body) = await Http.Raw(dashboard.Address, url);
        Assert.Equal(400, status);
        Assert.Matches("size|page", body);
    }

    [Fact]
    public async Task Claims_come_a_page_of_settlements_at_a_time()
    {
        var first = await Http.Json(dashboard.Address, "/api/claims?as_of=2025-05-31&size=1");
        var second = await Http.Json(dashboard.Address, "/api/claims?as_of=2025-05-31&size=1&page=2");
        var third = await Http.Json(dashboard.Address, "/api/claims?as_of=2025-05-31&size=1&page=3");
        Assert.Equal(2, first.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("total").GetInt32());
        Assert.Equal("Kotliarivka", Assert.Single(first.GetProperty("items").EnumerateArray()).GetProperty("place").GetString());
        Assert.Equal("Vilne", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("place").GetString());
        Assert.Equal(0, third.GetProperty("items").GetArrayLength());
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
