namespace Sitrep.Text;

/// <summary>
/// A word as written and its forms, made once per thread and shared by each of its tokens: the
/// core tokenizer's folded form and lemma, and the place tokenizer's skeleton key when it has
/// read the same word.
/// </summary>
internal sealed class WordForms(string norm, string lemma)
{
    public string Norm { get; } = norm;

    public string Lemma { get; } = lemma;

    /// <summary>The place tokenizer's key of this very span; null until it has read it.</summary>
    public Sitrep.Geo.Text.WordKey? Place;
}

/// <summary>
/// The words the core tokenizer last read on this thread, by offset, for the place tokenizer
/// that reads the same sentence right after it: each word the two split alike is looked up in
/// one word cache instead of two. A word's forms depend on its characters only, so a word at
/// the same offsets of the same string is the same word, however stale the record.
/// </summary>
internal sealed class SentenceWords
{
    [ThreadStatic]
    private static SentenceWords? _last;

    public static SentenceWords Last => _last ??= new();

    private string? _text;
    private int[] _starts = new int[64];
    private int[] _ends = new int[64];
    private WordForms[] _forms = new WordForms[64];
    private int _count;

    public void Begin(string text)
    {
        _text = text;
        _count = 0;
        // One long text read at once should not pin its arrays for the rest of the run.
        if (_starts.Length > 1 << 14)
            (_starts, _ends, _forms) = (new int[64], new int[64], new WordForms[64]);
    }

    public void Add(int start, int end, WordForms forms)
    {
        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, 2 * _count);
            Array.Resize(ref _ends, 2 * _count);
            Array.Resize(ref _forms, 2 * _count);
        }
        _starts[_count] = start;
        _ends[_count] = end;
        _forms[_count++] = forms;
    }

    /// <summary>A reader of the words recorded for <paramref name="text"/>, read in text order; empty for any other text.</summary>
    public Cursor Read(string text) => new(this, ReferenceEquals(text, _text) ? _count : 0);

    internal struct Cursor(SentenceWords words, int count)
    {
        private int _next;

        /// <summary>The forms of the word at text[start..end) when the core tokenizer read that very span; words are asked in text order.</summary>
        public WordForms? At(int start, int end)
        {
            var starts = words._starts;
            while (_next < count && starts[_next] < start)
                _next++;
            return _next < count && starts[_next] == start && words._ends[_next] == end ? words._forms[_next] : null;
        }
    }
}
