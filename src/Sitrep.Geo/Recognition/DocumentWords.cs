using Sitrep.Geo.Text;
using Sitrep.Text;

namespace Sitrep.Geo;

/// <summary>
/// The surnames of one report's person names, read from the words as the place recognizer
/// splits its sentences, so that the geocoder need not split the report into words again.
/// Text no sentence covers (boilerplate, captions) is split as it is passed over or when the
/// report is done; when a sentence boundary falls inside a word, or sentences come out of order,
/// the report is split whole. The words are read as they come and not kept: only the last few,
/// whose name could go on into the next sentence, wait for it.
/// </summary>
public sealed class DocumentWords(string text)
{
    // The last words read, whose names could go on into the next sentence: never more than a name's length.
    private readonly WordToken[] _pending = new WordToken[Recognition.PersonNames.MaxNameWords];
    private int _pendingCount;
    private readonly HashSet<string> _surnames = new(StringComparer.Ordinal);
    private readonly Recognition.GeoLexicon _lex = Recognition.GeoLexicon.Default;
    private int _end;
    private bool _whole;
    private bool _done;

    /// <summary>
    /// Reads the words of text[start..end), split by the recognizer; they are not kept. The same
    /// scan marks the person names among them in <paramref name="blocked"/>, which the recognizer
    /// needs too; false, with nothing marked, when the words are not read here (the report is
    /// being split whole, or this is not its text).
    /// </summary>
    internal bool Add(string source, int start, int end, List<WordToken> tokens, bool[] blocked)
    {
        if (_whole || _done)
            return false;
        if (!ReferenceEquals(source, text) || start < _end || !Clean(start) || !Clean(end))
        {
            _whole = true;
            return false;
        }
        if (start > _end)
            Read(WordTokenizer.Tokenize(text, _end, start, Gap));
        Read(tokens, blocked);
        _end = end;
        return true;
    }

    /// <summary>
    /// Adds the last words of the person names of <paramref name="source"/> to <paramref name="surnames"/>:
    /// those one reading of the whole text's words would give.
    /// </summary>
    internal void AddSurnames(string source, HashSet<string> surnames)
    {
        if (_whole || !ReferenceEquals(source, text))
        {
            Recognition.PersonNames.Scan(source, new WordList(WordTokenizer.Tokenize(source, 0, source.Length)), _lex, null, surnames, complete: true);
            return;
        }
        if (!_done)
        {
            if (_end < text.Length)
                Read(WordTokenizer.Tokenize(text, _end, text.Length, Gap));
            _end = text.Length;
            Recognition.PersonNames.Scan(text, new Joined(_pending, _pendingCount, []), _lex, null, _surnames, complete: true);
            _pendingCount = 0;
            _done = true;
        }
        surnames.UnionWith(_surnames);
    }

    private void Read(List<WordToken> tokens)
    {
        if (tokens.Count == 0)
            return;
        var words = new Joined(_pending, _pendingCount, tokens);
        KeepFrom(words, Recognition.PersonNames.Scan(text, words, _lex, null, _surnames, complete: false));
    }

    /// <summary>A sentence's words, read as <see cref="Read(List{WordToken})"/> reads them, with their names marked in <paramref name="blocked"/>.</summary>
    private void Read(List<WordToken> tokens, bool[] blocked)
    {
        if (tokens.Count == 0)
            return;
        var words = new Joined(_pending, _pendingCount, tokens);
        // The words from before are read first: a name one of them begins may run into the sentence.
        var at = Recognition.PersonNames.Read(text, words, _lex, 0, _pendingCount, null, _surnames, complete: false);
        if (at == _pendingCount)
        {
            // From the sentence's first word the reading of the joined words and the recognizer's
            // scan of the sentence alone take the same steps: one scan does both.
            KeepFrom(words, _pendingCount + Recognition.PersonNames.Scan(text, new WordList(tokens), _lex, blocked, _surnames, complete: false));
            return;
        }
        // A name ran from the words before into the sentence, or the reading stopped among them.
        KeepFrom(words, at < _pendingCount ? at : Recognition.PersonNames.Read(text, words, _lex, at, int.MaxValue, null, _surnames, complete: false));
        Recognition.PersonNames.Scan(text, new WordList(tokens), _lex, blocked, null, complete: true);
    }

    /// <summary>Keeps the words from <paramref name="stop"/> on for the next piece: a reading stops within a name's length of the end, so they fit.</summary>
    private void KeepFrom(Joined words, int stop)
    {
        var left = words.Count - stop;
        for (var k = 0; k < left; k++)
            _pending[k] = words[stop + k];
        _pendingCount = left;
    }

    /// <summary>The words left from before, then a sentence's words, read as one list.</summary>
    private readonly struct Joined(WordToken[] before, int beforeCount, List<WordToken> tokens) : IWordList
    {
        public int Count => beforeCount + tokens.Count;

        public WordToken this[int index] => index < beforeCount ? before[index] : tokens[index - beforeCount];
    }

    [ThreadStatic]
    private static List<WordToken>? _gap;

    /// <summary>The words of text between sentences, read at once and then dropped.</summary>
    private static List<WordToken> Gap => _gap ??= [];

    // A split at this offset gives the words a split of the whole text does: no word, inner
    // apostrophe or possessive runs across it.
    private bool Clean(int at) =>
        at <= 0 || at >= text.Length || !InWord(text[at - 1]) || !InWord(text[at]);

    private static bool InWord(char c) => TextFold.IsWordChar(c) || TextFold.IsApostrophe(c);
}

/// <summary>Words in text order, read by index.</summary>
internal interface IWordList
{
    int Count { get; }

    WordToken this[int index] { get; }
}

/// <summary>One span's words.</summary>
internal readonly struct WordList(List<WordToken> tokens) : IWordList
{
    public int Count => tokens.Count;

    public WordToken this[int index] => tokens[index];
}
