using System.Text.RegularExpressions;

namespace Sitrep.Text;

/// <summary>
/// A pattern that answers "does it match" cheaply for the many texts it does not match. Its
/// top-level branches are taken apart: those anchored at the start ("^advertisement") are tried
/// at the first position only, and the others run only when the text holds one of the literals
/// their matches need (<see cref="LiteralGate"/>). One regex of mixed branches tries every branch
/// at every word of a paragraph; the furniture patterns cost the segmenter most of its time so.
/// Both parts find a match exactly when the whole pattern does.
/// </summary>
public sealed class ScreenedRegex
{
    private readonly TieredRegex? _anchored;
    private readonly TieredRegex? _free;
    private readonly LiteralGate? _gate;
    private readonly Lazy<TieredRegex> _whole;

    public ScreenedRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        var branches = Branches(pattern);
        var anchored = string.Join('|', branches.Where(b => b.StartsWith('^')));
        var free = string.Join('|', branches.Where(b => !b.StartsWith('^')));
        if (anchored.Length > 0)
            _anchored = new TieredRegex(anchored, options, timeout);
        if (free.Length > 0)
        {
            _free = new TieredRegex(free, options, timeout);
            _gate = LiteralGate.Of(free);
        }
        _whole = _anchored is null && _free is not null
            ? new Lazy<TieredRegex>(_free)
            : new Lazy<TieredRegex>(() => new TieredRegex(pattern, options, timeout));
    }

    /// <summary>The literals that let a text through to the unanchored branches; empty when ungated.</summary>
    public IReadOnlyCollection<string> GateLiterals => _gate?.Literals ?? [];

    public bool IsMatch(ReadOnlySpan<char> input) =>
        _anchored is not null && _anchored.IsMatch(input)
        || _free is not null && (_gate is null || _gate.MayMatch(input)) && _free.IsMatch(input);

    /// <summary>False only when the pattern has no match in <paramref name="input"/>; a cheap test before enumerating.</summary>
    public bool MayMatch(ReadOnlySpan<char> input) =>
        _anchored is not null || _gate is null || _gate.MayMatch(input);

    /// <summary>The matches of the whole pattern, in the order the whole pattern finds them.</summary>
    public Regex.ValueMatchEnumerator EnumerateMatches(ReadOnlySpan<char> input) => _whole.Value.EnumerateMatches(input);

    /// <summary>
    /// The top-level branches of a pattern; a branch that is one whole group ("(?:...)", the
    /// form a spliced piece takes) is opened and its own branches taken.
    /// </summary>
    internal static List<string> Branches(string pattern)
    {
        var result = new List<string>();
        foreach (var branch in TopLevel(pattern))
        {
            if (Inside(branch) is { } inner)
                result.AddRange(Branches(inner));
            else
                result.Add(branch);
        }
        return result;
    }

    private static List<string> TopLevel(string pattern)
    {
        var list = new List<string>();
        var start = 0;
        foreach (var (at, c, depth) in Structure(pattern))
        {
            if (c == '|' && depth == 0)
            {
                list.Add(pattern[start..at]);
                start = at + 1;
            }
        }
        list.Add(pattern[start..]);
        return list;
    }

    /// <summary>The inside of a branch that is one plain or non-capturing group and nothing else.</summary>
    private static string? Inside(string branch)
    {
        if (branch.Length < 2 || branch[0] != '(' || branch[^1] != ')')
            return null;
        if (branch.Length > 2 && branch[1] == '?' && !branch.StartsWith("(?:", StringComparison.Ordinal))
            return null; // a lookaround, a named group or inline options: not a plain group
        foreach (var (at, c, depth) in Structure(branch))
        {
            if (c == ')' && depth == 0 && at != branch.Length - 1)
                return null; // "(a)(b)": the first group closes before the end
        }
        return branch.StartsWith("(?:", StringComparison.Ordinal) ? branch[3..^1] : branch[1..^1];
    }

    /// <summary>
    /// The parentheses and bars of a pattern outside escapes and character classes, each with
    /// the group depth around it (for a parenthesis, the depth outside its group).
    /// </summary>
    private static IEnumerable<(int At, char Char, int Depth)> Structure(string pattern)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    // A "]" first in a class (or after its "^") is a member, not the class's end.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                        i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                        i++;
                    break;
                case '(':
                    yield return (i, c, depth++);
                    break;
                case ')':
                    yield return (i, c, --depth);
                    break;
                case '|':
                    yield return (i, c, depth);
                    break;
            }
        }
    }
}
