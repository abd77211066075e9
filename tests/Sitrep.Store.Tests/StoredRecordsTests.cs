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

    [Fact]
    public void List_parameters_are_expanded_as_Dapper_expands_them()
    {
        var parameters = new Dapper.DynamicParameters();
        parameters.Add("types", new List<string> { "strike", "air_defense" });
        parameters.Add("place_ids", new List<long>());
        parameters.Add("place", "odesa");
        parameters.Add("place_from", "");
        parameters.Add("km", 25.5);
        parameters.Add("day_min", 7);
        var (sql, values) = Sitrep.Store.Query.StoredRecords.Expanded(
            "e.type IN @types AND (id IN @place_ids OR name = @place) AND d >= @place_from AND k < @km AND m > @day_min", parameters);
        Assert.Equal("e.type IN (@types1,@types2) AND (id IN (SELECT @place_ids WHERE 1 = 0) OR name = @place) AND d >= @place_from AND k < @km AND m > @day_min", sql);
        Assert.Equal([("@types1", (object?)"strike"), ("@types2", "air_defense"), ("@place_ids", null), ("@place", "odesa"), ("@place_from", ""), ("@km", 25.5), ("@day_min", 7)], values);
    }

    // Whether rows are expected: a filter that matched nothing would compare two empty lists.
    public static TheoryData<string, EventQuery, bool> Filters() => new()
    {
        { "two types and two days", new EventQuery { Types = [EventType.Strike, EventType.AirDefense], From = "2024-03-02", To = "2024-03-03" }, true },
        { "a place and its other names, no ids", new EventQuery { Place = "Ivanivka", PlaceNames = ["Petropil", "Vasylivske"] }, true },
        { "a place by id", new EventQuery { Place = "nowhere", PlaceIds = [100001, 100002, 200001] }, false },
        { "an oblast and a week", new EventQuery { Oblast = "Kharkiv", OblastNames = ["Kharkivska"], From = "2024-03-01", To = "2024-03-07" }, true },
        { "within 30 km", new EventQuery { Near = new GeoCircle(49.99, 36.23, 30) }, true },
        { "actor, weapon and claimant", new EventQuery { Actor = "RU", Weapon = "Shahed-136", ClaimedBy = "UA" }, false },
        { "full text", new EventQuery { Text = "struck OR attack" }, true },
        { "casualties, no background", new EventQuery { WithCasualties = true, ExcludeBackground = true }, true },
        { "nothing matches", new EventQuery { Types = [EventType.Cyber], Place = "Atlantis" }, false },
    };

    /// <summary>Each filter's values bound by hand give the rows the provider's command, bound by Dapper, gives.</summary>
    [Theory]
    [MemberData(nameof(Filters))]
    public void Filters_bound_by_hand_select_what_Dapper_binding_selects(string note, EventQuery query, bool some)
    {
        using var store = EventStore.Open(_db.Path);
        store.Ingest(Corpus());
        query = query with { IncludeUndated = true };
        var (where, parameters) = new Sitrep.Store.Query.EventFilterSql(Sitrep.Store.Query.ReadDialect.Sqlite, placeTree: true).Build(query);
        var expected = Dapper.SqlMapper.Query<string>(store.Connection, $"SELECT e.record FROM events e WHERE {where}", parameters)
            .Select(r => EventJson.Serialize(EventJson.Deserialize(r)!)).Order(StringComparer.Ordinal).ToList();
        var read = store.Query(query).Select(EventJson.Serialize).Order(StringComparer.Ordinal).ToList();
        _ = note;
        Assert.Equal(expected, read);
        if (some)
            Assert.NotEmpty(read);
    }
}
