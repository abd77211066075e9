using Sitrep.Documents;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

public sealed class EventStoreIngestTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Reingesting_the_same_document_changes_nothing()
    {
        using var store = _db.Open();
        var doc = Doc("a");
        var events = new[] { Strike("a", "a-1", Kharkiv, killed: 5), Strike("a", "a-2", Odesa) };

        Assert.Equal(IngestOutcome.Added, store.Ingest(doc, events));
        var before = Snapshot(store);
        Assert.Equal(IngestOutcome.Unchanged, store.Ingest(doc, events));

        Assert.Equal(before, Snapshot(store));
        Assert.Equal(1, store.Count("documents"));
        Assert.Equal(2, store.Count("events"));
        Assert.Equal(0, store.Orphans());
    }

    [Fact]
    public void Reopening_the_database_and_reingesting_changes_nothing()
    {
        var doc = Doc("a");
        var events = new[] { Strike("a", "a-1", Kharkiv, killed: 5) };
        using (var store = _db.Open())
            store.Ingest(doc, events);

        using var again = _db.Open();
        Assert.Equal(IngestOutcome.Unchanged, again.Ingest(doc, events));
        Assert.Equal(1, again.Count("events"));
        Assert.Equal(1, again.Count("incidents"));
    }

    [Fact]
    public void A_changed_document_replaces_its_events()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a", text: "first version"), [Strike("a", "a-1", Kharkiv, evidence: "Missiles struck a depot."), Strike("a", "a-2", Odesa)]);

        var outcome = store.Ingest(Doc("a", text: "second version"), [Strike("a", "a-9", Kyiv, evidence: "Drones hit a substation.")]);

        Assert.Equal(IngestOutcome.Replaced, outcome);
        Assert.Equal(1, store.Count("documents"));
        Assert.Equal(1, store.Count("events"));
        Assert.Equal(1, store.Count("event_places"));
        Assert.Equal(1, store.Count("incidents"));
        Assert.Empty(store.Query(new EventQuery { Text = "depot" }));
        Assert.Single(store.Query(new EventQuery { Text = "substation" }));
        Assert.Equal(0, store.Orphans());
    }

    [Fact]
    public void A_document_whose_events_name_another_document_is_refused_whole()
    {
        using var store = _db.Open();
        var ok = new ExtractedDocument(Doc("a"), [Strike("a", "a-1", Kharkiv)]);
        var bad = new ExtractedDocument(Doc("b"), [Strike("b", "b-1", Kharkiv), Strike("zzz", "b-2", Odesa)]);

        var error = Assert.Throws<ArgumentException>(() => store.Ingest([ok, bad]));

        Assert.Contains("/reports/b.txt", error.Message);
        Assert.Contains("zzz", error.Message);
        Assert.Equal(0, store.Count("documents"));
    }

    [Fact]
    public void Contains_knows_a_document_by_id_and_content_hash()
    {
        using var store = _db.Open();
        var doc = Doc("a");
        store.Ingest(doc, []);

        Assert.True(store.Contains("a", doc.ContentHash));
        Assert.False(store.Contains("a", "other-hash"));
        Assert.False(store.Contains("b", doc.ContentHash));
    }

    [Fact]
    public void A_document_without_events_is_stored_so_it_is_not_extracted_again()
    {
        using var store = _db.Open();
        Assert.Equal(IngestOutcome.Added, store.Ingest(Doc("empty"), []));
        Assert.Equal(IngestOutcome.Unchanged, store.Ingest(Doc("empty"), []));
        Assert.Equal(1, store.Count("documents"));
    }

    [Fact]
    public void Every_field_of_the_record_survives_the_round_trip()
    {
        using var store = _db.Open();
        var record = Strike("a", "a-1", Kharkiv with { Admin2 = "Kharkivskyi" }, killed: 3, injured: 7, claimedBy: "UA",
            weapons: [new Sitrep.Events.Weapon(Sitrep.Events.WeaponClass.Drone, "Shahed-136", 20, 18)]);
        store.Ingest(Doc("a"), [record]);

        var back = Assert.Single(store.Query(new EventQuery()));
        Assert.Equal(Sitrep.Events.EventJson.Serialize(record), Sitrep.Events.EventJson.Serialize(back));
    }

    private static (long, long, long, long, long, long) Snapshot(EventStore s) =>
        (s.Count("documents"), s.Count("events"), s.Count("event_places"), s.Count("event_weapons"), s.Count("incidents"), s.Count("incident_members"));
}

public sealed class EventStoreCheckTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Check_finds_a_document_missing_an_event()
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "a-1", Reports.Kharkiv), Reports.Strike("a", "a-2", Reports.Odesa)]);
        Assert.True(store.Check().Sound);

        Dapper.SqlMapper.Execute(store.Connection, """
            DELETE FROM incident_members WHERE event = (SELECT key FROM events WHERE id = 'a-2');
            DELETE FROM event_cluster WHERE event = (SELECT key FROM events WHERE id = 'a-2');
            DELETE FROM event_places WHERE event = (SELECT key FROM events WHERE id = 'a-2');
            DELETE FROM event_weapons WHERE event = (SELECT key FROM events WHERE id = 'a-2');
            DELETE FROM events WHERE id = 'a-2';
            """);

        Assert.Equal(new StoreCheck(1, 1, 1, 0), store.Check());
    }
}
