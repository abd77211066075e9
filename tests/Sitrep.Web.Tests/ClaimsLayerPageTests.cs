using Microsoft.Playwright;

namespace Sitrep.Web.Tests;

/// <summary>The claims layer in Chromium over more claimed settlements than it draws one by one.</summary>
[Collection(ManyClaimsCollection.Name)]
public sealed class ClaimsLayerPageTests(ManyClaims claims, Browser browser) : IClassFixture<Browser>
{
    private const float Wait = 15_000;
    private const int Settlements = ManyClaims.GridSettlements + 1;

    [BrowserFact]
    public async Task Zoomed_out_the_layer_counts_every_settlement_in_squares_and_a_click_zooms_in()
    {
        var (page, errors) = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(claims.Address, $"/?claims={ManyClaims.FarDate}").ToString());
        await ShownAsync(page, "cells");
        var counts = await page.Locator(".claim-cell").AllInnerTextsAsync();
        Assert.True(counts.Count > 1);
        Assert.Equal(Settlements, counts.Sum(int.Parse));
        Assert.Equal(0, await page.Locator("path.claim-marker").CountAsync());
        Assert.True(await page.Locator(".claim-cell.contested").CountAsync() > 0);
        await Browser.ScreenshotAsync(page, "claims-cells");

        // The slider still moves the layer: by the first day only a few villages were claimed, drawn one by one.
        await page.Locator("#claims-date").FillAsync("0");
        await ShownAsync(page, "points");
        Assert.Equal(Enumerable.Range(0, ManyClaims.GridSettlements).Count(i => i % 100 == 0), await page.Locator("path.claim-marker").CountAsync());
        await page.Locator("#claims-date").FillAsync((await page.GetAttributeAsync("#claims-date", "max"))!);
        await ShownAsync(page, "cells");

        // A click on the biggest square zooms to its settlements: fewer are in view, the far one not among them.
        var cells = page.Locator(".claim-cell");
        var texts = await cells.AllInnerTextsAsync();
        var biggest = texts.Select(int.Parse).ToList().IndexOf(texts.Max(int.Parse));
        var ready = await Dataset(page, "ready");
        await cells.Nth(biggest).ClickAsync();
        await page.WaitForFunctionAsync("before => { const d = document.getElementById('claims-count').dataset; return d.ready !== before && Number(d.inView) < " + Settlements + "; }",
            ready, new() { Timeout = Wait });
        var inView = int.Parse((await Dataset(page, "inView"))!);
        Assert.InRange(inView, 1, ManyClaims.GridSettlements);
        var drawn = await Dataset(page, "shown") == "points"
            ? await page.Locator("path.claim-marker").CountAsync()
            : (await page.Locator(".claim-cell").AllInnerTextsAsync()).Sum(int.Parse);
        Assert.Equal(inView, drawn);
        await Browser.ScreenshotAsync(page, "claims-cell-clicked");
        Assert.Empty(errors);
    }

    private static Task<string?> Dataset(IPage page, string name) =>
        page.EvaluateAsync<string?>($"() => document.getElementById('claims-count').dataset.{name} ?? null");

    private static Task ShownAsync(IPage page, string shown) =>
        page.WaitForFunctionAsync("s => document.getElementById('claims-count').dataset.shown === s", shown, new() { Timeout = Wait });
}
