using Microsoft.AspNetCore.Http;
using Sitrep.Web.Claims;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/claims</c>: settlements whose capture or liberation was claimed, as of the day
/// <c>as_of</c> (default: every claim), paginated, with the first and last claim day for the
/// page's date slider. The filters apply to the claims (a claimant filter keeps one side's claims).
/// </summary>
internal static class ClaimsApi
{
    public static object Get(StorePool stores, IQueryCollection q)
    {
        var query = ApiQuery.Read(q);
        var asOf = ApiQuery.Date(q, "as_of");
        var (page, size, offset) = ApiQuery.Page(q);
        var claims = stores.Use(store => store.ControlClaims(query, ClaimedControl.ControlSubtypes));
        var settlements = ClaimedControl.AsOf(claims, asOf);
        return new
        {
            AsOf = asOf,
            FirstDate = claims.Count > 0 ? claims[0].Date : null,
            LastDate = claims.Count > 0 ? claims[^1].Date : null,
            Total = settlements.Count,
            Page = page,
            Size = size,
            Items = settlements.Skip(offset).Take(size),
        };
    }
}
