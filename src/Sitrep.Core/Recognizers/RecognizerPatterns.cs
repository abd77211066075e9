using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>
/// Loads a pattern file and adds pieces generated from lexicons, so a word list lives in one
/// TSV and the patterns refer to it by name (<c>{monthName}</c>) instead of repeating it.
/// </summary>
internal static class RecognizerPatterns
{
    /// <param name="generated">piece name, phrases, and whether to forbid a following letter
    /// (true for words, so "one" does not match inside "onerous"; false for symbols like "$").</param>
    internal static PatternSet Load(string fileName, params (string Name, IEnumerable<string> Phrases, bool WordBoundary)[] generated)
    {
        var lines = new List<string>(File.ReadLines(DataFiles.PathOf(fileName)));
        foreach (var (name, phrases, wordBoundary) in generated)
        {
            var alternation = PatternSet.Alternation(phrases);
            if (alternation.Length == 0)
                throw new FormatException($"{fileName}: the lexicon for '{name}' is empty");
            lines.Add($"{name} = (?:{alternation}){(wordBoundary ? "(?![a-z])" : "")}");
        }
        return PatternSet.Parse(lines, fileName);
    }

    /// <summary>First word of each phrase, lower-cased: the tokens at which a pattern may start.</summary>
    /// <remarks>The scanner reads tokens as runs of letters, so "US$" is triggered by "us".</remarks>
    internal static IEnumerable<string> FirstWords(IEnumerable<string> phrases) =>
        phrases.Select(p => new string(p.TakeWhile(char.IsLetter).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0);
}

/// <summary>
/// A set of lower-case words probed with a span of the text, so the per-token check of a
/// scanner allocates nothing.
/// </summary>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly WordScreen _screen;

    internal WordSet(IEnumerable<string> words)
    {
        var set = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        _screen = new WordScreen(set);
    }

    internal bool Contains(ReadOnlySpan<char> word) => _screen.MayHold(word) && _lookup.Contains(word);
}

/// <summary>
/// The phrases a pattern can begin with, by their first word: a scanner runs the pattern at a
/// word only when one of that word's phrases is written there. The test is a necessary
/// condition, never a stricter one than the pattern's: a space in a phrase stands for the
/// pattern's <c>\s+</c>, letters compare without case, and a character outside ASCII, whose
/// case the pattern may fold in its own way (the Kelvin sign is a "k"), is left to the pattern.
/// </summary>
internal sealed class PhraseOpenings
{
    private readonly Dictionary<string, List<string>>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    internal PhraseOpenings(IEnumerable<string> phrases)
    {
        var byFirstWord = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var phrase in phrases)
        {
            var first = new string(phrase.TakeWhile(char.IsLetter).ToArray());
            if (first.Length == 0)
                continue;
            if (!byFirstWord.TryGetValue(first, out var list))
                byFirstWord[first] = list = [];
            list.Add(phrase);
        }
        _byFirstWord = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _screen = new WordScreen(byFirstWord.Keys);
    }

    private readonly WordScreen _screen;

    /// <summary>
    /// Whether a phrase opens at <paramref name="i"/>, where the word <c>text[i..wordEnd)</c>
    /// begins, within the window ending at <paramref name="end"/>.
    /// </summary>
    internal bool OpensAt(string text, int i, int wordEnd, int end)
    {
        var word = text.AsSpan(i, wordEnd - i);
        if (!_screen.MayHold(word) || !_byFirstWord.TryGetValue(word, out var phrases))
            return false;
        foreach (var phrase in phrases)
        {
            if (Written(text, i, end, phrase))
                return true;
        }
        return false;
    }

    /// <summary>Whether some phrase begins with <paramref name="word"/>: <see cref="OpensAt"/> is false for any other word, whatever follows it.</summary>
    internal bool MayOpen(ReadOnlySpan<char> word) => _screen.MayHold(word) && _byFirstWord.ContainsKey(word);

    private static bool Written(string text, int t, int end, string phrase)
    {
        foreach (var p in phrase)
        {
            if (p > '\x7f')
                return true;
            if (p == ' ')
            {
                if (t >= end)
                    return false;
                if (!char.IsWhiteSpace(text[t]))
                    return text[t] > '\x7f';
                for (; t < end && char.IsWhiteSpace(text[t]); t++)
                {
                    if (text[t] > '\x7f')
                        return true;
                }
                continue;
            }
            if (t >= end)
                return false;
            var c = text[t];
            if (c > '\x7f')
                return true;
            if (char.ToLowerInvariant(c) != char.ToLowerInvariant(p))
                return false;
            t++;
        }
        return true;
    }
}

/// <summary>
/// A list of phrases tried as <see cref="PatternSet.Alternation"/> spells them: longest first, a
/// space standing for a run of white space, letters compared without case; with a word
/// boundary, a phrase followed by an ASCII letter is passed over, as <c>(?![a-z])</c> does.
/// </summary>
internal sealed class PhraseList
{
    private readonly bool _wordBoundary;
    /// <summary>Lower-cased first characters of the phrases: most positions are turned away by one look.</summary>
    private readonly string _firsts;

    /// <summary>
    /// The phrases in the alternation's order that can be written at a character, by the
    /// character's <see cref="Lower"/> form: a position that passes <see cref="_firsts"/> tries
    /// only the phrases of its first letter instead of all of them. <see cref="TextScan.Literal"/>
    /// matches a first character only when the two agree in that form (ASCII letters without
    /// case, anything else as itself); a phrase opening with a space passes <see cref="_firsts"/>
    /// only at a space. An empty phrase, written anywhere, is in every one.
    /// </summary>
    private readonly string[][] _byAsciiFirst = new string[128][];
    private readonly Dictionary<char, string[]> _byOtherFirst;
    private readonly string[] _anywhere;

    internal PhraseList(IEnumerable<string> phrases, bool wordBoundary)
    {
        var ordered = phrases.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length).ToArray();
        _wordBoundary = wordBoundary;
        _firsts = new string(ordered.Where(p => p.Length > 0).Select(p => char.ToLowerInvariant(p[0])).Distinct().ToArray());
        if (ordered.Length == 0)
            throw new FormatException("a phrase list is empty");
        string[] StartingWith(char first) => ordered.Where(p => p.Length == 0 || Lower(p[0]) == first).ToArray();
        for (var c = '\0'; c < 128; c++)
            _byAsciiFirst[c] = StartingWith(c);
        _byOtherFirst = ordered.Where(p => p.Length > 0 && p[0] >= 128).Select(p => p[0]).Distinct().ToDictionary(c => c, StartingWith);
        _anywhere = ordered.Where(p => p.Length == 0).ToArray();
    }

    private string[] WrittenAt(char c)
    {
        var first = Lower(c);
        return first < 128 ? _byAsciiFirst[first] : _byOtherFirst.GetValueOrDefault(first, _anywhere);
    }

    /// <summary>
    /// The ends of the phrases written at <paramref name="i"/>, in the alternation's order;
    /// false when there are more than <paramref name="ends"/> holds.
    /// </summary>
    internal bool Ends(string text, int i, int end, ref Span<int> ends)
    {
        var n = 0;
        if (i < end && _firsts.Contains(Lower(text[i]), StringComparison.Ordinal))
        {
            foreach (var phrase in WrittenAt(text[i]))
            {
                var e = TextScan.Literal(text, i, end, phrase);
                if (e < 0 || (_wordBoundary && TextScan.LetterAt(text, e, end)))
                    continue;
                if (n == ends.Length)
                    return false;
                ends[n++] = e;
            }
        }
        ends = ends[..n];
        return true;
    }

    private static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
}

/// <summary>
/// The window one match attempt of a hand-written scanner reads, with the character tests the
/// patterns make (case-blind ASCII letters, ASCII digits once <see cref="TextScan.ScannerModels"/>
/// has ruled out others), and whether a buffer of choices overflowed, which hands the position
/// back to the pattern.
/// </summary>
internal struct ScanWindow(string text, int end)
{
    public bool Overflowed;

    public readonly int Lit(int i, string word) => TextScan.Literal(text, i, end, word);

    public readonly bool Letter(int i) => TextScan.LetterAt(text, i, end);

    public readonly bool Digit(int i) => i < end && char.IsAsciiDigit(text[i]);

    public readonly bool Space(int i) => i < end && char.IsWhiteSpace(text[i]);

    public readonly bool Is(int i, char c) => i < end && text[i] == c;

    public readonly int Blank(int i) => TextScan.Blank(text, i, end);

    /// <summary>The patterns' closing <c>(?![a-z0-9])</c> at <paramref name="p"/>, on an attempt that has not overflowed.</summary>
    public readonly bool EndsAt(int p) => !Overflowed && !Letter(p) && !Digit(p);

    /// <summary>The ends of <paramref name="list"/>'s phrases at <paramref name="i"/>; none, and overflowed, when they do not fit.</summary>
    public void Ends(PhraseList list, int i, ref Span<int> buffer)
    {
        if (!list.Ends(text, i, end, ref buffer))
        {
            Overflowed = true;
            buffer = [];
        }
    }

    /// <summary>Appends <paramref name="e"/> to the first <paramref name="n"/> of <paramref name="ends"/>; the new count.</summary>
    public int Add(Span<int> ends, int n, int e)
    {
        if (n == ends.Length)
        {
            Overflowed = true;
            return n;
        }
        ends[n] = e;
        return n + 1;
    }
}

/// <summary>How a hand-written scanner's match attempt ended: <see cref="Overflow"/> leaves the position to the pattern.</summary>
internal enum ScanOutcome { None, Found, Overflow }

/// <summary>Character tests shared by the scanners.</summary>
internal static class TextScan
{
    /// <summary>Checks a recognizer's window <c>text[start..end)</c>: both recognizers take the same arguments.</summary>
    public static void CheckWindow(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
    }

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>
    /// The row of a matched phrase in a lexicon keyed by its key form: each letter's lower case
    /// of its upper case (the regex engine takes the Kelvin sign for k), white space runs as one
    /// space, none at the ends ("More  than" -> "more than"). The key is made in a buffer and
    /// looked up as a span: no string per figure or date read.
    /// </summary>
    internal static TValue ByKeyForm<TValue>(Dictionary<string, TValue> table, ReadOnlySpan<char> phrase)
    {
        Span<char> key = phrase.Length <= 128 ? stackalloc char[phrase.Length] : new char[phrase.Length];
        var n = 0;
        var space = false;
        foreach (var c in phrase)
        {
            if (char.IsWhiteSpace(c))
            {
                space = n > 0;
                continue;
            }
            if (space)
            {
                key[n++] = ' ';
                space = false;
            }
            key[n++] = char.ToLowerInvariant(char.ToUpperInvariant(c));
        }
        return table.GetAlternateLookup<ReadOnlySpan<char>>()[key[..n]];
    }

    /// <summary>Whether <paramref name="word"/> is one of <paramref name="words"/>, ignoring case.</summary>
    internal static bool IsAnyOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>Whether the hand-written scanners read <c>text[start..end)</c> as their patterns would: not
    /// when it holds a digit outside ASCII (the patterns' <c>\d</c>) or one of the letters that
    /// case-blind matching equates with an ASCII one (Kelvin sign, long s, dotted and dotless i).</summary>
    internal static bool ScannerModels(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (System.Text.Ascii.IsValid(span))
            return true;
        foreach (var c in span)
        {
            if (c > '\x7f' && (char.IsDigit(c) || c is '\u212A' or '\u017F' or '\u0130' or '\u0131'))
                return false;
        }
        return true;
    }

    /// <summary>An ASCII letter at <paramref name="i"/>: what the patterns' case-blind <c>[a-z]</c> matches in a window <see cref="ScannerModels"/> accepts.</summary>
    internal static bool LetterAt(string text, int i, int end) => i < end && char.IsAsciiLetter(text[i]);

    /// <summary>
    /// End of <paramref name="phrase"/> written at <paramref name="i"/>, or -1: ASCII letters
    /// compared without case, a space standing for a run of white space (the patterns' <c>\s+</c>).
    /// </summary>
    internal static int Literal(string text, int i, int end, string phrase)
    {
        var t = i;
        foreach (var p in phrase)
        {
            if (p == ' ')
            {
                var w = Blank(text, t, end);
                if (w == t)
                    return -1;
                t = w;
                continue;
            }
            if (t >= end)
                return -1;
            var c = text[t];
            if (c != p && !(char.IsAsciiLetter(p) && char.IsAsciiLetter(c) && (c | 0x20) == (p | 0x20)))
                return -1;
            t++;
        }
        return t;
    }

    /// <summary>End of the run of white space at <paramref name="i"/> (<c>\s*</c>, taken whole).</summary>
    internal static int Blank(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    /// <summary>End of the run of letters starting at <paramref name="i"/>.</summary>
    internal static int LetterRunEnd(string text, int i, int end)
    {
        while (i < end && char.IsLetter(text[i]))
            i++;
        return i;
    }

    /// <summary>
    /// True when a figure at <paramref name="i"/> is glued to a designation ("Kh-59", "S-300",
    /// "Tu-22M3", "1.8" after a failed "1") or a clock ("2:00"), so it is not a figure itself.
    /// </summary>
    internal static bool GluedOnLeft(string text, int i)
    {
        if (i == 0)
            return false;
        var prev = text[i - 1];
        if (IsWordChar(prev))
            return true;
        return prev is '-' or '/' or ':' or '.' or ',' or '–' && i >= 2 && IsWordChar(text[i - 2]);
    }
}
