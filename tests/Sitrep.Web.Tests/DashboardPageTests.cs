using Microsoft.Playwright;
using Sitrep.Store;

namespace Sitrep.Web.Tests;

/// <summary>The page in real Chromium; each test leaves a screenshot under screenshots/ in the test output.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(Dashboard dashboard, Browser browser) : IClassFixture<Browser>
{
    private const float Wait = 15_000;

    [BrowserFact]
    public async Task The_page_loads_with_its_map_and_timeline_and_no_console_errors()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(dashboard.Address.ToString());
        await MarkersAsync(page, LocatedPoints(new EventQuery()).Count);
        await page.Locator("#chart-types .uplot").WaitForAsync(new() { Timeout = Wait });
        Assert.Equal(3, await page.Locator("#timeline .uplot").CountAsync());
        Assert.True(await page.Locator(".legend").IsVisibleAsync());
        await Browser.ScreenshotAsync(page, "page-loads");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_marker_count_matches_the_incidents_in_the_filtered_range()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(dashboard.Address, "/?from=2025-03-01&to=2025-03-31").ToString());
        var expected = LocatedPoints(new EventQuery { From = "2025-03-01", To = "2025-03-31" });
        Assert.Equal(2, expected.Count);
        await MarkersAsync(page, expected.Count);
        foreach (var incident in expected)
            Assert.Equal(1, await page.Locator($"path.incident-{incident.Id}").CountAsync());
        // The Sumy report names only the oblast: drawn as the oblast's outline, not a point.
        await page.Locator("path.oblast-incidents").WaitForAsync(new() { Timeout = Wait });
        Assert.Equal(1, await page.Locator("path.oblast-incidents").CountAsync());
        await Browser.ScreenshotAsync(page, "filtered-range");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task A_filter_changes_the_map_and_the_address()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(dashboard.Address.ToString());
        await MarkersAsync(page, LocatedPoints(new EventQuery()).Count);

        await page.SelectOptionAsync("#f-type", "ground_combat");
        var combat = LocatedPoints(new EventQuery { Types = [Events.EventType.GroundCombat] });
        await MarkersAsync(page, combat.Count);
        Assert.Equal(1, await page.Locator($"path.incident-{combat.Single().Id}").CountAsync());
        Assert.Contains("type=ground_combat", page.Url);

        // The address alone reproduces the view.
        var (shared, _) = await browser.NewPageAsync();
        await shared.GotoAsync(page.Url);
        await MarkersAsync(shared, combat.Count);
        Assert.Equal("ground_combat", await shared.InputValueAsync("#f-type"));
        await Browser.ScreenshotAsync(page, "filter-type");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Clicking_an_incident_shows_its_sources_figures_and_highlighted_evidence()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(dashboard.Address.ToString());
        var odesa = LocatedPoints(new EventQuery { Place = "Odesa" }).Single();
        await page.Locator($"path.incident-{odesa.Id}").ClickAsync(new() { Timeout = Wait });

        var reports = page.Locator("#panel-body article.report");
        await reports.Nth(1).WaitForAsync(new() { Timeout = Wait });
        Assert.Equal(2, await reports.CountAsync());
        var figures = page.Locator("#panel-body table.figures");
        var header = await figures.Locator("thead").InnerTextAsync();
        Assert.Contains("Harbour Daily", header);
        Assert.Contains("Coastline News", header);
        var killed = figures.Locator("tbody tr", new() { HasText = "Killed" });
        Assert.Equal(["Killed", "3", "4", "3–4", "3"], (await killed.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()));

        // Each evidence sentence is highlighted inside its report's full text.
        using var store = dashboard.OpenStore();
        var incident = store.GetIncident(odesa.Id)!;
        var expected = incident.Reports.SelectMany(r => r.Event.Evidence.Select(e => e.Text)).Order().ToList();
        var marks = await page.Locator("#panel-body .report-text mark.evidence").AllInnerTextsAsync();
        Assert.Equal(expected, marks.Order());
        var text = await reports.First.Locator(".report-text").InnerTextAsync();
        Assert.True(text.Length > marks[0].Length, "the mark sits inside the report text, not alone");
        Assert.Contains($"incident={odesa.Id}", page.Url);
        await Browser.ScreenshotAsync(page, "incident-panel");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Markup_in_a_report_is_shown_as_text_and_never_runs()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(dashboard.Address.ToString());
        var kharkiv = LocatedPoints(new EventQuery { Place = "Kharkiv" }).Single();
        await page.Locator($"path.incident-{kharkiv.Id}").ClickAsync(new() { Timeout = Wait });
        await page.Locator("#panel-body article.report").WaitForAsync(new() { Timeout = Wait });

        var panel = await page.Locator("#panel-body").InnerTextAsync();
        Assert.Contains(Dashboard.ScriptMarkup, panel);
        Assert.Contains(Dashboard.ImageMarkup, panel);
        Assert.Contains($"Wire {Dashboard.ImageMarkup}", panel);
        Assert.Equal(0, await page.Locator("#panel-body script, #panel-body img").CountAsync());
        Assert.Contains(Dashboard.ScriptMarkup, string.Concat(await page.Locator("#panel-body mark.evidence").AllInnerTextsAsync()));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sitrepXss === undefined"));
        await Browser.ScreenshotAsync(page, "markup-as-text");
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task The_content_security_policy_stops_inline_script_that_reaches_the_page()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(dashboard.Address.ToString());
        await MarkersAsync(page, LocatedPoints(new EventQuery()).Count);
        // As if article text had slipped into the page as markup: an inline script and an inline handler.
        await page.EvaluateAsync("""
            () => {
              const script = document.createElement('script');
              script.textContent = 'window.__sitrepInline = 1';
              document.body.append(script);
              const image = document.createElement('img');
              image.setAttribute('onerror', 'window.__sitrepInline = 2');
              image.src = 'data:,not-an-image';
              document.body.append(image);
            }
            """);
        await page.WaitForFunctionAsync("() => document.querySelector('body > img').complete", null, new() { Timeout = Wait });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sitrepInline === undefined"));
        // Chromium says why on the console: the policy refused both.
        Assert.Contains(errors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task The_date_slider_changes_the_claimed_control_layer()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(dashboard.Address.ToString());
        await page.CheckAsync("#claims-on");
        // The slider starts at the last claim: Kotliarivka retaken (contested), Vilne captured.
        await ClaimsAsync(page, 2);
        Assert.Equal(1, await page.Locator("path.claim-marker.contested").CountAsync());
        Assert.Equal(1, await page.Locator("path.claim-marker.side-UA").CountAsync());
        await Browser.ScreenshotAsync(page, "claims-latest");

        await page.Locator("#claims-date").FillAsync("0");
        await ClaimsAsync(page, 1);
        Assert.Equal(0, await page.Locator("path.claim-marker.contested").CountAsync());
        Assert.Equal(1, await page.Locator("path.claim-marker.side-RU").CountAsync());
        Assert.Contains("claims=2025-04-10", page.Url);
        Assert.Equal("as of 2025-04-10", await page.InnerTextAsync("#claims-date-label"));
        await Browser.ScreenshotAsync(page, "claims-first-day");

        // The layer shows the map's view: dragged so both settlements (east of the centre) are off
        // its right edge, it draws neither; dragged back, both; zoomed in on the centre, far west
        // of them, neither again.
        await page.Locator("#claims-date").FillAsync((await page.GetAttributeAsync("#claims-date", "max"))!);
        await ClaimsAsync(page, 2);
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        var across = map.Width - 300;
        await MovedAsync(page, () => DragAsync(page, map.X + 200, map.Y + 200, across));
        Assert.Equal("0", await ClaimsCountAsync(page, "inView"));
        Assert.Equal(0, await page.Locator("path.claim-marker").CountAsync());
        await Browser.ScreenshotAsync(page, "claims-moved-away");
        await MovedAsync(page, () => DragAsync(page, map.X + 200 + across, map.Y + 200, -across));
        Assert.Equal("2", await ClaimsCountAsync(page, "inView"));
        await ClaimsAsync(page, 2);
        for (var i = 0; i < 2; i++)
            await MovedAsync(page, () => page.ClickAsync(".leaflet-control-zoom-in"));
        Assert.Equal("0", await ClaimsCountAsync(page, "inView"));
        Assert.Equal("2", await ClaimsCountAsync(page, "total"));
        Assert.Equal(0, await page.Locator("path.claim-marker").CountAsync());
        Assert.Empty(errors);
    }

    [BrowserFact]
    public async Task Brushing_a_range_on_the_timeline_filters_the_map()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(dashboard.Address.ToString());
        await MarkersAsync(page, LocatedPoints(new EventQuery()).Count);
        var over = page.Locator("#chart-types .u-over");
        await over.WaitForAsync(new() { Timeout = Wait });
        // The gesture is made where the chart is once the page has settled: on a busy machine the
        // other charts and the claims panel may still be arriving, and their layout moves it.
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle, new() { Timeout = Wait });
        var box = (await over.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.35f, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.75f, box.Y + box.Height / 2, new() { Steps = 8 });
        await page.Mouse.UpAsync();

        await page.WaitForURLAsync(url => url.Contains("from=") && url.Contains("to="), new() { Timeout = Wait });
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        var range = LocatedPoints(new EventQuery { From = query["from"], To = query["to"] });
        Assert.True(range.Count < LocatedPoints(new EventQuery()).Count, $"the brushed range {query["from"]}..{query["to"]} should leave some incidents out");
        await MarkersAsync(page, range.Count);
        Assert.Equal(query["from"], await page.InputValueAsync("#f-from"));
        await Browser.ScreenshotAsync(page, "brushed-range");
        Assert.Empty(errors);
    }

    // Incidents the map draws as points: located, finer than an oblast.
    private List<IncidentRow> LocatedPoints(EventQuery query)
    {
        using var store = dashboard.OpenStore();
        return store.QueryIncidents(query).Where(i => i.Lat is not null && i.PlaceKind != "region").ToList();
    }

    private static Task MarkersAsync(IPage page, int count) =>
        page.WaitForFunctionAsync("n => document.querySelectorAll('path.incident-marker').length === n && document.getElementById('status').dataset.ready",
            count, new() { Timeout = Wait });

    // Drags the map by dx pixels from (x, y) and holds still before letting go, as a hand that
    // means to put the map just there does (Leaflet throws a map let go in motion further).
    private static async Task DragAsync(IPage page, float x, float y, float dx)
    {
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + dx, y, new() { Steps = 12 });
        await page.WaitForTimeoutAsync(150);
        await page.Mouse.MoveAsync(x + dx + 1, y);
        await page.WaitForTimeoutAsync(100);
        await page.Mouse.UpAsync();
    }

    // Does what moves the map, then waits for the claims layer to answer for the new view.
    private static async Task MovedAsync(IPage page, Func<Task> move)
    {
        var before = await ClaimsCountAsync(page, "ready");
        await move();
        await page.WaitForFunctionAsync("before => document.getElementById('claims-count').dataset.ready !== before", before, new() { Timeout = Wait });
    }

    private static Task<string?> ClaimsCountAsync(IPage page, string field) =>
        page.EvaluateAsync<string?>($"() => document.getElementById('claims-count').dataset.{field} ?? null");

    private static Task ClaimsAsync(IPage page, int count) =>
        page.WaitForFunctionAsync("n => document.querySelectorAll('path.claim-marker').length === n", count, new() { Timeout = Wait });
}
