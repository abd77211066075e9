namespace Sitrep.Text;

/// <summary>
/// One distinct word form as the tokenizer read it, shared by every token of that form on the
/// thread: its folded forms, and what the recognizers would otherwise hash the form again to
/// learn (its word classes, its numbers in a lexicon vocabulary), worked out the first time a
/// recognizer asks and kept here. Several recognizers read every token; with this they ask the
/// word once per distinct form, not once per token and recognizer.
/// </summary>
internal sealed class TokenWord(WordForms forms)
{
    /// <summary>The forms the place tokenizer shares (by offset) with the core tokenizer.</summary>
    public WordForms Forms { get; } = forms;

    public string Norm => Forms.Norm;

    public string Lemma => Forms.Lemma;

    /// <summary>
    /// The word classes' mask, valid once <see cref="_classesKnown"/> is set: written before the
    /// flag, so a token handed to another thread never reads the flag without the mask.
    /// </summary>
    private ulong _classes;
    private volatile bool _classesKnown;

    /// <summary>The word's numbers in the vocabulary last asked about: one reference, so it is replaced whole.</summary>
    private object? _lexicon;

    public bool TryClasses(out ulong classes)
    {
        var known = _classesKnown;
        classes = _classes;
        return known;
    }

    public void SetClasses(ulong classes)
    {
        _classes = classes;
        _classesKnown = true;
    }

    /// <summary>
    /// What the date and figure scans have learned of the word as written (<see cref="Sitrep.Recognizers.ScanWord"/>
    /// flags, each scan's own bits and a bit saying it has asked): both scans read every letter
    /// run of every sentence, and most runs are one of these records' words.
    /// </summary>
    private int _scans;

    public Sitrep.Recognizers.ScanWord Scans => (Sitrep.Recognizers.ScanWord)Volatile.Read(ref _scans);

    /// <summary>Adds flags without losing another scan's, should a token handed to another thread be read there too.</summary>
    public void AddScans(Sitrep.Recognizers.ScanWord flags) => Interlocked.Or(ref _scans, (int)flags);

    public T? Lexicon<T>() where T : class => _lexicon as T;

    public void SetLexicon(object numbers) => _lexicon = numbers;
}
