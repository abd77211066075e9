using System.Text.Json;

namespace Sitrep.Web.Tests;

/// <summary><c>/api/claims</c> for a map view: what is in the box, every settlement or cells that count them all.</summary>
[Collection(ManyClaimsCollection.Name)]
public sealed class ClaimsMapApiTests(ManyClaims claims)
{
    private const int Settlements = ManyClaims.GridSettlements + 1;
    private const string FarBox = "24.7,51.1,25.0,51.3";

    [Fact]
    public async Task A_box_leaves_out_the_settlements_outside_it_and_says_how_many_there_are()
    {
        // The grid's first column only: rows at lon 36.8, the next column 0.06° east.
        var column = await Http.Json(claims.Address, "/api/claims?view=map&zoom=9&bbox=36.78,47.5,36.83,49.0");
        Assert.Equal("points", column.GetProperty("shown").GetString());
        var places = Places(column);
        var expected = Enumerable.Range(0, ManyClaims.GridSettlements).Where(i => i % ManyClaims.Columns == 0).Select(ManyClaims.Name);
        Assert.Equal(expected, places);
        Assert.Equal(places.Count, column.GetProperty("in_view").GetInt32());
        Assert.Equal(Settlements, column.GetProperty("total").GetInt32());

        // The list takes the box too.
        var list = await Http.Json(claims.Address, $"/api/claims?bbox={FarBox}");
        Assert.Equal([ManyClaims.Far], Places(list));
        Assert.Equal(1, list.GetProperty("in_view").GetInt32());
    }

    [Fact]
    public async Task Zoomed_out_the_cells_count_every_settlement_once_by_side_and_contest()
    {
        var map = await Http.Json(claims.Address, "/api/claims?view=map&zoom=5&bbox=20,44,42,53");
        Assert.Equal("cells", map.GetProperty("shown").GetString());
        Assert.False(map.TryGetProperty("items", out _));
        var cells = map.GetProperty("cells").EnumerateArray().ToList();
        Assert.True(cells.Count > 1);
        Assert.Equal(Settlements, map.GetProperty("in_view").GetInt32());
        Assert.Equal(Settlements, cells.Sum(c => c.GetProperty("count").GetInt32()));
        foreach (var c in cells)
            Assert.Equal(c.GetProperty("count").GetInt32(), c.GetProperty("holders").EnumerateObject().Sum(h => h.Value.GetInt32()));

        // The same settlements one by one, a page at a time: the cells' sides and contests add up to theirs.
        var each = new List<JsonElement>();
        for (var page = 1; each.Count < Settlements; page++)
            each.AddRange((await Http.Json(claims.Address, $"/api/claims?size=1000&page={page}")).GetProperty("items").EnumerateArray());
        Assert.Equal(each.Count(s => s.GetProperty("contested").GetBoolean()), cells.Sum(c => c.GetProperty("contested").GetInt32()));
        Assert.True(cells.Sum(c => c.GetProperty("contested").GetInt32()) > 0);
        foreach (var side in new[] { "RU", "UA" })
            Assert.Equal(each.Count(s => Holder(s) == side),
                cells.Sum(c => c.GetProperty("holders").TryGetProperty(side, out var n) ? n.GetInt32() : 0));
        Assert.True(each.Count(s => Holder(s) is null) > 0);
        Assert.Equal(each.Count(s => Holder(s) is null),
            cells.Sum(c => c.GetProperty("holders").TryGetProperty("unknown", out var n) ? n.GetInt32() : 0));

        // Each cell's bounds hold the settlements it counts: a box from them lists as many.
        var cell = cells.First(c => c.GetProperty("count").GetInt32() > 1);
        var bounds = string.Join(',', cell.GetProperty("bounds").EnumerateArray().Select(v => v.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var inside = await Http.Json(claims.Address, $"/api/claims?view=map&zoom=12&bbox={bounds}");
        Assert.True(inside.GetProperty("in_view").GetInt32() >= cell.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_settlement_past_the_first_thousand_by_name_is_there_in_its_own_view()
    {
        var firstThousand = Places(await Http.Json(claims.Address, "/api/claims?size=1000"));
        Assert.DoesNotContain(ManyClaims.Far, firstThousand);
        Assert.DoesNotContain(ManyClaims.Name(1100), firstThousand);

        var far = await Http.Json(claims.Address, $"/api/claims?view=map&zoom=11&bbox={FarBox}");
        var settlement = Assert.Single(far.GetProperty("items").EnumerateArray());
        Assert.Equal(ManyClaims.Far, settlement.GetProperty("place").GetString());
        Assert.Equal("UA", settlement.GetProperty("holder").GetString());

        var (lat, lon) = ManyClaims.Where(1100);
        var near = await Http.Json(claims.Address, FormattableString.Invariant($"/api/claims?view=map&zoom=13&bbox={lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}"));
        Assert.Equal([ManyClaims.Name(1100)], Places(near));
    }

    [Fact]
    public async Task The_as_of_day_cuts_the_view_as_it_cuts_the_list()
    {
        var before = await Http.Json(claims.Address, $"/api/claims?view=map&zoom=11&bbox={FarBox}&as_of=2025-05-31");
        Assert.Equal(0, before.GetProperty("items").GetArrayLength());
        Assert.Equal(Settlements - 1, before.GetProperty("total").GetInt32());
        var on = await Http.Json(claims.Address, $"/api/claims?view=map&zoom=11&bbox={FarBox}&as_of={ManyClaims.FarDate}");
        Assert.Equal(1, on.GetProperty("items").GetArrayLength());

        // The first two days' few settlements come one by one even zoomed out; a claimant filter keeps one side's.
        var early = await Http.Json(claims.Address, "/api/claims?view=map&zoom=5&as_of=2025-01-02");
        Assert.Equal("points", early.GetProperty("shown").GetString());
        var claimedEarly = Enumerable.Range(0, ManyClaims.GridSettlements).Where(i => i % 100 <= 1).ToList();
        Assert.Equal(claimedEarly.Select(ManyClaims.Name), Places(early));
        var ukrainian = await Http.Json(claims.Address, "/api/claims?view=map&zoom=5&as_of=2025-01-02&claimant=UA");
        Assert.Equal(claimedEarly.Where(i => i % 3 == 0 && i % 50 != 0).Select(ManyClaims.Name), Places(ukrainian));
    }

    [Fact]
    public async Task A_whole_world_box_at_street_zoom_stays_bounded_by_coarser_cells()
    {
        var map = await Http.Json(claims.Address, "/api/claims?view=map&zoom=22");
        Assert.Equal("cells", map.GetProperty("shown").GetString());
        var cells = map.GetProperty("cells").EnumerateArray().ToList();
        Assert.InRange(cells.Count, 2, Api.ClaimsApi.PointLimit);
        Assert.True(map.GetProperty("cell_zoom").GetInt32() < 22);
        Assert.Equal(Settlements, cells.Sum(c => c.GetProperty("count").GetInt32()));
    }

    // A settlement no claim names a side for has no holder.
    private static string? Holder(JsonElement settlement) =>
        settlement.TryGetProperty("holder", out var holder) ? holder.GetString() : null;

    private static List<string> Places(JsonElement answer) =>
        answer.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("place").GetString()!).ToList();
}
