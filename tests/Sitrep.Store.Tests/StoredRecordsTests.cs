using Microsoft.Data.Sqlite;
using Sitrep.Events;

namespace Sitrep.Store.Tests;

/// <summary>
/// SQLite's queries check and parse each stored record from its UTF-8 bytes (StoredRecords).
/// They must give the events the text of the records gives, and refuse a record changed after it
/// was stored, naming it, as reading the text did.
/// </summary>
public sealed class StoredRecordsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    // Non-ASCII text in some records (escaped or not, as the writer of the day chose), found by its ASCII tag.
    private static List<ExtractedDocument> Corpus() =>
        IncidentCorpus.Generate(days: 3, incidentsPerOblastPerDay: 2).Documents.Select((d, di) => new ExtractedDocument(d.Document,
            d.Events.Select((e, ei) => (di + ei) % 4 == 0 ? e with { Evidence = [.. e.Evidence, new Evidence(0, 4, "Kharkiv-centre: Харків — «центр» 🚀")] } : e).ToList())).ToList();

    [Fact]
    public void Queries_give_the_events_the_records_text_gives()
    {
        using var store = EventStore.Open(_db.Path);
        store.Ingest(Corpus());
        var expected = new List<string>();
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "SELECT record FROM events";
            using var rows = command.ExecuteReader();
            while (rows.Read())
                expected.Add(EventJson.Serialize(EventJson.Deserialize(rows.GetString(0))!));
        }
        var read = store.Query(new EventQuery { IncludeUndated = true }).Select(EventJson.Serialize).ToList();
        Assert.Contains(read, line => line.Contains("Kharkiv-centre", StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("UPDATE events SET record = replace(record, 'Kharkiv-centre', 'Kharkiv-centrE') WHERE key = (SELECT min(key) FROM events WHERE record LIKE '%Kharkiv-centre%')")]
    [InlineData("UPDATE events SET record_sum = '' WHERE key = (SELECT min(key) FROM events WHERE record LIKE '%Kharkiv-centre%')")]
    [InlineData("UPDATE events SET record_sum = upper(record_sum) WHERE key = (SELECT min(key) FROM events WHERE record LIKE '%Kharkiv-centre%')")]
    public void A_record_changed_after_it_was_stored_is_refused_by_name(string change)
    {
        using (var store = EventStore.Open(_db.Path))
            store.Ingest(Corpus());
        string doc, id;
        using (var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = change + "; SELECT doc, id FROM events WHERE key = (SELECT min(key) FROM events WHERE record LIKE '%Kharkiv-centre%')";
            using var rows = command.ExecuteReader();
            Assert.True(rows.Read());
            (doc, id) = (rows.GetString(0), rows.GetString(1));
        }
        using var reader = EventStore.OpenReadOnly(_db.Path);
        var refused = Assert.Throws<CorruptRecordException>(() => reader.Query(new EventQuery { IncludeUndated = true }).Count());
        Assert.Equal((doc, id), (refused.Doc, refused.EventId));
    }
}
