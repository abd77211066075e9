using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sitrep.Events;

namespace Sitrep.Store;

/// <summary>
/// Each event's stored form (its JSON record and that record's checksum), worked out ahead by
/// whoever hands documents to the writer (<see cref="EventStore.Prepare(ExtractedDocument)"/>, on another thread), so
/// the writer's one thread spends its time writing.
/// </summary>
internal static class PreparedRecords
{
    private sealed record Stored(string Json, string Sum);

    private static readonly ConditionalWeakTable<EventRecord, Stored> Ready = [];

    // Where a reading thread writes a record's stored form as UTF-8, to hash it and hold it
    // against the line it was read from, without a string until one is needed.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static void Prepare(EventRecord e)
    {
        if (!Ready.TryGetValue(e, out _))
            Ready.AddOrUpdate(e, Compute(e));
    }

    /// <summary>
    /// Prepares a record read from <paramref name="line"/> (whose UTF-8 is <paramref name="utf8"/>).
    /// A line written by the store's own serializer is the record's stored form already: the line
    /// itself is kept, and its bytes hashed, instead of a second string of the same text and a
    /// second encoding of it for the hash.
    /// </summary>
    public static void Prepare(EventRecord e, string line, ReadOnlySpan<byte> utf8)
    {
        if (Ready.TryGetValue(e, out _))
            return;
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1 << 12);
        buffer.ResetWrittenCount();
        (_writer ??= new Utf8JsonWriter(buffer)).Reset(buffer);
        EventJson.Serialize(_writer, e);
        _writer.Flush();
        var stored = buffer.WrittenSpan;
        // A line with a surrogate takes the long way: a lone one encodes as the replacement
        // character, so equal bytes would not mean an equal string.
        Ready.AddOrUpdate(e, stored.SequenceEqual(utf8) && !line.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')
            ? new Stored(line, RecordChecksum.Of(utf8))
            : new Stored(Encoding.UTF8.GetString(stored), RecordChecksum.Of(stored)));
        // A record with a huge evidence list should not pin its buffer on the thread.
        if (buffer.Capacity > 1 << 20)
            _buffer = null;
    }

    /// <summary>The record as stored and its checksum: taken from what was prepared, or worked out now.</summary>
    public static (string Json, string Sum) Of(EventRecord e)
    {
        // Taken once: a record changed after it was prepared and written again is worked out anew.
        Stored stored;
        if (Ready.TryGetValue(e, out var ready))
        {
            Ready.Remove(e);
            stored = ready;
        }
        else
            stored = Compute(e);
        return (stored.Json, stored.Sum);
    }

    private static Stored Compute(EventRecord e)
    {
        var json = EventJson.Serialize(e);
        return new Stored(json, RecordChecksum.Of(json));
    }
}
