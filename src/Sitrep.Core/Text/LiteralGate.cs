using System.Buffers;
using static Sitrep.Text.RegexSyntax;

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
        var tree = RegexSyntax.Parse(pattern);
        if (RegexSyntax.HasUnread(tree))
            return null;
        var required = Required(tree);
        if (required is null || required.Count == 0)
            return null;
        // A text holding "photograph" holds "photo": the longer one adds nothing to look for.
        return new LiteralGate(required.Where(r => !required.Any(o => o.Length < r.Length && r.Contains(o, StringComparison.Ordinal))).ToList());
    }

    /// <summary>
    /// A node as the literals see it: a group is what it holds, and an alternation of one branch
    /// is that branch.
    /// </summary>
    private static Node Plain(Node node) => node switch
    {
        RegexSyntax.Group g => Plain(g.Inner),
        Alternation { Branches.Count: 1 } a => a.Branches[0],
        _ => node,
    };

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
        switch (Plain(node))
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
            case var other:
                return Spelled(other) is { } all && !all.Contains("") ? all : null;
        }
    }

    /// <summary>Every string <paramref name="node"/> matches (lower-cased), when they are few; else null.</summary>
    private static HashSet<string>? Spelled(Node node)
    {
        switch (Plain(node))
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
    private static HashSet<string>? Union(IEnumerable<Node> branches, Func<Node, HashSet<string>?> of)
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
}
