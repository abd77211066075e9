using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Events;
using Sitrep.Store.Incidents;

namespace Sitrep.Store.Tests;

/// <summary>
/// The writer summarizes an incident from digests of its events that it keeps across batches,
/// made once from each record, where it used to parse every member's stored record at every
/// summary. Incidents that grow batch after batch (the same articles stored again under other
/// names, as in the real corpus), replaced documents and reused keys must give the summaries the
/// records give.
/// </summary>
public sealed class DigestedSummariesTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    // The writes of RememberedProfilesTests (replacements and reused keys among them), stored
    // again three times under other names with some tolls changed, so incidents grow and their
    // figures move in every round.
    private static List<ExtractedDocument> Writes()
    {
        var first = RememberedProfilesTests.Writes();
        var writes = new List<ExtractedDocument>(first);
        for (var round = 1; round <= 3; round++)
            foreach (var d in first)
            {
                var id = $"{d.Document.Id}-again{round}";
                var events = d.Events.Select((e, n) => e with { Doc = id, Killed = (n + round) % 3 == 0 ? (e.Killed ?? 0) + round : e.Killed }).ToList();
                writes.Add(new ExtractedDocument(d.Document with { Id = id, Path = $"{d.Document.Path}.{round}" }, events));
            }
        return writes;
    }

    [Fact]
    public void Every_stored_summary_is_the_one_its_records_give()
    {
        using (var store = _db.Open())
            foreach (var batch in Writes().Chunk(15))
                store.Ingest(batch);

        using var connection = new SqliteConnection($"Data Source={_db.Path};Mode=ReadOnly");
        var stored = connection.Query<StoredSummary>("""
            SELECT id AS Id, type AS Type, subtype AS Subtype, date_min AS DateFirst, date_max AS DateLast, date_precision AS DatePrecision,
                   actor AS Actor, target_actor AS TargetActor, place AS Place, lat AS Lat, lon AS Lon, report_count AS Reports,
                   sources AS Sources, claimed_by AS ClaimedBy, killed_best AS Killed, killed_min AS KilledMin, killed_max AS KilledMax,
                   injured_best AS Injured, missiles_launched AS MissilesLaunched, drones_launched AS DronesLaunched
            FROM incidents ORDER BY id
            """).ToList();
        using var reader = _db.Open();
        var grown = 0;
        foreach (var s in stored)
        {
            // In the writer's order of reports (by document and event id), which breaks the summary's ties.
            var records = reader.GetIncident(s.Id)!.Reports
                .OrderBy(r => r.Doc, StringComparer.Ordinal).ThenBy(r => r.Event.Id, StringComparer.Ordinal).ToList();
            var fromRecords = IncidentSummarizer.Summarize(s.Id, records);
            Assert.Equal(new StoredSummary(fromRecords.Id, EventJsonNames.Type(fromRecords.Type), fromRecords.Subtype, fromRecords.DateFirst,
                fromRecords.DateLast, fromRecords.DatePrecision, fromRecords.Actor, fromRecords.TargetActor, fromRecords.Place,
                fromRecords.Lat, fromRecords.Lon, fromRecords.Reports.Count, string.Join("; ", fromRecords.Sources),
                fromRecords.ClaimedBy.Count == 0 ? null : string.Join("; ", fromRecords.ClaimedBy),
                fromRecords.Killed?.Value, fromRecords.Killed?.Min, fromRecords.Killed?.Max, fromRecords.Injured?.Value,
                fromRecords.MissilesLaunched?.Value, fromRecords.DronesLaunched?.Value), s);
            var figures = connection.Query<(string, string, long, long, long, long)>(
                "SELECT claimant, measure, best, min, max, reports FROM incident_figures WHERE incident = @id ORDER BY claimant, measure", new { id = s.Id });
            Assert.Equal(fromRecords.ByClaimant.Select(c => (c.Claimant, c.Figure, (long)c.Best.Value, (long)c.Best.Min, (long)c.Best.Max, (long)c.Reports)), figures);
            if (s.Reports >= 4)
                grown++;
        }
        Assert.True(grown > 10, $"only {grown} incidents of four reports or more");
    }

    private sealed record StoredSummary(long Id, string Type, string? Subtype, string? DateFirst, string? DateLast, string? DatePrecision,
        string? Actor, string? TargetActor, string? Place, double? Lat, double? Lon, long Reports, string? Sources, string? ClaimedBy,
        long? Killed, long? KilledMin, long? KilledMax, long? Injured, long? MissilesLaunched, long? DronesLaunched);
}
