using System.Runtime.CompilerServices;
using Sitrep.Events;

namespace Sitrep.Store;

/// <summary>
/// Each event's stored form (its JSON record and that record's checksum), worked out ahead by
/// whoever hands documents to the writer (<see cref="EventStore.Prepare"/>, on another thread), so
/// the writer's one thread spends its time writing.
/// </summary>
internal static class PreparedRecords
{
    private sealed record Stored(string Json, string Sum);

    private static readonly ConditionalWeakTable<EventRecord, Stored> Ready = [];

    public static void Prepare(EventRecord e)
    {
        if (!Ready.TryGetValue(e, out _))
            Ready.AddOrUpdate(e, Compute(e));
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
