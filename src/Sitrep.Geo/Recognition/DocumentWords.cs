using Sitrep.Geo.Text;
using Sitrep.Text;

namespace Sitrep.Geo;

/// <summary>
/// The words of one report, kept as the place recognizer split its sentences, so that the
/// geocoder reads person names over the whole report without splitting it into words again.
/// Text no sentence covers (boilerplate, captions) is split when the report is done; when a
/// sentence boundary falls inside a word, or sentences come out of order, the report is split whole.
/// </summary>
public sealed class DocumentWords(string text)
{
    private readonly List<List<WordToken>> _runs = [];
    private readonly List<int> _firsts = [];
    private int _count;
    private int _end;
    private bool _whole;

    /// <summary>Keeps the words of text[start..end), split by the recognizer.</summary>
    internal void Add(string source, int start, int end, List<WordToken> tokens)
    {
        if (_whole)
            return;
        if (!ReferenceEquals(source, text) || start < _end || !Clean(start) || !Clean(end))
        {
            _whole = true;
            return;
        }
        if (start > _end)
            Append(WordTokenizer.Tokenize(text, _end, start));
        Append(tokens);
        _end = end;
    }

    /// <summary>Every word of the report, in text order, as one split of the whole text would give them.</summary>
    internal IWordList All(string source)
    {
        if (_whole || !ReferenceEquals(source, text))
            return new WordList(WordTokenizer.Tokenize(source, 0, source.Length));
        if (_end < text.Length)
        {
            Append(WordTokenizer.Tokenize(text, _end, text.Length));
            _end = text.Length;
        }
        return new Runs(_runs, _firsts, _count);
    }

    private void Append(List<WordToken> tokens)
    {
        if (tokens.Count == 0)
            return;
        _runs.Add(tokens);
        _firsts.Add(_count);
        _count += tokens.Count;
    }

    // A split at this offset gives the words a split of the whole text does: no word, inner
    // apostrophe or possessive runs across it.
    private bool Clean(int at) =>
        at <= 0 || at >= text.Length || !InWord(text[at - 1]) || !InWord(text[at]);

    private static bool InWord(char c) => TextFold.IsWordChar(c) || TextFold.IsApostrophe(c);

    /// <summary>The runs read as one list; the reader walks it forward, so the run last read is tried first.</summary>
    private sealed class Runs(List<List<WordToken>> runs, List<int> firsts, int count) : IWordList
    {
        private int _run;

        public int Count => count;

        public WordToken this[int index]
        {
            get
            {
                while (index < firsts[_run])
                    _run--;
                while (index >= firsts[_run] + runs[_run].Count)
                    _run++;
                return runs[_run][index - firsts[_run]];
            }
        }
    }
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
