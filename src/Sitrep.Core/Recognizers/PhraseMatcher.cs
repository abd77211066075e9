using System.Runtime.InteropServices;
using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>A lexicon phrase found in a token stream: tokens [First, Last) and character offsets.</summary>
public readonly record struct PhraseMatch<T>(int First, int Last, int Start, int End, T Value);

/// <summary>
/// Numbers for the words of several lexicons. A sentence is read by ten lexicons; with one
/// vocabulary its words are hashed once (<see cref="SentenceWords"/>) and each lexicon's trie
/// steps by number, where it used to hash every word again.
/// </summary>
public sealed class PhraseVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    /// <summary>Per word number: the matchers (one bit each) a phrase of which begins with the word as a lemma key, and as an exact form key.</summary>
    private ulong[] _opensByLemma = [];
    private ulong[] _opensByNorm = [];
    private int _matchers;

    /// <summary>Words in the vocabulary.</summary>
    public int Count => _ids.Count;

    /// <summary>Moves on at every change to the words or the phrases' first words: a word's numbers read at another version are stale.</summary>
    internal int Version { get; private set; }

    internal int Intern(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            _ids[word] = id = _ids.Count;
            Version++;
        }
        return id;
    }

    /// <summary>The word's number, or -1 for a word no lexicon of this vocabulary holds.</summary>
    internal int IdOf(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>A matcher's bit in <see cref="Opens"/>; 0 past the 64th matcher, which then tries every word.</summary>
    internal ulong Enlist()
    {
        var bit = _matchers < 64 ? 1UL << _matchers : 0;
        _matchers++;
        return bit;
    }

    /// <summary>Records that a phrase of the matcher with <paramref name="bit"/> begins with trie key <paramref name="key"/> (twice the number, plus one for an exact form).</summary>
    internal void MarkOpening(ulong bit, int key)
    {
        var id = key / 2;
        if (key % 2 == 0)
            Mark(ref _opensByLemma, id, bit);
        else
            Mark(ref _opensByNorm, id, bit);
        Version++;
    }

    private static void Mark(ref ulong[] opens, int id, ulong bit)
    {
        if (id >= opens.Length)
            Array.Resize(ref opens, Math.Max(id + 1, 2 * opens.Length));
        opens[id] |= bit;
    }

    /// <summary>The matchers that a word with these numbers can begin a phrase of, one bit each.</summary>
    internal ulong Opens(int lemma, int norm) =>
        (lemma >= 0 && lemma < _opensByLemma.Length ? _opensByLemma[lemma] : 0)
        | (norm >= 0 && norm < _opensByNorm.Length ? _opensByNorm[norm] : 0);
}

/// <summary>
/// A sentence's tokens as numbers of one <see cref="PhraseVocabulary"/>, by lemma and by folded
/// form: looked up once, then read by every lexicon. Reused sentence after sentence. A token
/// the tokenizer gave its word record keeps the numbers there, so a form already seen on the
/// thread is not looked up again.
/// </summary>
public sealed class SentenceWords
{
    /// <summary>A word's numbers in one vocabulary at one version: kept in the word's record.</summary>
    private sealed record WordNumbers(PhraseVocabulary Vocabulary, int Version, int Lemma, int Norm, ulong Opens);

    private int[] _lemma = new int[64];
    private int[] _norm = new int[64];
    private ulong[] _opens = new ulong[64];

    public PhraseVocabulary? Vocabulary { get; private set; }

    /// <summary>Tokens read by the last <see cref="Read"/>.</summary>
    public int Count { get; private set; }

    public void Read(PhraseVocabulary vocabulary, IReadOnlyList<Token> tokens)
    {
        Vocabulary = vocabulary;
        Count = tokens.Count;
        if (_lemma.Length < Count)
        {
            _lemma = new int[Math.Max(Count, 2 * _lemma.Length)];
            _norm = new int[_lemma.Length];
            _opens = new ulong[_lemma.Length];
        }
        // The reader's list is read as a span: a call through the interface per token costs more
        // than the loop's work. Lists of another kind (none in the pipeline) are copied once.
        var span = tokens switch
        {
            List<Token> list => CollectionsMarshal.AsSpan(list),
            Token[] array => array,
            _ => tokens.ToArray(),
        };
        for (var i = 0; i < span.Length; i++)
            ReadOne(vocabulary, i, span[i]);
    }

    private void ReadOne(PhraseVocabulary vocabulary, int i, in Token t)
    {
        var numbers = t.Word?.Lexicon<WordNumbers>();
        if (numbers is null || !ReferenceEquals(numbers.Vocabulary, vocabulary) || numbers.Version != vocabulary.Version)
        {
            numbers = Look(vocabulary, t);
            t.Word?.SetLexicon(numbers);
        }
        _lemma[i] = numbers.Lemma;
        _norm[i] = numbers.Norm;
        _opens[i] = numbers.Opens;
    }

    private static WordNumbers Look(PhraseVocabulary vocabulary, in Token t)
    {
        var lemma = vocabulary.IdOf(t.Lemma);
        var norm = t.LemmaIsNorm ? lemma : vocabulary.IdOf(t.Norm);
        return new WordNumbers(vocabulary, vocabulary.Version, lemma, norm, vocabulary.Opens(lemma, norm));
    }

    internal int Lemma(int token) => _lemma[token];

    internal int Norm(int token) => _norm[token];

    /// <summary>Whether the token can begin a phrase of the matcher with this bit (always, for a matcher without one).</summary>
    internal bool Opens(int token, ulong matcher) => matcher == 0 || (_opens[token] & matcher) != 0;
}

/// <summary>
/// Finds lexicon phrases in tokens with a trie over lemmas, longest match first, left to
/// right: one mechanism for weapons, actors, triggers and cue words. Short all-capital
/// phrases ("US", "UN") match only text written in capitals, so the pronoun "us" is not a country.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private sealed class Node
    {
        /// <summary>
        /// Children by word number, doubled: an even key is a lemma, so a base form written in the
        /// lexicon also finds its plural; an odd key is an exact folded form, so an inflected form
        /// written in the lexicon finds only itself.
        /// </summary>
        public Dictionary<int, Node>? Next;
        public List<(T Value, string? Cased)>? Values;
    }

    private readonly Node _root = new();
    private readonly PhraseVocabulary _vocabulary;
    /// <summary>
    /// The root's children again, by key as an index: most words of a sentence begin no phrase of
    /// a lexicon, and an array answers that without a hash lookup. Shorter than the vocabulary
    /// when other lexicons added words after this one.
    /// </summary>
    private Node?[] _firstWords = [];

    /// <summary>For the one-off <see cref="Match(string, IReadOnlyList{Token}, int, int)"/> of a caller without its own <see cref="SentenceWords"/>.</summary>
    [ThreadStatic]
    private static SentenceWords? _scratch;

    /// <param name="vocabulary">Shared with the other lexicons a sentence is read by; null for one of its own.</param>
    public PhraseMatcher(PhraseVocabulary? vocabulary = null)
    {
        _vocabulary = vocabulary ?? new PhraseVocabulary();
        _opening = _vocabulary.Enlist();
    }

    /// <summary>This matcher's bit in its vocabulary's first-word masks (<see cref="SentenceWords.Opens"/>).</summary>
    private readonly ulong _opening;

    public int Count { get; private set; }

    public PhraseVocabulary Vocabulary => _vocabulary;

    public void Add(string phrase, T value)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Count == 0)
            throw new ArgumentException($"empty lexicon phrase '{phrase}'", nameof(phrase));
        var node = _root;
        foreach (var token in tokens)
        {
            // A base form ("missile") also finds its plural; an inflected form written in the
            // lexicon ("blocks", "threatens") finds only itself, not the noun "block".
            var key = token.Norm == token.Lemma ? 2 * _vocabulary.Intern(token.Lemma) : 2 * _vocabulary.Intern(token.Norm) + 1;
            var children = node.Next ??= [];
            if (!children.TryGetValue(key, out var child))
            {
                children[key] = child = new Node();
                if (node == _root)
                    AddFirstWord(key, child);
            }
            node = child;
        }
        var cased = phrase.Length <= 3 && phrase.All(char.IsUpper) ? phrase : null;
        (node.Values ??= []).Add((value, cased));
        Count++;
    }

    /// <summary>Non-overlapping matches in tokens[from..to), longest first at each position.</summary>
    public List<PhraseMatch<T>> Match(string text, IReadOnlyList<Token> tokens, int from = 0, int to = -1) =>
        Match(text, tokens, WordsOf(tokens), from, to);

    /// <summary>As <see cref="Match(string, IReadOnlyList{Token}, int, int)"/>, with the tokens' numbers already read in this matcher's vocabulary.</summary>
    public List<PhraseMatch<T>> Match(string text, IReadOnlyList<Token> tokens, SentenceWords words, int from = 0, int to = -1)
    {
        CheckWords(tokens, words);
        var found = new List<PhraseMatch<T>>();
        Collect(text, tokens, words, found, from, to);
        return found;
    }

    /// <summary>
    /// As <see cref="Match(string, IReadOnlyList{Token}, SentenceWords, int, int)"/>, into
    /// <paramref name="found"/>, cleared first: a reader done with one sentence's matches before
    /// it reads the next keeps one list per lexicon instead of a new one per sentence.
    /// </summary>
    internal void MatchInto(string text, IReadOnlyList<Token> tokens, SentenceWords words, List<PhraseMatch<T>> found, int from = 0, int to = -1)
    {
        CheckWords(tokens, words);
        found.Clear();
        Collect(text, tokens, words, found, from, to);
    }

    private void Collect(string text, IReadOnlyList<Token> tokens, SentenceWords words, List<PhraseMatch<T>> found, int from, int to)
    {
        if (to < 0)
            to = tokens.Count;
        var i = from;
        while (NextMatch(text, tokens, words, ref i, to, out var bestEnd) is { } bestValues)
        {
            foreach (var (value, cased) in bestValues)
            {
                if (Fits(text, tokens, i, bestEnd, cased))
                    found.Add(new PhraseMatch<T>(i, bestEnd, tokens[i].Start, tokens[bestEnd - 1].End, value));
            }
            i = bestEnd;
        }
    }

    /// <summary>Whether <see cref="Match(string, IReadOnlyList{Token}, SentenceWords, int, int)"/> would find anything: for a cue that is only asked about, without a list.</summary>
    public bool Any(string text, IReadOnlyList<Token> tokens, SentenceWords words)
    {
        CheckWords(tokens, words);
        var i = 0;
        return NextMatch(text, tokens, words, ref i, tokens.Count, out _) is not null;
    }

    /// <summary>
    /// From token <paramref name="i"/> on, the first token where a phrase fits, moving
    /// <paramref name="i"/> there: the values of its longest fitting phrase, which ends before
    /// <paramref name="bestEnd"/>; null when none is left before <paramref name="to"/>.
    /// </summary>
    private List<(T Value, string? Cased)>? NextMatch(string text, IReadOnlyList<Token> tokens, SentenceWords words, ref int i, int to, out int bestEnd)
    {
        for (; i < to; i++)
        {
            // Most words begin no phrase of this lexicon: one bit says so, before any trie step.
            if (!words.Opens(i, _opening))
                continue;
            var node = _root;
            bestEnd = -1;
            List<(T, string?)>? bestValues = null;
            for (var j = i; j < to && (j == i ? FirstStep(words, j) : Step(node, words, j)) is { } child; j++)
            {
                node = child;
                if (node.Values is not null && CaseFits(text, tokens, i, j + 1, node.Values))
                {
                    bestEnd = j + 1;
                    bestValues = node.Values;
                }
            }
            if (bestValues is not null)
                return bestValues;
        }
        bestEnd = -1;
        return null;
    }

    private void AddFirstWord(int key, Node child)
    {
        if (key >= _firstWords.Length)
            Array.Resize(ref _firstWords, Math.Max(key + 1, 2 * _firstWords.Length));
        _firstWords[key] = child;
        _vocabulary.MarkOpening(_opening, key);
    }

    private SentenceWords WordsOf(IReadOnlyList<Token> tokens)
    {
        var words = _scratch ??= new SentenceWords();
        words.Read(_vocabulary, tokens);
        return words;
    }

    private void CheckWords(IReadOnlyList<Token> tokens, SentenceWords words)
    {
        if (!ReferenceEquals(words.Vocabulary, _vocabulary) || words.Count != tokens.Count)
            throw new ArgumentException("the words were read for other tokens or another vocabulary", nameof(words));
    }

    private Node? FirstStep(SentenceWords words, int token)
    {
        var first = _firstWords;
        var lemma = 2 * words.Lemma(token);
        if (lemma >= 0 && lemma < first.Length && first[lemma] is { } byLemma)
            return byLemma;
        var norm = 2 * words.Norm(token) + 1;
        return norm >= 0 && norm < first.Length ? first[norm] : null;
    }

    private static Node? Step(Node node, SentenceWords words, int token)
    {
        if (node.Next is not { } next)
            return null;
        var lemma = words.Lemma(token);
        if (lemma >= 0 && next.TryGetValue(2 * lemma, out var byLemma))
            return byLemma;
        var norm = words.Norm(token);
        return norm >= 0 && next.TryGetValue(2 * norm + 1, out var exact) ? exact : null;
    }

    /// <summary>A cased entry ("US") fits only text written exactly so; others fit any case.</summary>
    private static bool Fits(string text, IReadOnlyList<Token> tokens, int first, int last, string? cased) =>
        cased is null || text.AsSpan(tokens[first].Start, tokens[last - 1].End - tokens[first].Start).SequenceEqual(cased);

    private static bool CaseFits(string text, IReadOnlyList<Token> tokens, int first, int last, List<(T, string? Cased)> values)
    {
        foreach (var (_, cased) in values)
        {
            if (Fits(text, tokens, first, last, cased))
                return true;
        }
        return false;
    }
}
