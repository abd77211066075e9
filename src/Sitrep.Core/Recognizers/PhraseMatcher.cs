using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>A lexicon phrase found in a token stream: tokens [First, Last) and character offsets.</summary>
public readonly record struct PhraseMatch<T>(int First, int Last, int Start, int End, T Value);

/// <summary>
/// Finds lexicon phrases in tokens with a trie over lemmas, longest match first, left to
/// right: one mechanism for weapons, actors, triggers and cue words. Short all-capital
/// phrases ("US", "UN") match only text written in capitals, so the pronoun "us" is not a country.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private sealed class Node
    {
        /// <summary>Children by lemma: a base form written in the lexicon also finds its plural.</summary>
        public Dictionary<string, Node>? Next;
        /// <summary>Children by exact folded form: an inflected form written in the lexicon finds only itself.</summary>
        public Dictionary<string, Node>? Exact;
        public List<(T Value, string? Cased)>? Values;
    }

    private readonly Node _root = new();

    public int Count { get; private set; }

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
            var children = token.Norm == token.Lemma
                ? node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal)
                : node.Exact ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            var key = token.Norm == token.Lemma ? token.Lemma : token.Norm;
            if (!children.TryGetValue(key, out var child))
                children[key] = child = new Node();
            node = child;
        }
        var cased = phrase.Length <= 3 && phrase.All(char.IsUpper) ? phrase : null;
        (node.Values ??= []).Add((value, cased));
        Count++;
    }

    /// <summary>Non-overlapping matches in tokens[from..to), longest first at each position.</summary>
    public List<PhraseMatch<T>> Match(string text, IReadOnlyList<Token> tokens, int from = 0, int to = -1)
    {
        if (to < 0)
            to = tokens.Count;
        var found = new List<PhraseMatch<T>>();
        var i = from;
        while (i < to)
        {
            var node = _root;
            var bestEnd = -1;
            List<(T, string?)>? bestValues = null;
            for (var j = i; j < to && Step(node, tokens[j]) is { } child; j++)
            {
                node = child;
                if (node.Values is not null && CaseFits(text, tokens, i, j + 1, node.Values))
                {
                    bestEnd = j + 1;
                    bestValues = node.Values;
                }
            }
            if (bestValues is null)
            {
                i++;
                continue;
            }
            foreach (var (value, cased) in bestValues)
            {
                if (Fits(text, tokens, i, bestEnd, cased))
                    found.Add(new PhraseMatch<T>(i, bestEnd, tokens[i].Start, tokens[bestEnd - 1].End, value));
            }
            i = bestEnd;
        }
        return found;
    }

    private static Node? Step(Node node, Token token) =>
        node.Next is not null && node.Next.TryGetValue(token.Lemma, out var byLemma) ? byLemma
        : node.Exact is not null && node.Exact.TryGetValue(token.Norm, out var exact) ? exact
        : null;

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
