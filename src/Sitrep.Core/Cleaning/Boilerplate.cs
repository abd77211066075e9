using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Cleaning;

/// <summary>What a paragraph is, before any of it is read for events.</summary>
public enum ParagraphKind : byte { Body, Headline, Timestamp, Byline, Boilerplate, Caption, Duplicate }

/// <summary>
/// Tells news copy from page furniture: donation appeals, comment prompts, "Advertisement",
/// live-blog timestamps and bylines, photo captions and credits, repeated teaser lines.
/// The cues are data (boilerplate.patterns); this class only decides how they combine.
/// </summary>
public sealed class Boilerplate
{
    private static readonly Lazy<Boilerplate> Shared = new(() => new Boilerplate(PatternSet.Load("boilerplate.patterns")));

    private readonly Regex _line;
    private readonly Regex _sentence;
    private readonly Regex _timestamp;
    private readonly Regex _byline;
    private readonly Regex _bylineNames;
    private readonly Regex _credit;

    public Boilerplate(PatternSet patterns)
    {
        _line = patterns.Regex("line");
        _sentence = patterns.Regex("sentence");
        _timestamp = patterns.Regex("timestamp");
        _byline = patterns.Regex("byline");
        // Names are capitalised: this piece must not ignore case.
        _bylineNames = PatternSet.WarmedUp(new Regex(patterns.Expand("byline_names"), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, PatternSet.Timeout));
        _credit = patterns.Regex("credit");
    }

    public static Boilerplate Default => Shared.Value;

    /// <summary>Classifies each paragraph (given as trimmed text ranges) in document order.</summary>
    public ParagraphKind[] Classify(string text, IReadOnlyList<(int Start, int End)> paragraphs)
    {
        var kinds = new ParagraphKind[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var (start, end) = paragraphs[i];
            var span = text.AsSpan(start, end - start);
            kinds[i] = ClassifyOne(span);
            if (kinds[i] is ParagraphKind.Body or ParagraphKind.Headline && i > 0 && span.SequenceEqual(Slice(text, paragraphs[i - 1])))
                kinds[i] = ParagraphKind.Duplicate;
        }
        // A caption is often printed twice, the second time with its credit appended:
        // the first copy is a caption too.
        for (var i = 0; i + 1 < paragraphs.Count; i++)
        {
            if (kinds[i + 1] == ParagraphKind.Caption && kinds[i] is ParagraphKind.Body or ParagraphKind.Headline
                && Slice(text, paragraphs[i + 1]).StartsWith(Slice(text, paragraphs[i])))
                kinds[i] = ParagraphKind.Caption;
        }
        return kinds;
    }

    /// <summary>True when a sentence inside otherwise real copy is an appeal or a promotion.</summary>
    public bool IsNoiseSentence(ReadOnlySpan<char> sentence) => _sentence.IsMatch(sentence);

    private ParagraphKind ClassifyOne(ReadOnlySpan<char> span)
    {
        if (_timestamp.IsMatch(span))
            return ParagraphKind.Timestamp;
        if (span.Length < 120 && (_bylineNames.IsMatch(span) || (_byline.IsMatch(span) && !EndsSentence(span) && NamesOnly(span))))
            return ParagraphKind.Byline;
        if (span.Length < 400 && _line.IsMatch(span))
            return ParagraphKind.Boilerplate;
        if (_credit.IsMatch(span))
            return ParagraphKind.Caption;
        return IsHeadline(span) ? ParagraphKind.Headline : ParagraphKind.Body;
    }

    private static readonly HashSet<string> BylineGlue = new(StringComparer.Ordinal)
    {
        "and", "in", "at", "for", "the", "of", "with", "from", "by", "via", "reporting", "contributed", "to", "this", "report",
    };

    /// <summary>
    /// After "By"/"From", a byline is names, outlets and glue ("From Sample Wire's Jane Doe
    /// and John Roe in Lviv"): more than one other lower-case word makes it a headline
    /// ("From Kyiv to Kharkiv, drones fill the night sky").
    /// </summary>
    private static bool NamesOnly(ReadOnlySpan<char> span)
    {
        var lower = 0;
        var first = true;
        foreach (var range in span.SplitAny(" \t,;"))
        {
            var word = span[range].Trim("()\"'\u201C\u201D");
            if (word.IsEmpty)
                continue;
            if (first)
            {
                first = false;
                continue;
            }
            if (char.IsLower(word[0]) && !BylineGlue.Contains(word.ToString()))
                lower++;
        }
        return lower <= 1;
    }

    /// <summary>A short line that does not end like a sentence: a title, subhead or teaser.</summary>
    private static bool IsHeadline(ReadOnlySpan<char> span) => span.Length <= 220 && !EndsSentence(span);

    private static bool EndsSentence(ReadOnlySpan<char> span)
    {
        var t = span.TrimEnd();
        if (t.IsEmpty)
            return false;
        var last = Fold.Punct(t[^1]);
        if (last is '"' or '\'' or ')' && t.Length > 1)
            last = t[^2];
        return last is '.' or '!' or '?' or ':' or ';' or ',' or '\u2026';
    }

    private static ReadOnlySpan<char> Slice(string text, (int Start, int End) range) =>
        text.AsSpan(range.Start, range.End - range.Start);
}
