using System.Buffers;
using System.Data.Common;
using Sitrep.Events;

namespace Sitrep.Store.Query;

/// <summary>
/// Event records read from SQLite as the UTF-8 bytes it stores: checked against their checksum
/// and parsed from those bytes, where a string per record was decoded, encoded again to be
/// hashed, and transcoded once more by the parser. Same records, same checks as
/// <see cref="RecordChecksum.Verified"/>.
/// </summary>
internal static class StoredRecords
{
    /// <summary>The records of the reader <paramref name="open"/> runs (columns record, record_sum, doc, id) when the first is asked for.</summary>
    public static IEnumerable<EventRecord> Read(Func<DbDataReader> open)
    {
        using var rows = open();
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        try
        {
            while (rows.Read())
            {
                var length = (int)rows.GetBytes(0, 0, null, 0, 0);
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }
                rows.GetBytes(0, 0, buffer, 0, length);
                var utf8 = buffer.AsSpan(0, length);
                var sum = rows.IsDBNull(1) ? null : rows.GetString(1);
                if (!RecordChecksum.Matches(utf8, sum))
                    throw new CorruptRecordException(rows.GetString(2), rows.GetString(3));
                yield return EventJson.Deserialize(utf8) ?? throw new InvalidDataException($"event {rows.GetString(3)} of document {rows.GetString(2)}: empty record");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
