namespace Sitrep.Text;

/// <summary>
/// The folded forms of words already seen on this thread, keyed by the word as written. Reports
/// repeat their words (a few thousand distinct ones carry most of any corpus), and folding
/// allocates a new string every time; a hit costs a hash of the span and allocates nothing.
/// Bounded: when it holds <see cref="Capacity"/> words it starts again empty, so memory stays
/// flat however long the run.
/// </summary>
internal sealed class WordFormCache<TForm>
{
    public const int Capacity = 32_768;

    private readonly Dictionary<string, TForm> _forms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TForm>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public WordFormCache() => _bySpan = _forms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words longer than this are rare enough that caching them only costs.</summary>
    public const int MaxWordLength = 48;

    public int Count => _forms.Count;

    public TForm Get(ReadOnlySpan<char> word, Func<ReadOnlySpan<char>, TForm> fold)
    {
        if (word.Length > MaxWordLength)
            return fold(word);
        if (_bySpan.TryGetValue(word, out var form))
            return form;
        form = fold(word);
        if (_forms.Count >= Capacity)
            _forms.Clear();
        _bySpan[word] = form;
        return form;
    }
}
