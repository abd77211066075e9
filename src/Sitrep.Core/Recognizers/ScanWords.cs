using System.Runtime.CompilerServices;
using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>
/// What the date and figure scans keep in a token's word record (<see cref="TokenWord.Scans"/>).
/// A scan's "asked" bit says its other bits are known.
/// </summary>
[Flags]
internal enum ScanWord
{
    None = 0,
    DatesAsked = 1,
    /// <summary>A word only dates are made of: a month, a weekday, a number word, "yesterday".</summary>
    DateWord = 2,
    /// <summary>A word that may lead to a date word: "in", "the", "last".</summary>
    DateLead = 4,
    /// <summary>A month's name that is no other date word ("may", "march").</summary>
    OnlyMonth = 8,
    FiguresAsked = 16,
    /// <summary>The first word of a phrase a figure may open with ("at least", "three", "a few").</summary>
    FigureOpening = 32,
}

/// <summary>
/// The tokens of the sentence a scan reads, looked up by offset in text order: a letter run the
/// tokenizer read as one whole token is that token's word, whose record answers what the scan
/// would otherwise hash the run's letters to learn, once per distinct word instead of once per
/// run. A run the tokenizer read otherwise ("Kh" of "Kh-59") has no record here.
/// </summary>
internal ref struct SentenceTokens(ReadOnlySpan<Token> tokens)
{
    private readonly ReadOnlySpan<Token> _tokens = tokens;
    private int _next;

    /// <summary>
    /// The record of the token that is exactly <c>text[start..end)</c>, or null. Asked in text
    /// order; a copy of the cursor may look ahead without moving this one.
    /// </summary>
    // Asked at every word of a sentence by two scans: a call and its frame would cost what the look-up saved.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TokenWord? At(int start, int end)
    {
        while (_next < _tokens.Length && _tokens[_next].Start < start)
            _next++;
        if (_next == _tokens.Length)
            return null;
        ref readonly var token = ref _tokens[_next];
        return token.Start == start && token.End == end ? token.Word : null;
    }
}
