using Sitrep.Events;
using Sitrep.Store.Incidents;

namespace Sitrep.Store.Tests;

/// <summary>
/// The writer reclusters from the profiles it made itself where it has them, and from the stored
/// rows otherwise: a store written by one long-lived writer must be the store written by writers
/// that remember nothing (a new one for every batch), replacements and reused keys included.
/// </summary>
public sealed class RememberedProfilesTests : IDisposable
{
    private readonly TempDatabase _warm = new();
    private readonly TempDatabase _cold = new();

    public void Dispose()
    {
        _warm.Dispose();
        _cold.Dispose();
    }

    // The incident corpus in date order, and then changed versions of some documents: the last
    // of a batch (whose events held the largest keys, which SQLite hands out again), and others
    // with their toll or their date changed.
    internal static List<ExtractedDocument> Writes()
    {
        var documents = IncidentCorpus.Generate(days: 6, incidentsPerOblastPerDay: 3).Documents
            .OrderBy(d => d.Document.Meta.Published).ThenBy(d => d.Document.Id, StringComparer.Ordinal)
            .Select(d => new ExtractedDocument(d.Document, d.Events)).ToList();
        var writes = new List<ExtractedDocument>(documents);
        for (var i = 19; i < documents.Count; i += 20)
        {
            var d = documents[i];
            var changed = d.Events.Select((e, n) => n % 2 == 0
                ? e with { Killed = (e.Killed ?? 0) + 3 }
                : e with { Date = e.Date is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd").AddDays(1).ToString("yyyy-MM-dd") : null }).ToList();
            var document = d.Document with { ContentHash = d.Document.ContentHash + "-changed" };
            // Right after itself, so the batch deletes the keys it just wrote.
            writes.Insert(Math.Min(writes.Count, writes.IndexOf(d) + 1), new ExtractedDocument(document, changed));
        }
        return writes;
    }

    [Fact]
    public void A_writer_that_remembers_profiles_stores_what_writers_that_remember_nothing_store()
    {
        var writes = Writes();
        using (var warm = _warm.Open())
            foreach (var batch in writes.Chunk(20))
                warm.Ingest(batch);
        foreach (var batch in writes.Chunk(20))
        {
            using var cold = _cold.Open();
            cold.Ingest(batch);
        }

        using var a = _warm.Open();
        using var b = _cold.Open();
        Assert.Equal(StoreContents.Stored(b), StoreContents.Stored(a));
        Assert.Equal(StoreContents.Incidents(b), StoreContents.Incidents(a));
    }

    [Fact]
    public void A_profile_as_stored_is_the_report_the_window_reads_back()
    {
        var published = new DateOnly(2024, 5, 11);
        foreach (var (date, publishedOn, evidence) in new (string, DateOnly?, string)[]
                 {
                     ("2024-05-10", published, "Drones attacked overnight."),
                     ("2024-05-11", published, "Drones attacked overnight."),
                     ("2024-05-10", null, "Drones attacked overnight."),
                     ("2024-05-12", published, "Rockets hit the city."),
                     ("2024-05-10", null, "Rockets hit the city."),
                 })
        {
            var record = Reports.Strike("a", "a-1", Reports.Kharkiv, date: date, evidence: evidence);
            var profile = IncidentRule.Profile(7, record, publishedOn)!;
            var (nightAfter, night, nightDated) = ClusterReport.FromNightCode(profile.NightCode);

            var stored = profile.AsStored();

            Assert.Equal(profile with { NightAfter = nightAfter, Night = night, NightDated = nightDated }, stored);
            Assert.Equal(profile.NightCode, stored.NightCode);
            Assert.Equal(profile.Morning, stored.Morning);
        }
    }
}
