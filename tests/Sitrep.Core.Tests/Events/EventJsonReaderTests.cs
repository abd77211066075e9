using System.Text;
using System.Text.Json;
using Sitrep.Events;

namespace Sitrep.Core.Tests.Events;

/// <summary>
/// The hand-written record reader against the source-generated serializer it stands in for when
/// a store's record is read from its bytes: every line the writer writes is read by the reader
/// itself and gives the record the serializer gives; a line in any other shape is declined and
/// read as the serializer reads it, or refused as it refuses it.
/// </summary>
public sealed class EventJsonReaderTests
{
    public static TheoryData<string, EventRecord> Records() => EventJsonWriterTests.Records();

    [Theory]
    [MemberData(nameof(Records))]
    public void Reads_every_line_the_writer_writes_as_the_serializer_does(string note, EventRecord record)
    {
        var line = EventJson.Serialize(record);
        var utf8 = Encoding.UTF8.GetBytes(line);
        var expected = JsonSerializer.Deserialize(utf8, EventJsonContext.Default.EventRecord)!;

        _ = note; // names the case in the test list
        var taken = EventJsonReader.TryRead(utf8, out var read);
        // A null list is the serializer's to read; everything else the writer writes is the reader's.
        Assert.Equal(record.Places is not null && record.Weapons is not null && record.Evidence is not null, taken);
        if (taken)
            Assert.Equal(Fields(expected), Fields(read!));
        Assert.Equal(Fields(expected), Fields(EventJson.Deserialize(utf8)!));
        Assert.Equal(line, EventJson.Serialize(EventJson.Deserialize(utf8)!));
    }

    private const string Written = """{"id":"e1","doc":"d1","type":"strike","subtype":null,"date":"2024-03-01","date_precision":"day","places":[{"name":"Odesa","kind":"settlement","country":"UA","admin1":"Odesa","lat":46.48,"lon":30.72,"geonames_id":698740,"mention":"Odesa","admin2":null}],"actor":"RU","target_actor":"UA","weapons":[{"class":"drone","model":"Shahed-136","launched":12,"intercepted":9}],"killed":2,"injured":null,"amount_usd":null,"claimed_by":null,"background":false,"confidence":0.8,"evidence":[{"start":0,"end":5,"text":"Odesa"}]}""";

    /// <summary>Lines another writer, an older one or a hand could have left, each changed from <see cref="Written"/>.</summary>
    public static TheoryData<string, string, bool> OtherShapes() => new()
    {
        { "as written", Written, true },
        { "properties in another order", Written.Replace("\"id\":\"e1\",\"doc\":\"d1\",", "\"doc\":\"d1\",\"id\":\"e1\","), true },
        { "escaped names and values", Written.Replace("\"type\":\"strike\"", "\"t\\u0079pe\":\"str\\u0069ke\"").Replace("\"Odesa\"}", "\"\\u041eдеса\"}"), true },
        { "white space and a pretty layout", Written.Replace(",", ",\n  ").Replace(":", " : "), true },
        { "a place of an older writer, without admin2", Written.Replace(",\"admin2\":null", ""), true },
        { "a record without its evidence", Written.Replace(",\"evidence\":[{\"start\":0,\"end\":5,\"text\":\"Odesa\"}]", ""), false },
        { "a record without its id", Written.Replace("\"id\":\"e1\",", ""), false },
        { "a property twice", Written.Replace("\"killed\":2,", "\"killed\":2,\"killed\":3,"), false },
        { "a property the record lacks", Written.Replace("\"killed\":2,", "\"killed\":2,\"wounded\":3,"), false },
        { "a property the place lacks", Written.Replace("\"admin2\":null", "\"admin3\":\"x\""), false },
        { "an enum value in capitals", Written.Replace("\"strike\"", "\"Strike\""), false },
        { "an enum value as a number", Written.Replace("\"type\":\"strike\"", "\"type\":2"), false },
        { "an unknown enum value", Written.Replace("\"drone\"", "\"balloon\""), false },
        { "a count with a fraction", Written.Replace("\"killed\":2", "\"killed\":2.5"), false },
        { "a count as a string", Written.Replace("\"killed\":2", "\"killed\":\"2\""), false },
        { "a count too large", Written.Replace("\"killed\":2", "\"killed\":4294967296"), false },
        { "null places", Written.Replace("\"places\":[{\"name\":\"Odesa\",\"kind\":\"settlement\",\"country\":\"UA\",\"admin1\":\"Odesa\",\"lat\":46.48,\"lon\":30.72,\"geonames_id\":698740,\"mention\":\"Odesa\",\"admin2\":null}]", "\"places\":null"), false },
        { "a null weapon", Written.Replace("[{\"class\":\"drone\",\"model\":\"Shahed-136\",\"launched\":12,\"intercepted\":9}]", "[null]"), false },
        { "null confidence", Written.Replace("\"confidence\":0.8", "\"confidence\":null"), false },
        { "background as a string", Written.Replace("\"background\":false", "\"background\":\"false\""), false },
        { "a string where a list belongs", Written.Replace("\"evidence\":[{\"start\":0,\"end\":5,\"text\":\"Odesa\"}]", "\"evidence\":\"Odesa\""), false },
        { "something after the object", Written + " {}", false },
        { "cut short", Written[..200], false },
        { "a comment", Written.Replace("{\"id\"", "/* x */{\"id\""), false },
        { "JSON null", "null", false },
        { "an array", "[]", false },
    };

    [Theory]
    [MemberData(nameof(OtherShapes))]
    public void A_line_in_another_shape_reads_as_the_serializer_reads_it(string note, string line, bool taken)
    {
        var utf8 = Encoding.UTF8.GetBytes(line);
        _ = note;
        Assert.Equal(taken, EventJsonReader.TryRead(utf8, out var read));
        Assert.Equal(taken, read is not null);
        var expected = Outcome(() => JsonSerializer.Deserialize(utf8, EventJsonContext.Default.EventRecord));
        Assert.Equal(expected, Outcome(() => EventJson.Deserialize(utf8)));
        if (taken)
            Assert.Equal(expected, Outcome(() => read));
    }

    /// <summary>A record's every field (lists item by item) as the writer writes it, or the kind of error reading it raised.</summary>
    private static string Outcome(Func<EventRecord?> read)
    {
        try
        {
            return read() is { } record ? Fields(record) : "null";
        }
        catch (Exception e)
        {
            return e.GetType().Name;
        }
    }

    // The writer writes every field and every item; records compare their lists by reference.
    private static string Fields(EventRecord record) => EventJson.Serialize(record);
}
