using Sitrep.Events;

namespace Sitrep.Store.Tests;

/// <summary>
/// SQLite's writer holds a batch's place rows and writes them some dozens to a statement when
/// the batch finishes, and takes each event's key as SQLite's last inserted rowid: a store written
/// so must be the store written one document per batch, and a document replaced in its own batch
/// (whose events' keys the replacement gets again) must leave no row of its first version behind.
/// </summary>
public sealed class BatchedWritesTests : IDisposable
{
    private readonly TempDatabase _batched = new();
    private readonly TempDatabase _single = new();

    public void Dispose()
    {
        _batched.Dispose();
        _single.Dispose();
    }

    [Fact]
    public void A_batch_of_many_documents_stores_what_one_document_a_batch_stores()
    {
        // More than one whole statement of place rows, and a remainder written row by row.
        var documents = IncidentCorpus.Generate(days: 4, incidentsPerOblastPerDay: 3).Documents
            .OrderBy(d => d.Document.Meta.Published).ThenBy(d => d.Document.Id, StringComparer.Ordinal)
            .Select(d => new ExtractedDocument(d.Document, d.Events)).ToList();
        Assert.True(documents.Sum(d => d.Events.Sum(e => e.Places.Count)) > 2 * 64 + 1);

        using (var batched = _batched.Open())
            batched.Ingest(documents);
        using (var single = _single.Open())
            foreach (var document in documents)
                single.Ingest([document]);

        using var a = _batched.Open();
        using var b = _single.Open();
        Assert.Equal(StoreContents.Stored(b), StoreContents.Stored(a));
        Assert.Equal(StoreContents.Incidents(b), StoreContents.Incidents(a));
        Assert.Equal(0, StoreContents.Orphans(a));
    }

    [Fact]
    public void A_document_replaced_in_its_own_batch_leaves_no_rows_of_its_first_version()
    {
        var weapons = new[] { new Weapon(WeaponClass.Missile, "Iskander-M", 4, 2), new Weapon(WeaponClass.Drone, "Shahed", 10, 8) };
        var first = new ExtractedDocument(Reports.Doc("a", text: "first"),
        [
            Reports.Strike("a", "a-1", Reports.Kharkiv, killed: 2, weapons: weapons),
            Reports.Strike("a", "a-2", Reports.Odesa, date: "2024-05-11", weapons: weapons),
            Reports.Strike("a", "a-3", Reports.Kyiv, date: "2024-05-09"),
        ]);
        var other = new ExtractedDocument(Reports.Doc("b"), [Reports.Strike("b", "b-1", Reports.Kharkiv, killed: 2)]);
        // The replacement's events take the keys the first version's just had (SQLite hands the
        // largest out again): a held place row of the first version would hang off them.
        var replaced = new ExtractedDocument(Reports.Doc("a", text: "second"),
        [
            Reports.Strike("a", "a-1", Reports.Kharkiv, killed: 3, weapons: [weapons[1]]),
            Reports.Strike("a", "a-4", Reports.Odesa, date: "2024-05-12", weapons: []),
        ]);

        using (var batched = _batched.Open())
            Assert.Equal([IngestOutcome.Added, IngestOutcome.Added, IngestOutcome.Replaced], batched.Ingest([other, first, replaced]));
        using (var single = _single.Open())
            single.Ingest([other, replaced]);

        using var a = _batched.Open();
        using var b = _single.Open();
        Assert.Equal(StoreContents.Stored(b), StoreContents.Stored(a));
        Assert.Equal(StoreContents.Incidents(b), StoreContents.Incidents(a));
        Assert.Equal(0, StoreContents.Orphans(a));
    }
}
