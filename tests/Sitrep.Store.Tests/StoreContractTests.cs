using Sitrep.Events;
using Sitrep.Store.Postgres;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>
/// What every store behind <see cref="IEventStore"/> must do, run against SQLite and PostgreSQL
/// alike (the two classes below). SITREP_SKIP_PG=1 skips both halves (an attribute cannot tell
/// them apart); the SQLite store's own tests still run.
/// </summary>
public abstract class StoreContract
{
    protected abstract IEventStore Open();

    [PgFact]
    public void Reingesting_the_same_documents_changes_nothing()
    {
        using var store = Open();
        var batch = new[]
        {
            new ExtractedDocument(Doc("a"), [Strike("a", "a-1", Kharkiv, killed: 5), Strike("a", "a-2", Odesa)]),
            new ExtractedDocument(Doc("b", source: "Other"), [Strike("b", "b-1", Kharkiv, killed: 4)]),
        };
        Assert.Equal([IngestOutcome.Added, IngestOutcome.Added], store.Ingest(batch));
        var (stored, incidents) = (StoreContents.Stored(store), StoreContents.Incidents(store));

        Assert.Equal([IngestOutcome.Unchanged, IngestOutcome.Unchanged], store.Ingest(batch));

        Assert.Equal(stored, StoreContents.Stored(store));
        Assert.Equal(incidents, StoreContents.Incidents(store));
        Assert.Equal(3, StoreContents.Count(store, "events"));
        Assert.Equal(2, StoreContents.Count(store, "incidents"));
        Assert.Equal(0, StoreContents.Orphans(store));
    }

    [PgFact]
    public void Reopening_the_store_and_reingesting_changes_nothing()
    {
        var doc = new ExtractedDocument(Doc("a"), [Strike("a", "a-1", Kharkiv, killed: 5)]);
        using (var store = Open())
            store.Ingest([doc]);
        using var again = Open();
        Assert.True(again.Contains("a", doc.Document.ContentHash));
        Assert.False(again.Contains("a", "another hash"));
        Assert.Equal(new Dictionary<string, string> { ["a"] = doc.Document.ContentHash }, again.DocumentHashes());
        Assert.Equal([IngestOutcome.Unchanged], again.Ingest([doc]));
        Assert.Equal(1, StoreContents.Count(again, "events"));
    }

    [PgFact]
    public void Events_between_two_days_are_the_dated_ones_in_them()
    {
        using var store = Open();
        store.Ingest([new ExtractedDocument(Doc("a"), [
            Strike("a", "a-1", Kharkiv, date: "2024-05-09"), Strike("a", "a-2", Odesa, date: "2024-05-12"),
            Strike("a", "a-3", Kyiv, date: "2024-05-20"), Event("a", "a-4", EventType.Diplomacy, null, null)])]);
        Assert.Equal(["a-1", "a-2"], store.EventsBetween(new DateOnly(2024, 5, 9), new DateOnly(2024, 5, 12)).Select(e => e.Id));
    }

    [PgFact]
    public void A_changed_document_replaces_its_events_and_its_incidents_follow()
    {
        using var store = Open();
        store.Ingest([
            new ExtractedDocument(Doc("a", text: "first version"), [Strike("a", "a-1", Kharkiv, killed: 3, evidence: "Missiles struck a depot.")]),
            new ExtractedDocument(Doc("b", source: "Other"), [Strike("b", "b-1", Kharkiv, killed: 2)]),
        ]);
        Assert.Equal(1, StoreContents.Count(store, "incidents"));

        var outcome = store.Ingest([new ExtractedDocument(Doc("a", text: "second version"), [Strike("a", "a-9", Kyiv, evidence: "Drones hit a substation.")])]);

        Assert.Equal([IngestOutcome.Replaced], outcome);
        Assert.Equal(2, StoreContents.Count(store, "events"));
        Assert.Equal(2, StoreContents.Count(store, "incidents"));
        Assert.DoesNotContain(StoreContents.Stored(store), line => line.Contains("depot"));
        Assert.Contains(StoreContents.Stored(store), line => line.StartsWith("evidence: ") && line.Contains("substation"));
        Assert.Equal(0, StoreContents.Orphans(store));
    }

    [PgFact]
    public void A_refused_batch_writes_nothing_and_the_store_goes_on()
    {
        using var store = Open();
        var good = new ExtractedDocument(Doc("a"), [Strike("a", "a-1", Kharkiv)]);
        var bad = new ExtractedDocument(Doc("b"), [Strike("b", "b-1", Kharkiv) with { Killed = -3 }]);

        var error = Assert.Throws<ArgumentException>(() => store.Ingest([good, bad]));
        Assert.Contains("/reports/b.txt", error.Message);
        Assert.Equal(0, StoreContents.Count(store, "documents"));

        Assert.Equal([IngestOutcome.Added], store.Ingest([good]));
        Assert.Equal(1, StoreContents.Count(store, "events"));
        Assert.Equal(0, StoreContents.Orphans(store));
    }

    [PgFact]
    public void An_event_without_a_day_or_place_is_an_incident_of_its_own()
    {
        using var store = Open();
        store.Ingest([
            new ExtractedDocument(Doc("a"), [Event("a", "a-1", EventType.Diplomacy, null, null), Event("a", "a-2", EventType.Diplomacy, null, null)]),
        ]);
        Assert.Equal(2, StoreContents.Count(store, "incidents"));
        Assert.Equal(0, StoreContents.Orphans(store));
    }
}

public sealed class SqliteStoreContractTests : StoreContract, IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    protected override IEventStore Open() => _db.Open();
}

[Collection("postgres")]
public sealed class PgStoreContractTests(PgServer server) : StoreContract
{
    private string? _uri;

    protected override IEventStore Open() => EventStores.OpenForWriting(_uri ??= server.CreateDatabase());
}
