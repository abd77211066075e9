using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Sitrep.Store;
using Sitrep.Web.Claims;
using Sitrep.Web.Incidents;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/claims</c>: settlements whose capture or liberation was claimed, as of the day
/// <c>as_of</c> (default: every claim), paginated, with the first and last claim day for the
/// page's date slider. The filters apply to the claims (a claimant filter keeps one side's claims).
/// </summary>
internal sealed class ClaimsApi(StorePool stores, IncidentIndex index)
{
    private const int FiltersKept = 8;
    // Moving the date slider asks again with the same filters: each filter's claims are read and
    // worked into a timeline once per database version (the incident index's snapshot, which
    // reloads when another process commits), and only the as-of cut is made per request.
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, Snapshot Version, ClaimTimeline Timeline, ConcurrentDictionary<ClaimedSettlement, byte[]> Items)> _recent = new();

    public IResult Get(IQueryCollection q)
    {
        var filter = ApiQuery.Read(q);
        var asOf = ApiQuery.Date(q, "as_of");
        var (page, size, offset) = ApiQuery.Page(q);
        var (timeline, items) = Timeline(filter);
        var (total, settlements) = timeline.AsOf(asOf, offset, size);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096 + settlements.Count * 320);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (asOf is not null)
                json.WriteString("as_of", asOf);
            if (timeline.FirstDate is not null)
                json.WriteString("first_date", timeline.FirstDate);
            if (timeline.LastDate is not null)
                json.WriteString("last_date", timeline.LastDate);
            json.WriteNumber("total", total);
            json.WriteNumber("page", page);
            json.WriteNumber("size", size);
            json.WriteStartArray("items");
            foreach (var settlement in settlements)
                json.WriteRawValue(items.GetOrAdd(settlement, Item), skipInputValidation: true);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Results.Bytes(buffer.WrittenMemory, "application/json; charset=utf-8");
    }

    // A settlement's state as of a day is the same on every request that reaches it: its JSON is
    // written once, and a page is those pieces put together.
    private static byte[] Item(ClaimedSettlement s) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
    {
        s.Place, s.Admin1, s.Lat, s.Lon, s.Holder, s.ClaimedBy, s.LastDate, s.Contested, s.ContestedBecause, s.ClaimCount,
        // A claim's place is its settlement's: sent once, with the settlement.
        Claims = s.Claims.Select(c => new { c.Incident, c.Date, c.Subtype, c.Actor, c.ClaimedBy, c.Source, c.Doc }),
    }, Json.Options);

    /// <summary>The claims of the filter with nothing asked yet: read before the first page view.</summary>
    public void Warm() => Timeline(new DashboardFilter(new EventQuery(), null));

    private (ClaimTimeline Timeline, ConcurrentDictionary<ClaimedSettlement, byte[]> Items) Timeline(DashboardFilter filter)
    {
        var key = System.Text.Json.JsonSerializer.Serialize(filter);
        var version = index.Current();
        lock (_gate)
            for (var node = _recent.First; node is not null; node = node.Next)
                if (node.Value.Key == key && ReferenceEquals(node.Value.Version, version))
                {
                    _recent.Remove(node);
                    _recent.AddFirst(node);
                    return (node.Value.Timeline, node.Value.Items);
                }
        var timeline = new ClaimTimeline(stores.Use(store => store.ControlClaims(filter.Query, filter.Claimant, ClaimedControl.ControlSubtypes)));
        var items = new ConcurrentDictionary<ClaimedSettlement, byte[]>(ReferenceEqualityComparer.Instance);
        lock (_gate)
        {
            _recent.AddFirst((key, version, timeline, items));
            while (_recent.Count > FiltersKept)
                _recent.RemoveLast();
        }
        return (timeline, items);
    }
}
