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

    private readonly ScreenedRegex _line;
    private readonly ScreenedRegex _sentence;
    private readonly TieredRegex _timestamp;
    private readonly TieredRegex _byline;
    private readonly TieredRegex _bylineNames;
    private readonly ScreenedRegex _credit;
    private readonly TieredRegex _fence;
    private readonly TieredRegex _matterKey;
    private readonly TieredRegex _matterBlock;

    public Boilerplate(PatternSet patterns)
    {
        _fence = patterns.Tiered("front_matter_fence");
        _matterKey = patterns.Tiered("front_matter_key");
        _matterBlock = patterns.Tiered("front_matter_block");
        _line = Screened(patterns, "line");
        _sentence = Screened(patterns, "sentence");
        _timestamp = patterns.Tiered("timestamp");
        _byline = patterns.Tiered("byline");
        // Names are capitalised: this piece must not ignore case.
        _bylineNames = new TieredRegex(patterns.Expand("byline_names"), PatternSet.Options & ~RegexOptions.IgnoreCase, PatternSet.Timeout);
        _credit = Screened(patterns, "credit");
    }

    /// <summary>The patterns that look inside a line, not only at its start, run behind a literal screen.</summary>
    private static ScreenedRegex Screened(PatternSet patterns, string name) =>
        new(patterns.Expand(name), PatternSet.Options, PatternSet.Timeout);

    public static Boilerplate Default => Shared.Value;

    /// <summary>Classifies each paragraph (given as trimmed text ranges) in document order.</summary>
    public ParagraphKind[] Classify(string text, IReadOnlyList<(int Start, int End)> paragraphs)
    {
        var kinds = new ParagraphKind[paragraphs.Count];
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var (start, end) = paragraphs[i];
            var span = text.AsSpan(start, end - start);
            kinds[i] = ClassifyOne(text, start, end);
            if (kinds[i] is ParagraphKind.Body or ParagraphKind.Headline && i > 0 && span.SequenceEqual(Slice(text, paragraphs[i - 1])))
                kinds[i] = ParagraphKind.Duplicate;
        }
        for (var i = FrontMatter(text, paragraphs) - 1; i >= 0; i--)
            kinds[i] = ParagraphKind.Boilerplate;
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

    /// <summary>Most fields a page's front matter is looked through for its closing fence; keeps a stray rule from hiding the page.</summary>
    private const int MaxFrontMatterLines = 60;

    /// <summary>
    /// How many paragraphs open the report as a scraped page's front matter: a "---" fence, then
    /// "key: value" fields up to the closing fence, or the same block run onto one line. Its
    /// title and date retell the story, and a retelling dated by the page splits one event into two.
    /// </summary>
    private int FrontMatter(string text, IReadOnlyList<(int Start, int End)> paragraphs)
    {
        if (paragraphs.Count == 0)
            return 0;
        if (_matterBlock.IsMatch(Slice(text, paragraphs[0])))
            return 1;
        if (paragraphs.Count < 3 || !_fence.IsMatch(Slice(text, paragraphs[0])) || !_matterKey.IsMatch(Slice(text, paragraphs[1])))
            return 0;
        for (var i = 2; i < paragraphs.Count && i <= MaxFrontMatterLines; i++)
        {
            if (_fence.IsMatch(Slice(text, paragraphs[i])))
                return i + 1;
        }
        return 0;
    }

    /// <summary>True when a sentence inside otherwise real copy is an appeal or a promotion.</summary>
    public bool IsNoiseSentence(ReadOnlySpan<char> sentence) => _sentence.IsMatch(sentence);

    private ParagraphKind ClassifyOne(string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start);
        if (_timestamp.IsMatch(span))
            return ParagraphKind.Timestamp;
        if (span.Length < 120 && (_bylineNames.IsMatch(span) || (_byline.IsMatch(span) && !EndsSentence(span) && NamesOnly(span))))
            return ParagraphKind.Byline;
        if (span.Length < 400 && _line.IsMatch(span))
            return ParagraphKind.Boilerplate;
        if (_credit.IsMatch(span) && OnlyCaptions(text, start, end))
            return ParagraphKind.Caption;
        return IsHeadline(span) ? ParagraphKind.Headline : ParagraphKind.Body;
    }

    /// <summary>How far back a caption's own sentence is looked for; keeps the scan linear.</summary>
    private const int MaxCaptionChars = 600;

    /// <summary>False when text[start..end) certainly holds no photo credit, so no caption: a scan, no list.</summary>
    public bool MayHoldCaption(string text, int start, int end) => _credit.MayMatch(text.AsSpan(start, end - start));

    /// <summary>
    /// The photo captions inside a paragraph, each a credit ("(Photo by ...)", "Jane Doe/AFP")
    /// together with the sentence it credits. A page joined onto one line keeps its captions
    /// between sentences of copy: only these spans are noise, the copy around them is read.
    /// </summary>
    public List<(int Start, int End)> CaptionSpans(string text, int start, int end)
    {
        var spans = new List<(int Start, int End)>();
        if (!MayHoldCaption(text, start, end))
            return spans;
        foreach (var match in _credit.EnumerateMatches(text.AsSpan(start, end - start)))
        {
            var (creditStart, creditEnd) = CreditExtent(text, start + match.Index, start + match.Index + match.Length, start, end);
            creditEnd = SentenceRest(text, creditEnd, end);
            if (spans.Count > 0 && creditStart < spans[^1].End)
            {
                spans[^1] = (spans[^1].Start, Math.Max(spans[^1].End, creditEnd));
                continue;
            }
            var floor = spans.Count > 0 ? spans[^1].End : start;
            spans.Add((CaptionStart(text, creditStart, floor), creditEnd));
        }
        return spans;
    }

    /// <summary>True when nothing but captions and punctuation is left of the paragraph.</summary>
    private bool OnlyCaptions(string text, int start, int end)
    {
        var at = start;
        foreach (var (s, e) in CaptionSpans(text, start, end))
        {
            if (HasLetter(text, at, s))
                return false;
            at = e;
        }
        return !HasLetter(text, at, end);
    }

    private static bool HasLetter(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (char.IsLetterOrDigit(text[i]))
                return true;
        return false;
    }

    /// <summary>
    /// The whole credit around a match: the parentheses that hold it, or the names glued to an
    /// agency by slashes ("Jane Doe/AFP/Getty Images").
    /// </summary>
    private static (int Start, int End) CreditExtent(string text, int matchStart, int matchEnd, int floor, int ceiling)
    {
        var open = -1;
        for (var i = matchStart - 1; i >= Math.Max(floor, matchStart - MaxCaptionChars / 4); i--)
        {
            if (text[i] == ')')
                break;
            if (text[i] == '(')
            {
                open = i;
                break;
            }
        }
        if (open < 0 && matchStart < ceiling && text[matchStart] == '(')
            open = matchStart;
        if (open >= 0)
        {
            for (var i = matchEnd; i < Math.Min(ceiling, matchEnd + MaxCaptionChars / 4); i++)
            {
                if (text[i] == '(')
                    break;
                if (text[i] == ')')
                    return (open, i + 1);
            }
        }
        // Outside parentheses: the names before the slash, and the rest of the slashed run after it.
        var s = matchStart;
        var words = 0;
        while (text[matchStart] == '/' && s > floor && words < 6)
        {
            var w = s;
            while (w > floor && text[w - 1] is ' ' or '/')
                w--;
            var b = w;
            while (b > floor && (char.IsLetter(text[b - 1]) || text[b - 1] is '-' or '\'' or '\u2019'))
                b--;
            if (b == w || !char.IsUpper(text[b]) || (b > floor && !char.IsWhiteSpace(text[b - 1]) && text[b - 1] != '/'))
                break;
            s = b;
            words++;
        }
        var e = matchEnd;
        while (e < ceiling && !char.IsWhiteSpace(text[e]))
            e++;
        return (s, e);
    }

    /// <summary>
    /// A credit told inside a sentence ("A file photo of the bridge") makes the whole sentence
    /// the caption: when lower-case words follow the credit, the caption runs to the sentence end.
    /// </summary>
    private static int SentenceRest(string text, int creditEnd, int ceiling)
    {
        var k = creditEnd;
        while (k < ceiling && char.IsWhiteSpace(text[k]))
            k++;
        if (k >= ceiling || !char.IsLower(text[k]))
            return creditEnd;
        var limit = Math.Min(ceiling, creditEnd + MaxCaptionChars);
        for (var i = k; i < limit; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == ceiling || char.IsWhiteSpace(text[i + 1])))
                return i + 1;
        }
        return limit;
    }

    /// <summary>
    /// Where the caption a credit belongs to begins: the sentence just before a credit that
    /// stands on its own, or the sentence a credit sits inside.
    /// </summary>
    private static int CaptionStart(string text, int creditStart, int floor)
    {
        var i = creditStart;
        while (i > floor && char.IsWhiteSpace(text[i - 1]))
            i--;
        // A full stop right before the credit ends the captioned sentence; skip it.
        while (i > floor && Fold.Punct(text[i - 1]) is '.' or '!' or '?' or '"' or '\'')
            i--;
        var limit = Math.Max(floor, creditStart - MaxCaptionChars);
        for (var k = i - 1; k > limit; k--)
        {
            if (text[k - 1] is '.' or '!' or '?' && char.IsWhiteSpace(text[k]) && !IsInitial(text, k - 1, floor))
            {
                while (k < creditStart && char.IsWhiteSpace(text[k]))
                    k++;
                return k;
            }
        }
        // No sentence end within reach: the caption runs from the paragraph start when that is
        // near, else only the credit itself is dropped.
        return limit == floor ? floor : creditStart;
    }

    /// <summary>"Joe R. Biden": a capital letter alone before a full stop does not end a sentence.</summary>
    private static bool IsInitial(string text, int dot, int floor) =>
        dot - 1 >= floor && char.IsUpper(text[dot - 1]) && (dot - 2 < floor || !char.IsLetter(text[dot - 2]));

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
