using System.Diagnostics;
using Dapper;
using Sitrep.Events;
using Sitrep.Store;
using Sitrep.Store.Incidents;

namespace Sitrep.Bench;

/// <summary>
/// The incident clusterer alone, in process, on a store's reports: each family's stretches of
/// consecutive days clustered as the writer's last batch clusters them, pass after pass, with a
/// digest of the groups so two builds can be checked to group alike.
/// </summary>
internal static class ClusterBench
{
    public static int Run(string db, int passes)
    {
        using var store = EventStore.OpenReadOnly(db);
        var reports = store.Connection.Query<StoredReport>(
                "SELECT event, doc, id, family, date, night_after AS night, actor, target, level, kind, name_key AS nameKey, admin1_key AS admin1Key, " +
                "country, lat, lon, geonames_id AS geonamesId, killed FROM event_cluster ORDER BY family, date, event")
            .Select(r => r.Report()).ToList();
        var records = new Dictionary<long, EventRecord>();
        foreach (var (key, record) in store.Connection.Query<(long, byte[])>("SELECT key, CAST(record AS BLOB) FROM events"))
            if (EventJsonReader.TryRead(record, out var parsed) && parsed is not null)
                records[key] = parsed;

        var windows = new List<List<ClusterReport>>();
        foreach (var r in reports)
        {
            if (windows.Count == 0 || windows[^1][^1].Family != r.Family || windows[^1][^1].Date.AddDays(1) < r.Date)
                windows.Add([]);
            windows[^1].Add(r);
        }
        Console.WriteLine($"{reports.Count:N0} reports in {windows.Count:N0} windows, the biggest {windows.Max(w => w.Count):N0}; " +
                          $"biggest day {reports.GroupBy(r => (r.Family, r.Date, r.Level)).Max(g => g.Count()):N0} reports");

        var times = new List<double>();
        string? digest = null;
        for (var pass = 0; pass < passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            var groups = new List<List<ClusterReport>>();
            foreach (var window in windows)
                groups.AddRange(IncidentClusterer.Cluster(window, r => records.GetValueOrDefault(r.Event)));
            times.Add(clock.Elapsed.TotalMilliseconds);
            digest ??= Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(string.Join("\n", groups.Select(g => string.Join(",", g.Select(r => r.Event)))))))[..16];
        }
        times.Sort();
        Console.WriteLine($"cluster: {passes} passes, median {times[times.Count / 2]:0.0} ms, fastest {times[0]:0.0} ms, slowest {times[^1]:0.0} ms; groups {digest}");
        return 0;
    }

    /// <summary>A row of event_cluster as Dapper reads it.</summary>
    private sealed record StoredReport(long Event, string Doc, string Id, string Family, string Date, long Night, string? Actor, string? Target,
        long Level, string Kind, string NameKey, string? Admin1Key, string? Country, double? Lat, double? Lon, long? GeonamesId, long? Killed)
    {
        public ClusterReport Report()
        {
            var (nightAfter, night, nightDated) = ClusterReport.FromNightCode(Night);
            return new ClusterReport(Event, Doc, Id, Family, DateOnly.ParseExact(Date, "yyyy-MM-dd"), nightAfter, Actor, Target, (PlaceLevel)Level,
                Kind, NameKey, Admin1Key, Country, Lat, Lon, GeonamesId, (int?)Killed, night, nightDated);
        }
    }
}
