using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Events;

/// <summary>JSON Lines reading and writing of event records, with the spec's snake_case names.</summary>
public static class EventJson
{
    public static string Serialize(EventRecord record) =>
        JsonSerializer.Serialize(record, EventJsonContext.Default.EventRecord);

    /// <summary>The same line as <see cref="Serialize(EventRecord)"/>, as UTF-8 into a writer made with default options.</summary>
    public static void Serialize(Utf8JsonWriter writer, EventRecord record) =>
        JsonSerializer.Serialize(writer, record, EventJsonContext.Default.EventRecord);

    /// <summary>Builds the record's serialization metadata now (a noticeable part of a one-report run), e.g. on another thread at start-up.</summary>
    public static void Prepare() => _ = EventJsonContext.Default.EventRecord;

    public static EventRecord? Deserialize(string line) =>
        JsonSerializer.Deserialize(line, EventJsonContext.Default.EventRecord);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(EventRecord))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
