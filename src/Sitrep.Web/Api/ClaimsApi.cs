using Microsoft.AspNetCore.Http;
using Sitrep.Store;
using Sitrep.Web.Claims;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/claims</c>: settlements whose capture or liberation was claimed, as of the day
/// <c>as_of</c> (default: every claim), paginated, with the first and last claim day for the
/// page's date slider. The filters apply to the claims (a claimant filter keeps one side's claims).
/// </summary>
internal sealed class ClaimsApi(StorePool stores)
{
    // Moving the date slider asks again with the same filters: the claims are read once per
    // filter and database version, and only the as-of cut is made per request.
    private readonly Lock _gate = new();
    private (string Key, long Version, IReadOnlyList<ControlClaim> Claims)? _last;

    public object Get(IQueryCollection q)
    {
        var filter = ApiQuery.Read(q);
        var asOf = ApiQuery.Date(q, "as_of");
        var (page, size, offset) = ApiQuery.Page(q);
        var claims = Claims(filter);
        var settlements = ClaimedControl.AsOf(claims, asOf);
        return new
        {
            AsOf = asOf,
            FirstDate = claims.Count > 0 ? claims[0].Date : null,
            LastDate = claims.Count > 0 ? claims[^1].Date : null,
            Total = settlements.Count,
            Page = page,
            Size = size,
            // A claim's place is its settlement's: sent once, with the settlement.
            Items = settlements.Skip(offset).Take(size).Select(s => new
            {
                s.Place, s.Admin1, s.Lat, s.Lon, s.Holder, s.ClaimedBy, s.LastDate, s.Contested, s.ContestedBecause, s.ClaimCount,
                Claims = s.Claims.Select(c => new { c.Incident, c.Date, c.Subtype, c.Actor, c.ClaimedBy, c.Source, c.Doc }),
            }),
        };
    }

    private IReadOnlyList<ControlClaim> Claims(DashboardFilter filter)
    {
        var key = System.Text.Json.JsonSerializer.Serialize(filter);
        return stores.Use(store =>
        {
            var version = store.DataVersion();
            lock (_gate)
                if (_last is { } last && last.Key == key && last.Version == version)
                    return last.Claims;
            var claims = store.ControlClaims(filter.Query, filter.Claimant, ClaimedControl.ControlSubtypes);
            lock (_gate)
                _last = (key, version, claims);
            return claims;
        });
    }
}
