using System.Buffers;

namespace Sitrep.Text;

/// <summary>
/// A cheap test that a regular expression cannot match a text: every match of the pattern holds
/// one of a few literal strings, derived from the pattern itself, and a text without any of them
/// is not given to the regex engine. Most paragraphs hold none of "photo", "getty images" or
/// "click here", so most are ruled out by one vectorized scan instead of a match attempt at each
/// position where a word starts.
/// </summary>
/// <remarks>
/// The literals are looked for ignoring case, which admits whatever the pattern admits whether or
/// not it ignores case. Only ASCII literals are kept; a few non-ASCII letters that .NET's regex
/// case folding equates with ASCII ones (the Kelvin sign for "k", the dotted and dotless i, the
/// long s) make the gate let a text through, so the gate never rules out a text the regex matches.
/// </remarks>
public sealed class LiteralGate
{
    private static readonly SearchValues<char> FoldsToAscii = SearchValues.Create("\u0130\u0131\u017F\u212A");

    private readonly SearchValues<string> _literals;

    private LiteralGate(IReadOnlyCollection<string> literals)
    {
        Literals = literals;
        _literals = SearchValues.Create(literals.ToArray(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The strings of which every match holds at least one (lower-cased).</summary>
    public IReadOnlyCollection<string> Literals { get; }

    /// <summary>False only when the pattern certainly has no match in <paramref name="text"/>.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) =>
        text.IndexOfAny(_literals) >= 0 || text.IndexOfAny(FoldsToAscii) >= 0;

    /// <summary>
    /// The gate of a pattern, or null when some match could hold no literal the analysis can
    /// name (a branch made only of classes, or a construct it does not read).
    /// </summary>
    public static LiteralGate? Of(string pattern)
    {
        var parser = new Parser(pattern);
        var node = parser.ParseAlternation();
        if (parser.Failed || parser.AtEnd is false)
            return null;
        var required = Required(node);
        if (required is null || required.Count == 0)
            return null;
        // A text holding "photograph" holds "photo": the longer one adds nothing to look for.
        return new LiteralGate(required.Where(r => !required.Any(o => o.Length < r.Length && r.Contains(o, StringComparison.Ordinal))).ToList());
    }

    // ---- the pattern read as a tree, only as far as literals go ----

    private abstract record Node;
    private sealed record Literal(char Char) : Node;
    /// <summary>A class, an any-character, an anchor: holds no literal the gate can use.</summary>
    private sealed record Opaque : Node;
    private sealed record Sequence(List<Node> Items) : Node;
    private sealed record Alternation(List<Node> Branches) : Node;
    private sealed record Repeat(Node Item, int Min, int Max) : Node;

    /// <summary>Most strings a run of literals and small alternations is spelled out into.</summary>
    private const int MaxSpelled = 64;

    /// <summary>
    /// Strings of which every match of <paramref name="node"/> holds one, or null for none known.
    /// In a sequence each stretch that can be spelled out in full ("/" then "AFP|AP|EPA" is
    /// "/afp", "/ap", "/epa") and each other item that must occur is a candidate; the one whose
    /// shortest string is longest rules out the most text.
    /// </summary>
    private static HashSet<string>? Required(Node node)
    {
        switch (node)
        {
            case Repeat r:
                return r.Min >= 1 ? Required(r.Item) : null;
            case Alternation a:
                return Union(a.Branches, Required);
            case Sequence s:
            {
                HashSet<string>? best = null;
                void Offer(HashSet<string>? candidate)
                {
                    if (candidate is { Count: > 0 } && !candidate.Contains("") && (best is null || Better(candidate, best)))
                        best = candidate;
                }
                HashSet<string> stretch = [""];
                foreach (var item in s.Items)
                {
                    if (Spelled(item) is { } words && Product(stretch, words) is { } longer)
                    {
                        stretch = longer;
                        continue;
                    }
                    Offer(stretch);
                    stretch = [""];
                    if (Spelled(item) is { } alone)
                        stretch = alone;
                    else
                        Offer(Required(item));
                }
                Offer(stretch);
                return best;
            }
            default:
                return Spelled(node) is { } all && !all.Contains("") ? all : null;
        }
    }

    /// <summary>Every string <paramref name="node"/> matches (lower-cased), when they are few; else null.</summary>
    private static HashSet<string>? Spelled(Node node)
    {
        switch (node)
        {
            case Literal l:
                return [char.ToLowerInvariant(l.Char).ToString()];
            case Repeat { Min: 0, Max: 1 } r:
                return Spelled(r.Item) is { } once ? [.. once, ""] : null;
            case Alternation a:
                return Union(a.Branches, Spelled) is { Count: <= MaxSpelled } union ? union : null;
            case Sequence s:
            {
                HashSet<string> all = [""];
                foreach (var item in s.Items)
                {
                    if (Spelled(item) is not { } words || Product(all, words) is not { } longer)
                        return null;
                    all = longer;
                }
                return all;
            }
            default:
                return null;
        }
    }

    /// <summary>The strings of all branches, or null when one branch has none.</summary>
    private static HashSet<string>? Union(List<Node> branches, Func<Node, HashSet<string>?> of)
    {
        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            if (of(branch) is not { } set)
                return null;
            union.UnionWith(set);
        }
        return union;
    }

    private static HashSet<string>? Product(HashSet<string> heads, HashSet<string> tails)
    {
        if (heads.Count * tails.Count > MaxSpelled)
            return null;
        var product = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in heads)
            foreach (var t in tails)
                product.Add(h + t);
        return product;
    }

    private static bool Better(HashSet<string> a, HashSet<string> b)
    {
        var shortestA = a.Min(x => x.Length);
        var shortestB = b.Min(x => x.Length);
        return shortestA != shortestB ? shortestA > shortestB : a.Count < b.Count;
    }

    /// <summary>
    /// Reads the subset of .NET regex syntax the data files use. Anything else (lookarounds,
    /// named groups, backreferences, inline options) fails the parse, and the pattern goes ungated.
    /// </summary>
    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool Failed { get; private set; }
        public bool AtEnd => _at >= pattern.Length;

        public Node ParseAlternation()
        {
            var branches = new List<Node> { ParseSequence() };
            while (!Failed && _at < pattern.Length && pattern[_at] == '|')
            {
                _at++;
                branches.Add(ParseSequence());
            }
            return branches.Count == 1 ? branches[0] : new Alternation(branches);
        }

        private Node ParseSequence()
        {
            var items = new List<Node>();
            while (!Failed && _at < pattern.Length && pattern[_at] is not ('|' or ')'))
            {
                var atom = ParseAtom();
                items.Add(ParseQuantifier(atom));
            }
            return new Sequence(items);
        }

        private Node ParseAtom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                {
                    if (_at < pattern.Length && pattern[_at] == '?')
                    {
                        if (_at + 1 < pattern.Length && pattern[_at + 1] == ':')
                            _at += 2;
                        else
                            return Fail();
                    }
                    var inner = ParseAlternation();
                    if (_at >= pattern.Length || pattern[_at] != ')')
                        return Fail();
                    _at++;
                    return inner;
                }
                case '[':
                    return SkipClass();
                case '\\':
                    return Escape();
                case '.' or '^' or '$':
                    return new Opaque();
                case '*' or '+' or '?' or '{':
                    return Fail();
                default:
                    return char.IsAscii(c) && !char.IsWhiteSpace(c) || c == ' ' ? new Literal(c) : new Opaque();
            }
        }

        private Node Escape()
        {
            if (_at >= pattern.Length)
                return Fail();
            var c = pattern[_at++];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Classes and anchors (\s \w \d \b \W ...) match no fixed character; \p{..},
                // \k<..>, backreferences and hex or control escapes are not read.
                return c is 's' or 'S' or 'w' or 'W' or 'd' or 'D' or 'b' or 'B' or 'A' or 'z' or 'Z' or 'G'
                    ? new Opaque()
                    : Fail();
            }
            return char.IsAscii(c) ? new Literal(c) : new Opaque();
        }

        private Node SkipClass()
        {
            if (_at < pattern.Length && pattern[_at] == '^')
                _at++;
            if (_at < pattern.Length && pattern[_at] == ']')
                _at++;
            while (_at < pattern.Length && pattern[_at] != ']')
            {
                if (pattern[_at] == '\\')
                    _at++;
                _at++;
            }
            if (_at >= pattern.Length)
                return Fail();
            _at++;
            return new Opaque();
        }

        private Node ParseQuantifier(Node atom)
        {
            if (_at >= pattern.Length)
                return atom;
            int min;
            var max = int.MaxValue;
            switch (pattern[_at])
            {
                case '*':
                    min = 0;
                    _at++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    _at++;
                    break;
                case '+':
                    min = 1;
                    _at++;
                    break;
                case '{':
                {
                    var close = pattern.IndexOf('}', _at);
                    var body = close < 0 ? "" : pattern[(_at + 1)..close];
                    var comma = body.IndexOf(',');
                    if (!int.TryParse(comma < 0 ? body : body[..comma], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min))
                    {
                        // Not a quantifier: .NET reads a lone "{" literally.
                        return atom;
                    }
                    if (comma < 0)
                        max = min;
                    else if (comma + 1 < body.Length && !int.TryParse(body[(comma + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out max))
                        return atom;
                    _at = close + 1;
                    break;
                }
                default:
                    return atom;
            }
            if (_at < pattern.Length && pattern[_at] is '?' or '+')
                _at++; // lazy or possessive: the same characters are required
            return new Repeat(atom, min, max);
        }

        private Opaque Fail()
        {
            Failed = true;
            _at = pattern.Length;
            return new Opaque();
        }
    }
}
