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
        AddBranches(pattern, RegexSyntax.Parse(pattern), result);
        return result;
    }

    private static void AddBranches(string pattern, RegexSyntax.Alternation alternation, List<string> result)
    {
        foreach (var branch in alternation.Branches)
        {
            if (Inside(branch) is { } inner)
                AddBranches(pattern, inner, result);
            else
                result.Add(pattern[branch.Start..branch.End]);
        }
    }

    /// <summary>
    /// The inside of a branch that is one plain or non-capturing group and nothing else, not a
    /// lookaround, a named group or inline options, and not "(a)(b)" or "(a)?".
    /// </summary>
    private static RegexSyntax.Alternation? Inside(RegexSyntax.Sequence branch) =>
        branch.Items is [RegexSyntax.Group { Kind: not RegexSyntax.GroupKind.Other, Closed: true } group] ? group.Inner : null;
}
