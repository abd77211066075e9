using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Store;

/// <summary>
/// The checksum stored beside each event record. SQLite's integrity check does not look inside
/// values, so a flipped byte in a record would otherwise come back as a wrong figure.
/// </summary>
internal static class RecordChecksum
{
    public static string Of(string record) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record)).AsSpan(0, 8));

    /// <summary>The record, after checking it against its checksum.</summary>
    /// <exception cref="CorruptRecordException">The record was changed after it was stored.</exception>
    public static string Verified(string record, string? sum, string doc, string id) =>
        sum == Of(record) ? record : throw new CorruptRecordException(doc, id);
}

/// <summary>A stored record no longer matches its checksum: the file was damaged or edited by hand.</summary>
public sealed class CorruptRecordException(string doc, string id)
    : Exception($"event {id} of document {doc}: the stored record does not match its checksum (the database file is damaged or was edited); re-ingest the document")
{
    public string Doc { get; } = doc;
    public string EventId { get; } = id;
}
