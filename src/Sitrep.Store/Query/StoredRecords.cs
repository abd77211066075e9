using System.Data.Common;
using Sitrep.Events;

namespace Sitrep.Store.Query;

/// <summary>
/// Events read from SQLite by their stored record (columns as <see cref="StoreReader"/> selects
/// them: record, record_sum, doc, id). The record is checked and parsed from its UTF-8 bytes, as
/// SQLite holds it: read as a string, each row was decoded to UTF-16, encoded to UTF-8 again for
/// its checksum, and again inside the JSON reader. The provider copies the bytes once, into one
/// array a row (GetBytes copied them twice).
/// </summary>
internal static class StoredRecords
{
    /// <summary>The events of the reader <paramref name="open"/> runs when the first row is asked for; closed at the end.</summary>
    /// <exception cref="CorruptRecordException">A record no longer matches its checksum.</exception>
    public static IEnumerable<EventRecord> Read(Func<DbDataReader> open)
    {
        using var rows = open();
        while (rows.Read())
            yield return Event(rows);
    }

    private static EventRecord Event(DbDataReader rows)
    {
        var record = rows.GetFieldValue<byte[]>(0);
        // The document and event are named only in an error: not read as strings for every row.
        if (!RecordChecksum.Holds(record, rows.IsDBNull(1) ? null : rows.GetString(1)))
            throw new CorruptRecordException(rows.GetString(2), rows.GetString(3));
        return EventJson.Deserialize(record) ?? Parsed(null, rows.GetString(2), rows.GetString(3));
    }

    /// <summary>The event a checked record held; JSON null is not an event.</summary>
    public static EventRecord Parsed(EventRecord? record, string doc, string id) =>
        record ?? throw new InvalidDataException($"event {id} of document {doc}: empty record");
}
