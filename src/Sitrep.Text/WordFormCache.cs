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
        var index = _index;
        var mask = index.Length - 1;
        var tag = hash >> EntryBits;
        var at = (int)hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            var slot = index[at];
            if (slot == 0)
                return Keep(word, hash, fold(word));
            if (slot >> EntryBits == tag)
            {
                ref var entry = ref _entries[(int)(slot & EntryMask) - 1];
                if (word.SequenceEqual(entry.Word))
                    return entry.Form;
            }
            at = (at + 1) & mask;
        }
        return fold(word);
    }

    private TForm Keep(ReadOnlySpan<char> word, uint hash, TForm form)
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
        var kept = word.ToString();
        if (Place(_index, _entries, kept, hash, _count + 1))
        {
            _entries[_count] = new Entry { Word = kept, Form = form };
            _count++;
        }
        return form;
    }

    private void Grow()
    {
        var larger = new uint[_index.Length * 2];
        var kept = 0;
        for (var i = 0; i < _count; i++)
        {
            var entry = _entries[i];
            if (Place(larger, _entries, entry.Word, WordHash.Of(entry.Word), kept + 1))
                _entries[kept++] = entry;
        }
        Array.Clear(_entries, kept, _count - kept);
        _index = larger;
        _count = kept;
    }

    /// <summary>Gives the word's first free slot within reach to entry <paramref name="number"/>; false when it is there already or none is free.</summary>
    private static bool Place(uint[] index, Entry[] entries, string word, uint hash, int number)
    {
        var mask = index.Length - 1;
        var tag = hash >> EntryBits;
        var at = (int)hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            var slot = index[at];
            if (slot == 0)
            {
                index[at] = tag << EntryBits | (uint)number;
                return true;
            }
            if (slot >> EntryBits == tag && entries[(int)(slot & EntryMask) - 1].Word == word)
                return false;
            at = (at + 1) & mask;
        }
        return false;
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
