using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Events;

/// <summary>
/// JSON Lines reading and writing of event records, with the spec's snake_case names. Reading goes
/// through the source-generated context; writing through <see cref="EventJsonWriter"/>, which
/// writes the same bytes without the context's JIT-compiled metadata.
/// </summary>
public static class EventJson
{
    /// <summary>Where a thread writes a line before it becomes a string.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static string Serialize(EventRecord record)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1 << 12);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        EventJsonWriter.Write(writer, record);
        writer.Flush();
        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        // A record with a huge evidence list should not pin its buffer on the thread.
        if (buffer.Capacity > 1 << 20)
            _buffer = null;
        return line;
    }

    /// <summary>The same line as <see cref="Serialize(EventRecord)"/>, as UTF-8 into a writer made with default options.</summary>
    public static void Serialize(Utf8JsonWriter writer, EventRecord record) => EventJsonWriter.Write(writer, record);

    /// <summary>Builds the writer's encoded names now (a small part of a one-report run), e.g. on another thread at start-up.</summary>
    public static void Prepare() => EventJsonWriter.Prepare();

    public static EventRecord? Deserialize(string line) =>
        JsonSerializer.Deserialize(line, EventJsonContext.Default.EventRecord);

    /// <summary>
    /// The same as <see cref="Deserialize(string)"/> of the line's text, read from its UTF-8 bytes
    /// (as a store holds it): a line in the writer's shape by <see cref="EventJsonReader"/>, any
    /// other by the serializer.
    /// </summary>
    public static EventRecord? Deserialize(ReadOnlySpan<byte> utf8) =>
        EventJsonReader.TryRead(utf8, out var record) ? record : JsonSerializer.Deserialize(utf8, EventJsonContext.Default.EventRecord);
}

/// <summary>The record's contract for reading, and the reference <see cref="EventJsonWriter"/> is tested against.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(EventRecord))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
