using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sitrep.Web.Incidents;

namespace Sitrep.Web.Api;

/// <summary>
/// <c>/api/stats</c>: the timeline's series for the matching incidents, one value per day from
/// the first dated incident to the last (columns, so 6 years are a few thousand numbers each):
/// incidents by type; missiles and drones launched and intercepted; killed; injured. Then the
/// launched and intercepted figures by claimant. Each incident counts once, with its
/// conservative best figures, on its first day. Paginated by days: page P holds days
/// (P-1)*size to P*size-1 of that range; the claimant totals cover every matching incident on
/// every page.
/// </summary>
internal static class StatsApi
{
    /// <summary>Days are a few numbers each: a page of them is far longer than a page of incidents.</summary>
    public const int DefaultDays = 1000;
    public const int MaxDays = 10_000;

    private static readonly string[] Figures = ["missiles_launched", "missiles_intercepted", "drones_launched", "drones_intercepted", "killed", "injured"];

    public static object Get(IncidentIndex index, IQueryCollection q)
    {
        var (snapshot, matches) = index.Matches(ApiQuery.Read(q));
        var (page, size, offset) = ApiQuery.Page(q, DefaultDays, MaxDays);
        var entries = snapshot.Entries;
        var (firstDay, lastDay) = (int.MaxValue, int.MinValue);
        foreach (var i in matches)
            if (entries[i].Day >= 0)
                (firstDay, lastDay) = (Math.Min(firstDay, entries[i].Day), Math.Max(lastDay, entries[i].Day));
        var totalDays = firstDay <= lastDay ? lastDay - firstDay + 1 : 0;
        var count = Math.Clamp(totalDays - offset, 0, size);
        var pageStart = count > 0 ? firstDay + offset : 0;
        var days = new List<string>(count);
        for (var d = 0; d < count; d++)
            days.Add(DateOnly.FromDayNumber(pageStart + d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var byType = new long[snapshot.Types.Values.Count][];
        var figures = Figures.Select(_ => new long[count]).ToArray();
        // Per claimant list: incidents, then the six figures.
        var claimants = new long[snapshot.ClaimedBy.Values.Count + 1][];
        foreach (var i in matches)
        {
            ref readonly var e = ref entries[i];
            var sums = claimants[e.ClaimedBy + 1] ??= new long[1 + Figures.Length];
            sums[0]++;
            sums[1] += e.MissilesLaunched;
            sums[2] += e.MissilesIntercepted;
            sums[3] += e.DronesLaunched;
            sums[4] += e.DronesIntercepted;
            sums[5] += e.Killed;
            sums[6] += e.Injured;
            var at = e.Day - pageStart;
            if (e.Day < 0 || at < 0 || at >= count)
                continue;
            (byType[e.Type] ??= new long[count])[at]++;
            figures[0][at] += e.MissilesLaunched;
            figures[1][at] += e.MissilesIntercepted;
            figures[2][at] += e.DronesLaunched;
            figures[3][at] += e.DronesIntercepted;
            figures[4][at] += e.Killed;
            figures[5][at] += e.Injured;
        }
        var byClaimant = claimants
            .Select((sums, k) => (Claimant: k == 0 ? "" : snapshot.ClaimedBy[k - 1], Sums: sums))
            .Where(c => c.Sums is not null)
            .Select(c => new
            {
                c.Claimant, Incidents = c.Sums[0], MissilesLaunched = c.Sums[1], MissilesIntercepted = c.Sums[2],
                DronesLaunched = c.Sums[3], DronesIntercepted = c.Sums[4], Killed = c.Sums[5], Injured = c.Sums[6],
            })
            .OrderByDescending(c => c.Incidents)
            .ToList();
        var types = byType.Select((series, t) => (series, t)).Where(x => x.series is not null).ToDictionary(x => snapshot.Types[x.t], x => x.series);
        var daily = Figures.Select((name, k) => (name, k)).ToDictionary(x => x.name, x => figures[x.k]);
        return new
        {
            Total = matches.Length, Page = page, Size = size, TotalDays = totalDays, More = offset + count < totalDays,
            Days = days, ByType = types, Daily = daily, ByClaimant = byClaimant,
        };
    }
}
