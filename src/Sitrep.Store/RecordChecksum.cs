using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Store;

/// <summary>
/// The checksum stored beside each event record. SQLite's integrity check does not look inside
/// values, so a flipped byte in a record would otherwise come back as a wrong figure.
/// </summary>
internal static class RecordChecksum
{
    public static string Of(string record)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(record, hash);
        return Format(hash);
    }

    /// <summary>The checksum of a record given as its UTF-8 bytes: the same as <see cref="Of(string)"/> of its text.</summary>
    public static string Of(ReadOnlySpan<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return Format(hash);
    }

    private static string Format(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash[..8]);

    /// <summary>The record, after checking it against its checksum.</summary>
    /// <exception cref="CorruptRecordException">The record was changed after it was stored.</exception>
    public static string Verified(string record, string? sum, string doc, string id)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(record, hash);
        return Matches(hash, sum) ? record : throw new CorruptRecordException(doc, id);
    }

    /// <summary>
    /// Whether a record given as its UTF-8 bytes (as SQLite holds it) matches its checksum, also
    /// as SQLite holds it (empty when NULL): the test <see cref="Verified"/> makes, without a
    /// string of either.
    /// </summary>
    public static bool Holds(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> sum)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return Written(hash, sum);
    }

    private static ReadOnlySpan<byte> LowerHex => "0123456789abcdef"u8;

    // Every row a query returns is checked: compared digit by digit, without a string per row.
    private static bool Matches(ReadOnlySpan<byte> hash, string? sum) => sum is not null && Written(hash, sum.AsSpan());

    /// <summary>
    /// Whether <paramref name="sum"/> is what <see cref="Of(string)"/> writes for this hash: the
    /// first 8 bytes as 16 lower-case digits. Any other sum (upper case, another length) was not
    /// written by it. The digits come as characters from a string or as bytes from SQLite.
    /// </summary>
    private static bool Written<T>(ReadOnlySpan<byte> hash, ReadOnlySpan<T> sum) where T : unmanaged, IBinaryInteger<T>
    {
        if (sum.Length != 16)
            return false;
        for (var i = 0; i < 8; i++)
            if (sum[2 * i] != T.CreateTruncating(LowerHex[hash[i] >> 4]) || sum[2 * i + 1] != T.CreateTruncating(LowerHex[hash[i] & 15]))
                return false;
        return true;
    }

    private static void Hash(string record, Span<byte> hash)
    {
        var length = Encoding.UTF8.GetMaxByteCount(record.Length);
        byte[]? rented = null;
        Span<byte> utf8 = length <= 4096 ? stackalloc byte[4096] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length));
        var n = Encoding.UTF8.GetBytes(record, utf8);
        SHA256.HashData(utf8[..n], hash);
        if (rented is not null)
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
    }
}

/// <summary>A stored record no longer matches its checksum: the file was damaged or edited by hand.</summary>
public sealed class CorruptRecordException(string doc, string id)
    : Exception($"event {id} of document {doc}: the stored record does not match its checksum (the database file is damaged or was edited); re-ingest the document")
{
    public string Doc { get; } = doc;
    public string EventId { get; } = id;
}
