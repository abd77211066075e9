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
/// An open-addressed table of its own rather than a dictionary's span look-up: the tokenizer asks
/// it once per token, and the dictionary's shared generic code reached the key through a bucket
/// array, an entry array and an interface call to compare. Here the hash, the word and the form
/// sit side by side in one slot. The dictionary's defence against words made to collide is kept
/// by bounding the probe: a word that finds no free slot within <see cref="MaxProbes"/> steps is
/// folded and not kept, so colliding words cost a fold each, never a walk through all of them.
/// </remarks>
internal sealed class WordFormCache<TForm>
{
    public const int Capacity = 32_768;

    /// <summary>Words longer than this are rare enough that caching them only costs.</summary>
    public const int MaxWordLength = 48;

    /// <summary>How far a word is looked for past its home slot; see the remarks.</summary>
    public const int MaxProbes = 8;

    /// <summary>
    /// The table never grows past twice the capacity, so it is at most half full and a word is
    /// found in one or two steps.
    /// </summary>
    private const int MaxSlots = Capacity * 2;

    private const int FirstSlots = 1_024;

    private struct Slot
    {
        public string? Word;
        public uint Hash;
        public TForm Form;
    }

    private Slot[] _slots = new Slot[FirstSlots];
    private int _count;

    public int Count => _count;

    public TForm Get(ReadOnlySpan<char> word, Func<ReadOnlySpan<char>, TForm> fold)
    {
        if (word.Length > MaxWordLength)
            return fold(word);
        var hash = WordHash.Of(word);
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = (int)hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            ref var slot = ref slots[at];
            if (slot.Word is null)
                return Keep(word, hash, fold(word));
            if (slot.Hash == hash && word.SequenceEqual(slot.Word))
                return slot.Form;
            at = (at + 1) & mask;
        }
        return fold(word);
    }

    private TForm Keep(ReadOnlySpan<char> word, uint hash, TForm form)
    {
        if (_count >= Capacity)
        {
            Array.Clear(_slots);
            _count = 0;
        }
        else if (_count * 2 >= _slots.Length && _slots.Length < MaxSlots)
            Grow();
        // The slot is found again: the fold may have asked this cache itself, and growing moves every word.
        if (Place(_slots, word.ToString(), hash, form))
            _count++;
        return form;
    }

    private void Grow()
    {
        var larger = new Slot[_slots.Length * 2];
        var kept = 0;
        foreach (ref readonly var slot in _slots.AsSpan())
            if (slot.Word is not null && Place(larger, slot.Word, slot.Hash, slot.Form))
                kept++;
        _slots = larger;
        _count = kept;
    }

    /// <summary>Puts the word in its first free slot within reach; false when it is there already or none is free.</summary>
    private static bool Place(Slot[] slots, string word, uint hash, TForm form)
    {
        var mask = slots.Length - 1;
        var at = (int)hash & mask;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            ref var slot = ref slots[at];
            if (slot.Word is null)
            {
                slot.Word = word;
                slot.Hash = hash;
                slot.Form = form;
                return true;
            }
            if (slot.Hash == hash && slot.Word == word)
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
