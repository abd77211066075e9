using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Text;

/// <summary>
/// Named regular-expression pieces read from a data file, after Recognizers-Text's YAML:
/// each line is <c>name = pattern</c>, and a pattern may use <c>{other}</c> to splice in a
/// piece defined earlier or later. Stage code asks for a piece by name and never holds a
/// regex literal. Every regex gets a timeout, so a pathological input cannot hang a batch.
/// </summary>
public sealed class PatternSet
{
    /// <summary>Bounds a pathological match; generous, because a loaded machine can stall any match.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly Regex Reference = new(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant, Timeout);

    private readonly Dictionary<string, string> _raw;
    private readonly Dictionary<string, string> _expanded = new(StringComparer.Ordinal);

    private PatternSet(Dictionary<string, string> raw, string source)
    {
        _raw = raw;
        Source = source;
    }

    public string Source { get; }

    public static PatternSet Load(string dataFileName) =>
        Parse(File.ReadLines(DataFiles.PathOf(dataFileName)), dataFileName);

    public static PatternSet Parse(IEnumerable<string> lines, string source)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;
            var eq = trimmed.IndexOf(" = ", StringComparison.Ordinal);
            if (eq <= 0)
                throw new FormatException($"{source}:{number}: expected 'name = pattern'");
            var name = trimmed[..eq].Trim();
            if (!raw.TryAdd(name, trimmed[(eq + 3)..].Trim()))
                throw new FormatException($"{source}:{number}: '{name}' is defined twice");
        }
        return new PatternSet(raw, source);
    }

    public bool Contains(string name) => _raw.ContainsKey(name);

    /// <summary>The pattern text with every reference spliced in.</summary>
    public string Expand(string name) => Expand(name, new Stack<string>());

    /// <summary>The pattern as a plain interpreted regex.</summary>
    public Regex Regex(string name, RegexOptions extra = RegexOptions.None) =>
        new(Expand(name), Options | extra, Timeout);

    /// <summary>The pattern as stage code uses it: interpreted at first, compiled once busy.</summary>
    public TieredRegex Tiered(string name, RegexOptions extra = RegexOptions.None) =>
        new(Expand(name), Options | extra, Timeout);

    /// <summary>The options every pattern of a set is built with.</summary>
    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture;

    private string Expand(string name, Stack<string> path)
    {
        if (_expanded.TryGetValue(name, out var done))
            return done;
        if (!_raw.TryGetValue(name, out var pattern))
            throw new KeyNotFoundException($"{Source}: no pattern named '{name}'");
        if (path.Contains(name))
            throw new FormatException($"{Source}: '{name}' refers to itself through {string.Join(" <- ", path)}");
        path.Push(name);
        var result = Reference.Replace(pattern, m => "(?:" + Expand(m.Groups[1].Value, path) + ")");
        path.Pop();
        _expanded[name] = result;
        return result;
    }

    /// <summary>An alternation of literal phrases, longest first, for lexicon-driven patterns.</summary>
    public static string Alternation(IEnumerable<string> phrases)
    {
        var sb = new StringBuilder();
        foreach (var phrase in phrases.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length))
        {
            if (sb.Length > 0)
                sb.Append('|');
            sb.Append(System.Text.RegularExpressions.Regex.Escape(phrase).Replace("\\ ", "\\s+"));
        }
        return sb.ToString();
    }
}
