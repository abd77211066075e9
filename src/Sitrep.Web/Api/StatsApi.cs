using Microsoft.AspNetCore.Http;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/stats</c>: the timeline's series for the matching incidents: incidents per day and
/// type; missiles and drones launched and intercepted, killed and injured per day; the same
/// figures by claimant. Each incident counts once, with its conservative best figures.
/// </summary>
internal static class StatsApi
{
    public static object Get(StorePool stores, IQueryCollection q)
    {
        var query = ApiQuery.Read(q);
        return stores.Use(store => new
        {
            ByDayAndType = store.DailyByType(query),
            Daily = store.DailyFigures(query),
            ByClaimant = store.FiguresByClaimant(query),
        });
    }
}
