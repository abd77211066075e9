using System.Runtime.InteropServices;

namespace Sitrep.Text;

/// <summary>
/// The folded forms of words already seen on this thread, keyed by the word as written. Reports
/// repeat their words (a few thousand distinct ones carry most of any corpus), and folding
/// allocates a new string every time; a hit costs a hash of the span and allocates nothing.
/// Bounded: when it holds <see cref="Capacity"/> words it starts again empty, so memory stays
/// flat however long the run.
/// </summary>
/// <remarks>
/// A table of its own rather than a dictionary's span look-up: the tokenizer asks it once per
/// token, and the dictionary's shared generic code reached the word through a bucket array, an
/// entry array with its chain and an interface call to compare. Here a slot of a small index holds
/// the top half of the word's hash and the number of its entry; entries are kept in the order the
/// words were first seen, so the common words, met first, share a few cache lines. The
/// dictionary's defence against words made to collide is kept by bounding the probe: a word that
/// finds no free slot within <see cref="MaxProbes"/> steps is folded and not kept, so colliding
/// words cost a fold each, never a walk through all of them.
/// </remarks>
internal sealed class WordFormCache<TForm>
{
    public const int Capacity = 32_768;

    /// <summary>Words longer than this are rare enough that caching them only costs.</summary>
    public const int MaxWordLength = 48;

    /// <summary>How far a word is looked for past its home slot; see the remarks.</summary>
    public const int MaxProbes = 8;

    /// <summary>
    /// The index grows to keep at most half its slots taken, so a word is found in one or two
    /// steps; at its largest, twice the capacity, a slot's low 16 bits still number every entry.
    /// </summary>
    private const int FirstSlots = 1_024;

    private const int EntryBits = 16;
    private const uint EntryMask = (1u << EntryBits) - 1;

    private struct Entry
    {
        public string Word;
        public TForm Form;
    }

    /// <summary>Per slot: the hash's top 16 bits, then the entry's number plus one; 0 is free.</summary>
    private uint[] _index = new uint[FirstSlots];
    private Entry[] _entries = new Entry[FirstSlots / 4];
    private int _count;

    public int Count => _count;

    public TForm Get(ReadOnlySpan<char> word, Func<ReadOnlySpan<char>, TForm> fold)
    {
        if (word.Length > MaxWordLength)
            return fold(word);
        var hash = WordHash.Of(word);
        var number = Probe(_index, _entries, word, hash, out var free);
        if (number > 0)
            return _entries[number - 1].Form;
        var form = fold(word);
        if (free >= 0)
            Keep(word, hash, form);
        return form;
    }

    private void Keep(ReadOnlySpan<char> word, uint hash, TForm form)
    {
        if (_count >= Capacity)
        {
            Array.Clear(_index);
            Array.Clear(_entries);
            _count = 0;
        }
        else if (_count * 2 >= _index.Length)
            Grow();
        if (_count == _entries.Length)
            Array.Resize(ref _entries, _entries.Length * 2);
        // The slot is found again: the fold may have asked this cache itself, and growing moves every word.
        if (Probe(_index, _entries, word, hash, out var free) == 0 && free >= 0)
            Take(_index, free, hash, new Entry { Word = word.ToString(), Form = form });
    }

    private void Grow()
    {
        var larger = new uint[_index.Length * 2];
        var moved = _count;
        _count = 0;
        for (var i = 0; i < moved; i++)
        {
            var entry = _entries[i];
            var hash = WordHash.Of(entry.Word);
            if (Probe(larger, _entries, entry.Word, hash, out var free) == 0 && free >= 0)
                Take(larger, free, hash, entry);
        }
        Array.Clear(_entries, _count, moved - _count);
        _index = larger;
    }

    /// <summary>Gives slot <paramref name="free"/> of <paramref name="index"/> to the next entry.</summary>
    private void Take(uint[] index, int free, uint hash, Entry entry)
    {
        _entries[_count] = entry;
        _count++;
        index[free] = hash >> EntryBits << EntryBits | (uint)_count;
    }

    /// <summary>
    /// The number of the word's entry (its place plus one), or 0 when it is not within reach of its
    /// home slot; then <paramref name="free"/> is the first free slot on the way, or -1 if none is.
    /// </summary>
    private static int Probe(uint[] index, Entry[] entries, ReadOnlySpan<char> word, uint hash, out int free)
    {
        var mask = index.Length - 1;
        var tag = hash >> EntryBits;
        var at = (int)hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            var slot = index[at];
            if (slot == 0)
            {
                free = at;
                return 0;
            }
            if (slot >> EntryBits == tag)
            {
                var number = (int)(slot & EntryMask);
                if (word.SequenceEqual(entries[number - 1].Word))
                {
                    free = -1;
                    return number;
                }
            }
            at = (at + 1) & mask;
        }
        free = -1;
        return 0;
    }
}

/// <summary>The word cache's hash: four characters a step, then a final mix so that the low bits, which pick the slot, depend on every character.</summary>
internal static class WordHash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    public static uint Of(ReadOnlySpan<char> word)
    {
        var h = Multiplier ^ (ulong)word.Length;
        var i = 0;
        for (; i + 4 <= word.Length; i += 4)
            h = (h ^ MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(word.Slice(i, 4)))) * Multiplier;
        if (i < word.Length)
        {
            ulong tail = 0;
            for (var shift = 0; i < word.Length; i++, shift += 16)
                tail |= (ulong)word[i] << shift;
            h = (h ^ tail) * Multiplier;
        }
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9;
        h ^= h >> 32;
        return (uint)h;
    }
}
