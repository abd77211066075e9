using System.Runtime.CompilerServices;
using System.Text;

namespace Sitrep.Geo.Text;

/// <summary>
/// Folds names and text the same way on both sides of the index: lower case, Latin accents off,
/// apostrophes out ("Mar'yinka" and "Maryinka" meet), anything else a token boundary.
/// The skeleton goes one step looser so that Ukrainian and Russian transliterations meet
/// (y and i alike, kh and h, shch and sch, doubled letters single: Mariinka, Mar'yinka, Marinka;
/// Shchastia, Schastia; Kherson, Herson).
/// </summary>
internal static partial class TextFold
{
    // Asked of every character that ends a word, nearly always ASCII: the short test is inlined
    // into the tokenizers' loops, the long list is a call only past ASCII.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c < 0x80 ? c is '\'' or '`' : IsApostropheBeyondAscii(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsApostropheBeyondAscii(char c) =>
        c is '\u2019' or '\u2018' or '\u02BC' or '\u02B9' or '\u02BA' or '\u02EE' or '\u00B4' or '\u2032';

    /// <summary>Appends the folded form of one character (empty for apostrophes and marks).</summary>
    public static void AppendFolded(StringBuilder sb, char c)
    {
        if (c < 0x80)
        {
            if (c is >= 'A' and <= 'Z')
                sb.Append((char)(c + 32));
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                sb.Append(c);
            return;
        }
        if (c >= LatinStart && c < LatinStart + LatinTable.Length)
        {
            sb.Append(LatinTable[c - LatinStart]);
            return;
        }
        if (c >= ExtendedStart && c < ExtendedStart + ExtendedTable.Length)
        {
            sb.Append(ExtendedTable[c - ExtendedStart]);
            return;
        }
        // Combining marks (U+0300..U+036F) vanish; other scripts keep their letters, lower-cased.
        if (c is >= '\u0300' and <= '\u036F')
            return;
        if (char.IsLetterOrDigit(c))
            sb.Append(char.ToLowerInvariant(c));
    }

    // Primes and the modifier apostrophe are letters to Unicode (Lm) but apostrophes to a transliteration.
    // ASCII, most of any report, is answered first: no ASCII apostrophe is a letter.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : IsWordCharBeyondAscii(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsWordCharBeyondAscii(char c) =>
        char.IsLetterOrDigit(c) && !IsApostropheBeyondAscii(c) || c is >= '\u0300' and <= '\u036F';

    /// <summary>The tokens of a name as the index keys them: folded, then reduced to skeletons.</summary>
    public static List<string> SkeletonTokens(ReadOnlySpan<char> name)
    {
        var tokens = new List<string>();
        var words = new SkeletonWords(name);
        while (words.Next() is { } word)
            tokens.Add(word);
        return tokens;
    }

    /// <summary>
    /// The builder <see cref="Fold"/> and <see cref="FoldEquals"/> fold into: the geocoder folds every
    /// candidate name of every mention, and a builder per call was a large part of what it allocated.
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? _folding;

    /// <summary>Folded text with single spaces between tokens: the form names are compared in.</summary>
    public static string Fold(ReadOnlySpan<char> text) => FoldInto(text).ToString();

    /// <summary>Whether <paramref name="text"/> folds to <paramref name="folded"/>, without making the folded string.</summary>
    public static bool FoldEquals(ReadOnlySpan<char> text, string folded) => FoldInto(text).Equals(folded.AsSpan());

    /// <summary>
    /// Whether the folded form of <paramref name="text"/> is in <paramref name="set"/> (an ordinal
    /// set), without making the folded string: asked of most capitalized words of every report.
    /// </summary>
    public static bool FoldedIn(ReadOnlySpan<char> text, HashSet<string> set)
    {
        var sb = FoldInto(text);
        if (sb.Length > 256)
            return set.Contains(sb.ToString());
        Span<char> folded = stackalloc char[sb.Length];
        sb.CopyTo(0, folded, sb.Length);
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded);
    }

    private static StringBuilder FoldInto(ReadOnlySpan<char> text)
    {
        var sb = _folding ??= new StringBuilder(64);
        sb.Clear();
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                if (pendingSpace && sb.Length > 0)
                    sb.Append(' ');
                pendingSpace = false;
                AppendFolded(sb, c);
            }
            else if (!IsApostrophe(c))
                pendingSpace = true;
        }
        // A long text folded once should not pin its builder for the rest of the thread's work.
        if (sb.Capacity > 1 << 16)
            _folding = null;
        return sb;
    }

    /// <summary>Skeleton of one folded token.</summary>
    public static string Skeleton(ReadOnlySpan<char> token)
    {
        // The hot path of recognition: plain ASCII words skip the builders.
        if (token.Length <= 64 && IsPlainAscii(token))
        {
            Span<char> buffer = stackalloc char[token.Length];
            var n = 0;
            for (var i = 0; i < token.Length; i++)
            {
                var c = Lower(token[i]);
                if (Transliteration(token, i, ref c) is var skip && skip > 0)
                    i += skip;
                if (n > 0 && buffer[n - 1] == c && c is >= 'a' and <= 'z')
                    continue;
                buffer[n++] = c;
            }
            return Shared(buffer[..n]);
        }
        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
            if (IsWordChar(c))
                AppendFolded(sb, c);
        return Skeletonize(sb);
    }

    private static bool IsPlainAscii(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
            if (c is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'))
                return false;
        return true;
    }

    private static string Skeletonize(StringBuilder folded)
    {
        var n = folded.Length;
        // Folded names are short; a long run of text borrows its buffers instead of building strings.
        char[]? rented = null;
        var buffer = n <= 128 ? stackalloc char[2 * n] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(2 * n)).AsSpan(0, 2 * n);
        var text = buffer[..n];
        var skeleton = buffer[n..];
        folded.CopyTo(0, text, n);
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var c = text[i];
            if (Transliteration(text, i, ref c) is var skip && skip > 0)
                i += skip;
            if (m > 0 && skeleton[m - 1] == c && char.IsLetter(c))
                continue;
            skeleton[m++] = c;
        }
        var result = Shared(skeleton[..m]);
        if (rented is not null)
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>
    /// The one string of a skeleton already made on this thread: the geocoder asks for the
    /// skeletons of the same few words (names, "region", "oblast") mention after mention.
    /// </summary>
    private static string Shared(ReadOnlySpan<char> skeleton) => (_skeletons ??= new()).Get(skeleton, NewString);

    [ThreadStatic]
    private static Sitrep.Text.WordFormCache<string>? _skeletons;

    private static readonly Func<ReadOnlySpan<char>, string> NewString = s => new string(s);

    private static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;

    /// <summary>
    /// Where the transliterations of Ukrainian and Russian names part ways, one letter for all:
    /// y and i (й, и, ы; ya/ia, ye/ie, yu/iu, yi/i), kh and h (х), shch and sch (щ, сч). Returns
    /// how many more letters of <paramref name="s"/> the letter <paramref name="c"/> stands for.
    /// </summary>
    private static int Transliteration(ReadOnlySpan<char> s, int i, ref char c)
    {
        switch (c)
        {
            case 'y':
                c = 'i';
                return 0;
            case 'k' when i + 1 < s.Length && Lower(s[i + 1]) == 'h':
                c = 'h';
                return 1;
            case 's' when i + 3 < s.Length && Lower(s[i + 1]) == 'h' && Lower(s[i + 2]) == 'c' && Lower(s[i + 3]) == 'h':
                // "shch" as "sch": the s is kept, "hch" becomes "ch" by skipping the h.
                return 1;
            default:
                return 0;
        }
    }

    /// <summary>Levenshtein distance, cut off early past <paramref name="max"/>.</summary>
    public static int EditDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
            return max + 1;
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > max)
                return max + 1;
            cur.CopyTo(prev);
        }
        return prev[b.Length];
    }
}
