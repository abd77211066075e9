using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Sitrep.Geo.Index;

/// <summary>
/// A 64-bit checksum over the whole index, written as its last eight bytes, so that a damaged
/// file (a flipped bit, a partial copy) is refused on load with its name instead of answering
/// from garbage. Not cryptographic: it guards against accidents, not tampering.
/// </summary>
internal static class IndexChecksum
{
    public const int Length = sizeof(ulong);

    public static void Append(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write);
        Span<byte> trailer = stackalloc byte[Length];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, Of(bytes));
        stream.Write(trailer);
    }

    /// <summary>True when the last eight bytes are the checksum of the rest.</summary>
    public static bool Verify(ReadOnlySpan<byte> file) =>
        file.Length >= Length && BinaryPrimitives.ReadUInt64LittleEndian(file[^Length..]) == Of(file[..^Length]);

    /// <summary>Four independent multiply-rotate lanes over 8-byte words (fast enough to run on every load), then the tail.</summary>
    public static ulong Of(ReadOnlySpan<byte> data)
    {
        const ulong prime1 = 0x9E3779B185EBCA87, prime2 = 0xC2B2AE3D27D4EB4F;
        ulong a = prime1, b = prime2, c = prime1 ^ prime2, d = (ulong)data.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(data[..(data.Length / 32 * 32)]);
        for (var i = 0; i < words.Length; i += 4)
        {
            a = ulong.RotateLeft(a + words[i] * prime2, 31) * prime1;
            b = ulong.RotateLeft(b + words[i + 1] * prime2, 31) * prime1;
            c = ulong.RotateLeft(c + words[i + 2] * prime2, 31) * prime1;
            d = ulong.RotateLeft(d + words[i + 3] * prime2, 31) * prime1;
        }
        var h = ulong.RotateLeft(a, 1) + ulong.RotateLeft(b, 7) + ulong.RotateLeft(c, 12) + ulong.RotateLeft(d, 18);
        foreach (var x in data[(data.Length / 32 * 32)..])
            h = ulong.RotateLeft(h ^ x, 11) * prime1;
        h ^= h >> 33;
        h *= prime2;
        return h ^ (h >> 29);
    }
}
