namespace Sitrep.Geo.Text;

/// <summary>A word of the text: its span, its skeleton key, and how it is written.</summary>
internal readonly record struct WordToken(int Start, int End, WordKey Word, bool Capitalized)
{
    public int Length => End - Start;

    public string Key => Word.Key;
}

/// <summary>
/// A word as written, made once per thread and shared by each of its tokens: its skeleton key,
/// and room for what the place recognizer's lexicon says of it. The recognizer asks several
/// word sets of every word of every sentence, twice (for its own person names and for the
/// report's surnames); read once per distinct word, each answer is then a flag.
/// </summary>
internal sealed class WordKey(string key)
{
    public string Key { get; } = key;

    /// <summary>The word's classes in the one lexicon that reads them; -1 until it has.</summary>
    public int Classes = -1;

    /// <summary>
    /// Whether the word as written folds to a common English word: 0 until asked, then 1 (no) or
    /// 2 (yes). A key is made per word as written, so the answer holds for each of its tokens; the
    /// recognizer asks it of most capitalised words, and folding each into a set lookup cost more
    /// than the word's other classes together.
    /// </summary>
    public byte Common;

    /// <summary>
    /// The place index whose token id and root node for the word are <see cref="Token"/> and
    /// <see cref="Root"/>: asked of every capitalised word, the index's own memo costs a hash lookup.
    /// </summary>
    public object? Index;

    public int Token;

    public int Root;
}

/// <summary>Splits text into words as place names are keyed: hyphens split, inner apostrophes join, a possessive 's is dropped.</summary>
internal static class WordTokenizer
{
    [ThreadStatic]
    private static Sitrep.Text.WordFormCache<WordKey>? _keys;

    private static Sitrep.Text.WordFormCache<WordKey> Keys => _keys ??= new();

    private static readonly Func<ReadOnlySpan<char>, WordKey> SkeletonOf = w => new WordKey(TextFold.Skeleton(w));

    public static List<WordToken> Tokenize(string text, int start, int end) =>
        // Sized for about a word per five characters, the list is made once instead of growing
        // (and copying) three or four times.
        Tokenize(text, start, end, new List<WordToken>(Math.Max(4, (end - start) / 5 + 1)));

    /// <summary>
    /// The words of text[start..end) into <paramref name="tokens"/>, cleared first: every sentence
    /// of every report comes through here, and a caller done with one sentence's words before the
    /// next reuses one list.
    /// </summary>
    public static List<WordToken> Tokenize(string text, int start, int end, List<WordToken> tokens)
    {
        tokens.Clear();
        var read = Sitrep.Text.SentenceWords.Last.Read(text);
        var i = start;
        while (i < end)
        {
            if (!TextFold.IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var s = i;
            while (i < end)
            {
                if (TextFold.IsWordChar(text[i]))
                {
                    i++;
                    continue;
                }
                // Mar'yinka keeps its apostrophe inside; Kyiv's ends before it.
                if (TextFold.IsApostrophe(text[i]) && i + 1 < end && TextFold.IsWordChar(text[i + 1]) && !IsPossessive(text, i, end))
                {
                    i++;
                    continue;
                }
                break;
            }
            var key = read.At(s, i) is { } forms
                ? forms.Place ??= SkeletonOf(text.AsSpan(s, i - s))
                : Keys.Get(text.AsSpan(s, i - s), SkeletonOf);
            tokens.Add(new WordToken(s, i, key, char.IsUpper(text[s])));
            if (i < end && TextFold.IsApostrophe(text[i]) && IsPossessive(text, i, end))
                i += 2;
        }
        return tokens;
    }

    // "Kyiv's" but not "Nikol's'ke", whose second apostrophe goes on inside the name.
    private static bool IsPossessive(string text, int apostrophe, int end) =>
        apostrophe + 1 < end && text[apostrophe + 1] is 's' or 'S'
        && (apostrophe + 2 >= end || !TextFold.IsWordChar(text[apostrophe + 2])
            && !(TextFold.IsApostrophe(text[apostrophe + 2]) && apostrophe + 3 < end && TextFold.IsWordChar(text[apostrophe + 3])));

    /// <summary>True when only spaces or a hyphen separate two words, so they may form one name.</summary>
    public static bool Adjacent(string text, in WordToken left, in WordToken right)
    {
        var i = left.End;
        // "People's Republic": the possessive the tokenizer dropped does not part the words.
        if (i + 1 < right.Start && TextFold.IsApostrophe(text[i]) && text[i + 1] is 's' or 'S')
            i += 2;
        if (right.Start - i > 3)
            return false;
        for (; i < right.Start; i++)
            if (text[i] is not (' ' or '-' or '\u2011' or '\u00A0'))
                return false;
        return true;
    }
}
