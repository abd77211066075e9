using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sitrep.Web.Incidents;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/stats</c>: the timeline's series for the matching incidents, one value per day from
/// the first dated incident to the last (columns, so 6 years are a few thousand numbers each):
/// incidents by type; missiles and drones launched and intercepted; killed; injured. Then the
/// launched and intercepted figures by claimant. Each incident counts once, with its
/// conservative best figures, on its first day.
/// </summary>
internal static class StatsApi
{
    public static object Get(IncidentIndex index, StorePool stores, IQueryCollection q)
    {
        var matches = new IncidentFilter(ApiQuery.Read(q), stores).Apply(index.Current).ToList();
        var dated = matches.Where(i => i.Row.DateMin is not null).ToList();
        var days = new List<string>();
        var byType = new Dictionary<string, long[]>();
        var figures = new[] { "missiles_launched", "missiles_intercepted", "drones_launched", "drones_intercepted", "killed", "injured" }
            .ToDictionary(name => name, _ => Array.Empty<long>());
        if (dated.Count > 0)
        {
            var first = DateOnly.ParseExact(dated.Min(i => i.Row.DateMin)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = DateOnly.ParseExact(dated.Max(i => i.Row.DateMin)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var count = last.DayNumber - first.DayNumber + 1;
            for (var d = first; d <= last; d = d.AddDays(1))
                days.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var name in figures.Keys)
                figures[name] = new long[count];
            foreach (var incident in dated)
            {
                var row = incident.Row;
                var at = DateOnly.ParseExact(row.DateMin!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - first.DayNumber;
                if (!byType.TryGetValue(row.Type, out var series))
                    byType[row.Type] = series = new long[count];
                series[at]++;
                figures["missiles_launched"][at] += row.MissilesLaunched ?? 0;
                figures["missiles_intercepted"][at] += row.MissilesIntercepted ?? 0;
                figures["drones_launched"][at] += row.DronesLaunched ?? 0;
                figures["drones_intercepted"][at] += row.DronesIntercepted ?? 0;
                figures["killed"][at] += row.KilledBest ?? 0;
                figures["injured"][at] += row.InjuredBest ?? 0;
            }
        }
        var byClaimant = matches
            .GroupBy(i => i.Row.ClaimedBy ?? "")
            .Select(g => new
            {
                Claimant = g.Key,
                Incidents = g.Count(),
                MissilesLaunched = g.Sum(i => i.Row.MissilesLaunched ?? 0),
                MissilesIntercepted = g.Sum(i => i.Row.MissilesIntercepted ?? 0),
                DronesLaunched = g.Sum(i => i.Row.DronesLaunched ?? 0),
                DronesIntercepted = g.Sum(i => i.Row.DronesIntercepted ?? 0),
                Killed = g.Sum(i => i.Row.KilledBest ?? 0),
                Injured = g.Sum(i => i.Row.InjuredBest ?? 0),
            })
            .OrderByDescending(c => c.Incidents)
            .ToList();
        return new { Total = matches.Count, Days = days, ByType = byType, Daily = figures, ByClaimant = byClaimant };
    }
}
