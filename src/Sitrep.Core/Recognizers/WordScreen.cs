namespace Sitrep.Recognizers;

/// <summary>
/// A quick "no" for a case-blind word lookup: one bit for each (length, first letter, last
/// letter) some member has. The scanners ask a set about nearly every word of a sentence and
/// most words are in none, so a clear bit saves hashing the word. Never a wrong "no": letters
/// compare as the lookup's ignore-case comparer compares ASCII, and a word with a character
/// outside ASCII at either end (which that comparer may fold onto an ASCII letter) is always
/// let through, as is every word once a member has such an end.
/// </summary>
internal sealed class WordScreen
{
    private const int Bits = 1 << 13;

    private readonly ulong[] _bits = new ulong[Bits / 64];
    private bool _open;

    internal WordScreen(IEnumerable<string> members)
    {
        foreach (var member in members)
        {
            if (Slot(member) is { } slot)
                _bits[slot >> 6] |= 1UL << slot;
            else
                _open = true;
        }
    }

    /// <summary>False only when no member can equal <paramref name="word"/> ignoring case.</summary>
    internal bool MayHold(ReadOnlySpan<char> word) =>
        _open || Slot(word) is not { } slot || (_bits[slot >> 6] & (1UL << slot)) != 0;

    private static int? Slot(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
            return 0;
        var first = word[0];
        var last = word[^1];
        if (first > '\x7f' || last > '\x7f')
            return null;
        var length = Math.Min(word.Length, 63);
        return (int)((uint)((length * 131 + Lower(first)) * 131 + Lower(last)) * 2654435761u >> 19) & (Bits - 1);
    }

    private static int Lower(char c) => c is >= 'A' and <= 'Z' ? c + ('a' - 'A') : c;
}
