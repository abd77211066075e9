using Sitrep.Cleaning;

namespace Sitrep.Text;

/// <summary>
/// Cuts a report into sections (live-blog posts, subheaded stretches) and sentences, and
/// leaves out what <see cref="Boilerplate"/> says is not news. Offsets always point into the
/// original text.
/// </summary>
public sealed class Segmenter(Boilerplate boilerplate)
{
    private static readonly Lazy<HashSet<string>> Abbreviations = new(() =>
        DataFiles.ReadTable("abbreviations.tsv").Select(r => r[0]).ToHashSet(StringComparer.Ordinal));

    public static Segmenter Default { get; } = new(Boilerplate.Default);

    public Layout Segment(string text)
    {
        var scratch = _scratch ??= new Scratch();
        var paragraphs = Paragraphs(text, scratch.Paragraphs);
        var kinds = boilerplate.Classify(text, paragraphs);
        var sections = scratch.Sections;
        var sentences = scratch.Sentences;
        sections.Clear();
        sentences.Clear();
        var sectionStart = 0;
        var previousKept = ParagraphKind.Timestamp;
        var previousHeadline = (Start: 0, End: 0);
        var bodySeen = false;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var kind = kinds[p];
            var (start, end) = paragraphs[p];
            var opensSection = kind == ParagraphKind.Timestamp
                || kind == ParagraphKind.Headline && !ContinuesHeadline(text, previousKept, previousHeadline, (start, end), bodySeen);
            if (opensSection && sentences.Count > 0 && sentences[^1].Section == sections.Count)
                sections.Add(new Section(sections.Count, sectionStart, start));
            if (opensSection)
                sectionStart = start;
            if (kind is ParagraphKind.Body or ParagraphKind.Headline)
            {
                var role = kind == ParagraphKind.Headline ? SentenceRole.Headline : SentenceRole.Body;
                // The stretches of the paragraph left when its photo captions are taken out.
                if (!boilerplate.MayHoldCaption(text, start, end))
                    AddSentences(text, start, end, new Sentence(0, 0, p, sections.Count, role), scratch);
                else
                {
                    var at = start;
                    foreach (var (s, e) in boilerplate.CaptionSpans(text, start, end))
                    {
                        if (s > at)
                            AddSentences(text, at, s, new Sentence(0, 0, p, sections.Count, role), scratch);
                        at = Math.Max(at, e);
                    }
                    if (at < end)
                        AddSentences(text, at, end, new Sentence(0, 0, p, sections.Count, role), scratch);
                }
            }
            if (kind is ParagraphKind.Body or ParagraphKind.Headline or ParagraphKind.Timestamp)
                previousKept = kind;
            if (kind == ParagraphKind.Headline)
                previousHeadline = (start, end);
            bodySeen |= kind == ParagraphKind.Body;
        }
        sections.Add(new Section(sections.Count, sectionStart, text.Length));
        // The layout outlives the call (the pipeline keeps it for a second pass): exact arrays
        // copied out of the thread's lists, not lists grown and left half empty per report.
        return new Layout(sections.ToArray(), sentences.ToArray());
    }

    /// <summary>The sentences of text[start..end) that are not noise, as <paramref name="like"/> placed in the report.</summary>
    private void AddSentences(string text, int start, int end, Sentence like, Scratch scratch)
    {
        var pieces = scratch.Pieces;
        pieces.Clear();
        SplitSentences(text, start, end, pieces);
        foreach (var (s, e) in pieces)
        {
            if (e > s && !boilerplate.IsNoiseSentence(text.AsSpan(s, e - s)))
            {
                scratch.Sentences.Add(like with { Start = s, End = e });
                WorkMeter.Sentence();
            }
        }
    }

    /// <summary>
    /// The lists a report is cut with, made once per thread (the segmenter is shared): the
    /// report's paragraphs, sentences and sections, and the pieces of one paragraph.
    /// </summary>
    private sealed class Scratch
    {
        public readonly List<(int Start, int End)> Paragraphs = [];
        public readonly List<Section> Sections = [];
        public readonly List<Sentence> Sentences = [];
        public readonly List<(int Start, int End)> Pieces = [];
        public readonly List<Token> Words = [];
        public readonly HashSet<string> Before = new(StringComparer.Ordinal);
        public readonly HashSet<string> Current = new(StringComparer.Ordinal);
    }

    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>
    /// A headline right after another one is its subtitle, not a new story, when nothing but
    /// headlines came before (the report's own title block) or when it retells the one before
    /// (a teaser printed twice with different words).
    /// </summary>
    private static bool ContinuesHeadline(string text, ParagraphKind previousKept, (int Start, int End) previous, (int Start, int End) current, bool bodySeen)
    {
        if (previousKept == ParagraphKind.Timestamp)
            return true;
        if (previousKept != ParagraphKind.Headline)
            return false;
        if (!bodySeen)
            return true;
        var scratch = _scratch ??= new Scratch();
        var before = ContentWords(text, previous, scratch.Words, scratch.Before);
        var shared = 0;
        foreach (var word in ContentWords(text, current, scratch.Words, scratch.Current))
            if (before.Contains(word))
                shared++;
        return shared >= 3;
    }

    private static HashSet<string> ContentWords(string text, (int Start, int End) range, List<Token> tokens, HashSet<string> words)
    {
        words.Clear();
        foreach (var t in Tokenizer.Tokenize(text, range.Start, range.End, tokens))
            if (t.IsWord && t.Length > 3)
                words.Add(t.Lemma);
        return words;
    }

    /// <summary>Lines are paragraphs in the reports we read; blank lines only separate them.</summary>
    internal static List<(int Start, int End)> Paragraphs(string text) => Paragraphs(text, []);

    private static List<(int Start, int End)> Paragraphs(string text, List<(int Start, int End)> list)
    {
        list.Clear();
        var i = 0;
        while (i < text.Length)
        {
            var nl = text.IndexOf('\n', i);
            var end = nl < 0 ? text.Length : nl;
            var s = i;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
                s++;
            while (e > s && char.IsWhiteSpace(text[e - 1]))
                e--;
            if (e > s)
                list.Add((s, e));
            i = end + 1;
        }
        return list;
    }

    /// <summary>
    /// Sentence ends: . ! ? … (with any closing quote) before a capital, a digit or an opening quote,
    /// unless the word before is an abbreviation or an initial. A full stop glued to a capital
    /// ("difference.Russia") ends a sentence too: copy pasted from pages loses that space.
    /// </summary>
    internal static List<(int Start, int End)> SplitSentences(string text, int start, int end)
    {
        var pieces = new List<(int Start, int End)>();
        SplitSentences(text, start, end, pieces);
        return pieces;
    }

    private static void SplitSentences(string text, int start, int end, List<(int Start, int End)> pieces) =>
        SplitAtPunctuation(text, start, end, pieces);

    /// <summary>A sentence cut at punctuation, or the pieces of it when it is over-long.</summary>
    private static void Add(string text, (int Start, int End) sentence, List<(int Start, int End)> pieces)
    {
        if (sentence.End - sentence.Start <= MaxSentenceChars)
            pieces.Add(sentence);
        else
            SplitLong(text, sentence.Start, sentence.End, pieces);
    }

    /// <summary>
    /// The longest sentence read whole. Real sentences stay far below it (the longest in the
    /// evaluation articles is about 2,600 characters, raw HTML included); a run without any full
    /// stop is cut into pieces of this size, so that no rule that looks across a sentence can
    /// make the work grow faster than the text.
    /// </summary>
    internal const int MaxSentenceChars = 3000;

    /// <summary>How far back a word is looked at to tell an abbreviation; no abbreviation is longer.</summary>
    private const int MaxWordChars = 64;

    /// <summary>
    /// Cuts an over-long run at the safest boundary in the second half of each window: a
    /// semicolon or colon, else a comma, else a space, else (a run with no space at all) anywhere
    /// that does not split a surrogate pair.
    /// </summary>
    private static void SplitLong(string text, int start, int end, List<(int Start, int End)> pieces)
    {
        var s = start;
        while (end - s > MaxSentenceChars)
        {
            var limit = s + MaxSentenceChars;
            var cut = LastBoundary(text, s + MaxSentenceChars / 2, limit, c => c is ';' or ':')
                ?? LastBoundary(text, s + MaxSentenceChars / 2, limit, c => c == ',')
                ?? LastBoundary(text, s + MaxSentenceChars / 2, limit, char.IsWhiteSpace)
                ?? (char.IsLowSurrogate(text[limit]) ? limit - 1 : limit);
            WorkMeter.Scanned(limit - cut);
            var piece = Trim(text, s, cut);
            if (piece.Item2 > piece.Item1)
                pieces.Add(piece);
            s = cut;
        }
        var rest = Trim(text, s, end);
        if (rest.Item2 > rest.Item1)
            pieces.Add(rest);
    }

    /// <summary>The position just after the last character in [from, to) that satisfies <paramref name="boundary"/>.</summary>
    private static int? LastBoundary(string text, int from, int to, Func<char, bool> boundary)
    {
        for (var i = to - 1; i >= from; i--)
        {
            if (boundary(text[i]))
                return i + 1;
        }
        return null;
    }

    private static void SplitAtPunctuation(string text, int start, int end, List<(int Start, int End)> pieces)
    {
        WorkMeter.Scanned(end - start);
        var s = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            // A semicolon joins two reports in one line ("Kharkiv hit; Zaporizhzhia attacked"):
            // each clause is read on its own.
            if (c == ';' && i + 1 < end && char.IsWhiteSpace(text[i + 1]))
            {
                Add(text, Trim(text, s, i), pieces);
                s = i + 1;
                continue;
            }
            if (c is not ('.' or '!' or '?' or '\u2026'))
                continue;
            var j = i + 1;
            while (j < end && Fold.Punct(text[j]) is '"' or '\'' or ')')
                j++;
            if (j >= end)
                break;
            var glued = j < end && !char.IsWhiteSpace(text[j]);
            var k = j;
            while (k < end && char.IsWhiteSpace(text[k]))
                k++;
            if (k >= end)
                break;
            var next = text[k];
            var opens = char.IsUpper(next) || char.IsDigit(next) || Fold.Punct(next) is '"' or '\'';
            if (!opens)
                continue;
            if (c == '.' && !EndsWithWord(text, s, i, glued))
                continue;
            if (glued && !(c == '.' && char.IsUpper(next) && k + 1 < end && char.IsLower(text[k + 1])))
                continue;
            Add(text, Trim(text, s, j), pieces);
            s = k;
            i = k - 1;
        }
        if (s < end)
            Add(text, Trim(text, s, end), pieces);
    }

    private static bool EndsWithWord(string text, int sentenceStart, int dot, bool glued)
    {
        var w = dot;
        var floor = Math.Max(sentenceStart, dot - MaxWordChars);
        while (w > floor && (char.IsLetterOrDigit(text[w - 1]) || text[w - 1] == '.'))
            w--;
        WorkMeter.Scanned(dot - w);
        var word = text.AsSpan(w, dot - w);
        if (word.IsEmpty)
            return true;
        if (word.Length == 1 && char.IsUpper(word[0]))
            return false; // an initial: "Joe R. Biden"
        if (glued)
            return word.Length >= 2 && char.IsLower(word[^1]) && !word.Contains('.');
        return !IsAbbreviation(word);
    }

    /// <summary>
    /// Whether the word before a full stop is a listed abbreviation, under its folded form. A
    /// plain ASCII word folds to its lower case, which a buffer holds without a string per full stop.
    /// </summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxWordChars || !System.Text.Ascii.IsValid(word))
            return Abbreviations.Value.Contains(Fold.Normalize(word));
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return Abbreviations.Value.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }

    private static (int, int) Trim(string text, int s, int e)
    {
        while (s < e && char.IsWhiteSpace(text[s]))
            s++;
        while (e > s && char.IsWhiteSpace(text[e - 1]))
            e--;
        return (s, e);
    }
}
