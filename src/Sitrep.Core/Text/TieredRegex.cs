using System.Text.RegularExpressions;

namespace Sitrep.Text;

/// <summary>
/// A pattern that starts interpreted and is compiled once it has proved busy, as the JIT tiers
/// methods. Compiling the lexicon-sized patterns costs the first report about half a CPU-second,
/// which a run of one report never earns back; a long run matches about a fifth faster compiled
/// (BENCHMARKS.md, "Start-up and real articles"). Both engines find the same matches.
/// </summary>
public sealed class TieredRegex
{
    /// <summary>Calls after which the pattern is compiled: a few reports' worth.</summary>
    public const int CompileAfter = 2_000;

    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly TimeSpan _timeout;
    private Regex _current;
    private int _calls;

    /// <summary>
    /// White space the input must start with (a pattern of one branch opening "\G\s+") or end
    /// with (one closing "\s+$") for any match: the guards a recognizer runs next to a figure
    /// ("16 December", "the one") mostly meet a comma or a full stop there, and are answered
    /// without starting the engine.
    /// </summary>
    private readonly bool _spaceFirst, _spaceLast;

    public TieredRegex(string pattern, RegexOptions options, TimeSpan timeout)
    {
        _pattern = pattern;
        _options = options & ~RegexOptions.Compiled;
        _timeout = timeout;
        _current = new Regex(pattern, _options, timeout);
        (_spaceFirst, _spaceLast) = SpaceAtEnds(pattern, _options);
    }

    private static (bool First, bool Last) SpaceAtEnds(string pattern, RegexOptions options)
    {
        const string first = @"\G\s+", last = @"\s+$";
        // Where "$" may match before any line break, "\G" stands elsewhere, or pattern white space
        // is not literal, the ends of the pattern say nothing about the ends of the input.
        if ((options & (RegexOptions.Multiline | RegexOptions.RightToLeft | RegexOptions.IgnorePatternWhitespace)) != 0)
            return (false, false);
        if (!pattern.StartsWith(first, StringComparison.Ordinal) && !pattern.EndsWith(last, StringComparison.Ordinal))
            return (false, false);
        if (ScreenedRegex.Branches(pattern) is not [var branch])
            return (false, false);
        return (branch.StartsWith(first, StringComparison.Ordinal),
            branch.EndsWith(last, StringComparison.Ordinal) && !branch.EndsWith(@"\" + last, StringComparison.Ordinal));
    }

    /// <summary>True once the calls have passed <see cref="CompileAfter"/> and the compiled pattern is in use.</summary>
    public bool IsCompiled => (Volatile.Read(ref _current).Options & RegexOptions.Compiled) != 0;

    public Match Match(string input, int beginning, int length) => Current.Match(input, beginning, length);

    public bool IsMatch(ReadOnlySpan<char> input)
    {
        // The pattern's \s is char.IsWhiteSpace's set: input without the white space it needs has no match.
        if (_spaceFirst && (input.IsEmpty || !char.IsWhiteSpace(input[0])))
            return false;
        if (_spaceLast && (input.IsEmpty || !char.IsWhiteSpace(input[^1])))
            return false;
        return Current.IsMatch(input);
    }

    public Regex.ValueMatchEnumerator EnumerateMatches(ReadOnlySpan<char> input) => Current.EnumerateMatches(input);

    private Regex Current
    {
        get
        {
            // Counting stops at the threshold, so a long run pays one comparison per call.
            if (_calls < CompileAfter && Interlocked.Increment(ref _calls) == CompileAfter)
                Volatile.Write(ref _current, Compile());
            return Volatile.Read(ref _current);
        }
    }

    private Regex Compile()
    {
        var compiled = new Regex(_pattern, _options | RegexOptions.Compiled, _timeout);
        try
        {
            // The generated code is JIT-compiled on its first match: pay that here, not inside a timed match.
            compiled.IsMatch("warm up 1 of 2, 10 January");
        }
        catch (RegexMatchTimeoutException)
        {
            // Only the warm-up was slow; real matches still run under the timeout.
        }
        return compiled;
    }
}
