using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Events;

namespace Sitrep.Store.Tests;

/// <summary>
/// A record read from a line is stored as the line when the line is its stored form, and as the
/// serializer writes it otherwise: either way the stored record and its checksum are those the
/// writer would work out itself.
/// </summary>
public sealed class PreparedRecordsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static (string Json, string Sum) PreparedFrom(EventRecord record, string line)
    {
        PreparedRecords.Prepare(record, line, Encoding.UTF8.GetBytes(line));
        return PreparedRecords.Of(record);
    }

    [Fact]
    public void A_line_in_the_stored_form_is_itself_the_stored_record()
    {
        var record = Reports.Strike("a", "a-1", Reports.Kharkiv, killed: 3);
        var line = EventJson.Serialize(record);

        var (json, sum) = PreparedFrom(record, line);

        Assert.Same(line, json);
        Assert.Equal(RecordChecksum.Of(line), sum);
    }

    [Theory]
    [InlineData("spaced")]
    [InlineData("reordered")]
    [InlineData("non-ascii")]
    [InlineData("emoji")]
    public void A_line_in_another_form_is_stored_as_the_serializer_writes_it(string form)
    {
        var record = form switch
        {
            "non-ascii" => Reports.Strike("a", "a-1", Reports.Kharkiv, evidence: "Удар по Харкову — «вночі»."),
            "emoji" => Reports.Strike("a", "a-1", Reports.Kharkiv, evidence: "Rockets 🚀 hit the city."),
            _ => Reports.Strike("a", "a-1", Reports.Kharkiv),
        };
        var canonical = EventJson.Serialize(record);
        var line = form switch
        {
            "spaced" => canonical.Replace("\":", "\": "),
            "reordered" => "{\"doc\":\"a\"," + canonical[1..].Replace(",\"doc\":\"a\"", ""),
            // The emoji as a writer that does not escape it would put it: the same record, other bytes.
            "emoji" => canonical.Replace(@"\uD83D\uDE80", "🚀", StringComparison.OrdinalIgnoreCase),
            // The text as a writer that does not escape would put it: the same record, other bytes.
            _ => Unescaped(record),
        };
        Assert.Equal(canonical, EventJson.Serialize(EventJson.Deserialize(line)!));
        Assert.NotEqual(canonical, line);

        var (json, sum) = PreparedFrom(record, line);

        Assert.Equal(canonical, json);
        Assert.Equal(RecordChecksum.Of(canonical), sum);
    }

    // The record written with its non-ASCII text as is, as System.Text.Json's relaxed encoder writes it.
    private static string Unescaped(EventRecord record)
    {
        var options = new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using var document = System.Text.Json.JsonDocument.Parse(EventJson.Serialize(record));
        return System.Text.Json.JsonSerializer.Serialize(document.RootElement, options);
    }

    [Fact]
    public void A_lone_surrogate_in_the_line_never_becomes_the_stored_record()
    {
        // Its UTF-8 is the replacement character's, so the bytes can match a record whose text
        // holds that character while the strings differ.
        var record = Reports.Strike("a", "a-1", Reports.Kharkiv, evidence: "broken \uFFFD text");
        var canonical = EventJson.Serialize(record);
        var line = canonical.Replace("\uFFFD", "\ud800").Replace(@"\uFFFD", "\ud800");
        var utf8 = Encoding.UTF8.GetBytes(line);

        PreparedRecords.Prepare(record, line, utf8);
        var (json, sum) = PreparedRecords.Of(record);

        Assert.Equal(canonical, json);
        Assert.Equal(RecordChecksum.Of(canonical), sum);
    }

    [Fact]
    public void Ingest_of_records_stores_each_in_the_serializers_form_with_its_checksum()
    {
        var kept = Reports.Strike("a", "a-1", Reports.Kharkiv, killed: 2);
        var spaced = Reports.Strike("a", "a-2", Reports.Odesa, evidence: "Удар по Одесі.");
        var path = Path.Combine(_db.Folder, "events.jsonl");
        File.WriteAllLines(path, [EventJson.Serialize(kept), EventJson.Serialize(spaced).Replace("\":", "\": ")]);

        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", path, "--db", _db.Path);

        Assert.True(exit == 0, stderr);
        using var connection = new SqliteConnection($"Data Source={_db.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, record, record_sum FROM events ORDER BY id";
        using var reader = command.ExecuteReader();
        var stored = new List<(string Id, string Record, string Sum)>();
        while (reader.Read())
            stored.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        Assert.Equal(
            [("a-1", EventJson.Serialize(kept), RecordChecksum.Of(EventJson.Serialize(kept))),
             ("a-2", EventJson.Serialize(spaced), RecordChecksum.Of(EventJson.Serialize(spaced)))],
            stored);
    }
}
