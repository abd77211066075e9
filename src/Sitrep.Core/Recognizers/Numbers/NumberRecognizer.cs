using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>
/// Finds figures in English news text: digits, number words, money, percentages, measures,
/// hedged figures ("almost 200") and vague ones ("dozens"). Extract, then parse: a cheap scan
/// picks candidate tokens (a digit, a currency symbol, or a word from the lexicons), one
/// anchored pattern delimits the quantity there, and <see cref="Parse"/> turns its groups into
/// a <see cref="Quantity"/>. Years, clock times, days of a month, model designations
/// ("Shahed-136") and the pronoun "one" are not reported.
/// </summary>
public static class NumberRecognizer
{
    private static readonly Lazy<Grammar> Shared = new(() => new Grammar());

    public static IReadOnlyList<Quantity> Recognize(string text) => Recognize(text, 0, text.Length);

    /// <summary>Quantities wholly inside <c>text[start..end)</c>, in order, not overlapping; offsets are absolute.</summary>
    public static IReadOnlyList<Quantity> Recognize(string text, int start, int end)
    {
        TextScan.CheckWindow(text, start, end);
        var invisible = text.AsSpan(start, end - start).IndexOfAny(Invisible);
        return invisible < 0 ? Find(text, start, end) : FindThroughInvisible(text, start, end);
    }

    /// <summary>
    /// As <see cref="Recognize(string, int, int)"/>, into <paramref name="found"/>, cleared first:
    /// for a sentence reader that keeps one list per thread instead of a new one per sentence.
    /// </summary>
    /// <param name="tokens">The tokenizer's tokens of this very window, whose word records answer for the runs they cover; empty for none.</param>
    internal static void RecognizeInto(string text, int start, int end, List<Quantity> found, ReadOnlySpan<Token> tokens = default)
    {
        TextScan.CheckWindow(text, start, end);
        found.Clear();
        if (text.AsSpan(start, end - start).IndexOfAny(Invisible) < 0)
            Find(text, start, end, byPattern: !TextScan.ScannerModels(text, start, end), found, tokens);
        else
            found.AddRange(FindThroughInvisible(text, start, end));
    }

    /// <summary>Zero-width characters that pasted copy leaves inside figures ("4\u200B0").</summary>
    private static readonly System.Buffers.SearchValues<char> Invisible = System.Buffers.SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF\u00AD");

    /// <summary>
    /// Reads the window with its invisible characters left out, then maps each quantity's
    /// offsets back to the text, so "4\u200B0 drones" is 40 and the evidence still points at the text.
    /// </summary>
    private static IReadOnlyList<Quantity> FindThroughInvisible(string text, int start, int end)
    {
        var sb = new System.Text.StringBuilder(end - start);
        var origin = new int[end - start + 1];
        for (var i = start; i < end; i++)
        {
            if (Invisible.Contains(text[i]))
                continue;
            origin[sb.Length] = i;
            sb.Append(text[i]);
        }
        origin[sb.Length] = end;
        var found = Find(sb.ToString(), 0, sb.Length);
        var mapped = new List<Quantity>(found.Count);
        foreach (var q in found)
            mapped.Add(q with { Start = origin[q.Start], End = q.End == 0 ? origin[0] : origin[q.End - 1] + 1 });
        return mapped;
    }

    /// <summary>The same quantities found with numbers.patterns' <c>quantity</c> alone, without the scanner: the reference the scanner is held to.</summary>
    internal static IReadOnlyList<Quantity> RecognizeByPattern(string text, int start, int end)
    {
        TextScan.CheckWindow(text, start, end);
        return Find(text, start, end, byPattern: true);
    }

    private static IReadOnlyList<Quantity> Find(string text, int start, int end) =>
        Find(text, start, end, byPattern: !TextScan.ScannerModels(text, start, end));

    /// <param name="into">The list to add to; null for a new one, made at the first quantity found.</param>
    private static IReadOnlyList<Quantity> Find(string text, int start, int end, bool byPattern, List<Quantity>? into = null,
        ReadOnlySpan<Token> tokens = default)
    {
        var g = Shared.Value;
        var found = into;
        var words = new SentenceTokens(tokens);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (!IsCandidateStart(text, i, start, c))
            {
                i++;
                continue;
            }
            var tokenEnd = char.IsLetter(c) ? TextScan.LetterRunEnd(text, i, end) : i + 1;
            if (char.IsLetter(c) && !(MayOpen(g, text, i, tokenEnd, ref words) && g.Openings.OpensAt(text, i, tokenEnd, end)))
            {
                i = tokenEnd;
                continue;
            }
            if (Match(g, text, i, end, byPattern, out var m) && Parse(g, text, start, end, m) is { } q)
            {
                (found ??= []).Add(q);
                i = q.End;
                continue;
            }
            i = tokenEnd;
        }
        return found is null ? [] : found;
    }

    /// <summary>
    /// False when the letter run <c>text[i..runEnd)</c> is no opening phrase's first word, as its
    /// token's record remembers; true when it may be, or when the run has no record to ask.
    /// </summary>
    private static bool MayOpen(Grammar g, string text, int i, int runEnd, ref SentenceTokens words)
    {
        if (words.At(i, runEnd) is not { } record)
            return true;
        var kinds = record.Scans;
        if ((kinds & ScanWord.FiguresAsked) == 0)
            record.AddScans(kinds = ScanWord.FiguresAsked | (g.Openings.MayOpen(text.AsSpan(i, runEnd - i)) ? ScanWord.FigureOpening : 0));
        return (kinds & ScanWord.FigureOpening) != 0;
    }

    private static bool Match(Grammar g, string text, int i, int end, bool byPattern, out QuantityMatch match)
    {
        if (!byPattern)
        {
            var outcome = g.Scanner.Match(text, i, end, out match);
            if (outcome != ScanOutcome.Overflow)
                return outcome == ScanOutcome.Found;
        }
        var m = g.Quantity.Match(text, i, end - i);
        match = m.Success ? QuantityMatch.Of(m) : default;
        return m.Success;
    }

    private static bool IsCandidateStart(string text, int i, int start, char c)
    {
        if (char.IsDigit(c))
            return !TextScan.GluedOnLeft(text, i);
        if (char.IsLetter(c))
            return i == start || !TextScan.IsWordChar(text[i - 1]);
        return c is '$' or '€' or '£' or '₴' && !TextScan.GluedOnLeft(text, i);
    }

    private static Quantity? Parse(Grammar g, string text, int start, int end, in QuantityMatch m)
    {
        var cue = m.Cue;
        var approximation = cue.Success ? TextScan.ByKeyForm(g.Cues, cue.In(text)) : Approximation.Exact;

        if (m.Vague)
            return new Quantity(m.Index, m.End, null, Approximation.Vague, QuantityUnit.Count);

        var (dnum, wnum, scale, cur, curs, unit) = (m.Dnum, m.Wnum, m.Scale, m.Cur, m.Curs, m.Unit);
        var (hdnum, hwnum, hscale) = (m.Hdnum, m.Hwnum, m.Hscale);
        var pct = m.Pct;
        var hasRange = hdnum.Success || hwnum.Success;
        var bare = !cue.Success && !scale.Success && !cur.Success && !curs.Success && !pct && !unit.Success;

        double? low = dnum.Success ? ParseDigits(dnum.In(text)) : NumberWords.Parse(wnum.In(text));
        if (low is null)
            return null;

        if (bare && dnum.Success && IsYear(dnum.In(text)) && (!hasRange || !hscale.Success))
            return null;
        if (bare && !hasRange && wnum.Success && TextScan.IsAnyOf(wnum.In(text), g.Pronouns) && IsPronounOne(g, text, start, end, m))
            return null;
        if (bare && !hasRange && dnum.Success && low is >= 1 and <= 31 && low == Math.Floor(low.Value) && IsDayOfMonth(g, text, start, end, m))
            return null;
        if (!scale.Success && !cur.Success && !curs.Success && !pct && !unit.Success && g.ClockAfter.IsMatch(text.AsSpan(m.End, end - m.End)))
            return null;

        double? high = null;
        if (hasRange)
        {
            high = hdnum.Success ? ParseDigits(hdnum.In(text)) : NumberWords.Parse(hwnum.In(text));
            if (high is null)
                return null;
            if (hscale.Success)
                high *= g.Scale(hscale.In(text));
            // "$1-2 billion": the scale written once applies to both ends.
            if (scale.Success)
                low *= g.Scale(scale.In(text));
            else if (hscale.Success)
                low *= g.Scale(hscale.In(text));
            if (high < low)
                return null;
        }
        else if (scale.Success)
        {
            low *= g.Scale(scale.In(text));
        }

        var quantityUnit = QuantityUnit.Count;
        string? currency = null;
        string? measure = null;
        var hcur = m.Hcur;
        if (cur.Success || hcur.Success || curs.Success)
        {
            quantityUnit = QuantityUnit.Money;
            currency = TextScan.ByKeyForm(g.Currencies, cur.Success ? cur.In(text) : hcur.Success ? hcur.In(text) : curs.In(text));
        }
        else if (pct)
        {
            quantityUnit = QuantityUnit.Percent;
        }
        else if (unit.Success)
        {
            quantityUnit = QuantityUnit.Measure;
            measure = TextScan.ByKeyForm(g.Units, unit.In(text));
        }

        // A figure no count can reach, or one that overflowed, is not a figure to report: it is
        // left without a value rather than clamped into a smaller number the text never said.
        if (!Usable(low, quantityUnit) || (high is not null && !Usable(high, quantityUnit)))
            return new Quantity(m.Index, m.End, null, approximation, quantityUnit) { Currency = currency, MeasureUnit = measure };

        return new Quantity(m.Index, m.End, low, approximation, quantityUnit)
        {
            High = high,
            Currency = currency,
            MeasureUnit = measure,
        };
    }

    private static double? ParseDigits(ReadOnlySpan<char> digits)
    {
        Span<char> buffer = stackalloc char[digits.Length];
        var n = 0;
        foreach (var ch in digits)
        {
            if (ch != ',')
                buffer[n++] = ch;
        }
        return double.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    /// <summary>A bare four-digit figure from 1900 to 2099 is a year ("in 2022", "since 2014").</summary>
    private static bool IsYear(ReadOnlySpan<char> digits) =>
        digits.Length == 4 && digits[..2] is "19" or "20";

    private static bool IsPronounOne(Grammar g, string text, int start, int end, in QuantityMatch m)
    {
        var after = m.End;
        if (g.OneNotCountAfter.IsMatch(text.AsSpan(after, end - after)))
            return true;
        var from = Math.Max(start, m.Index - 12);
        return g.OneNotCountBefore.IsMatch(text.AsSpan(from, m.Index - from));
    }

    private static bool IsDayOfMonth(Grammar g, string text, int start, int end, in QuantityMatch m)
    {
        var after = m.End;
        if (g.MonthAfter.IsMatch(text.AsSpan(after, end - after)))
            return true;
        var from = Math.Max(start, m.Index - 12);
        return g.MonthBefore.IsMatch(text.AsSpan(from, m.Index - from));
    }

    /// <summary>The largest count read: the event record holds counts as 32-bit integers.</summary>
    private const double MaxCount = int.MaxValue;

    private static bool Usable(double? value, QuantityUnit unit) =>
        value is { } v && double.IsFinite(v) && (unit != QuantityUnit.Count || v <= MaxCount);

    /// <summary>Patterns and lexicons, loaded once per process.</summary>
    private sealed class Grammar
    {
        internal readonly TieredRegex Quantity;
        internal readonly TieredRegex OneNotCountAfter;
        internal readonly TieredRegex OneNotCountBefore;
        internal readonly TieredRegex MonthAfter;
        internal readonly TieredRegex MonthBefore;
        internal readonly TieredRegex ClockAfter;
        internal readonly PhraseOpenings Openings;
        internal readonly QuantityScanner Scanner;
        /// <summary>Number words that are also pronouns (number-grammar.tsv).</summary>
        internal readonly string[] Pronouns;
        internal readonly Dictionary<string, Approximation> Cues;
        internal readonly Dictionary<string, string> Currencies;
        internal readonly Dictionary<string, string> Units;

        internal Grammar()
        {
            Cues = DataFiles.ReadTable("approximation-cues.tsv")
                .ToDictionary(r => r[0].ToLowerInvariant(), r => Enum.Parse<Approximation>(r[1], ignoreCase: true));
            var vague = DataFiles.ReadTable("vague-quantities.tsv").Select(r => r[0]).ToList();
            var currencyRows = DataFiles.ReadTable("currencies.tsv").ToList();
            Currencies = currencyRows.ToDictionary(r => r[0].ToLowerInvariant(), r => r[1]);
            var unitRows = DataFiles.ReadTable("measure-units.tsv").ToList();
            Units = unitRows.ToDictionary(r => r[0].ToLowerInvariant(), r => r[1]);
            var months = DataFiles.ReadTable("months.tsv").Select(r => r[0]).ToList();
            var prefixes = currencyRows.Where(r => r[2] == "prefix").Select(r => r[0]).ToList();
            var suffixes = currencyRows.Where(r => r[2] == "suffix").Select(r => r[0]).ToList();

            var patterns = RecognizerPatterns.Load("numbers.patterns",
                ("unitWord", NumberWords.OfClass(NumberWords.WordClass.Unit), true),
                ("teenWord", NumberWords.OfClass(NumberWords.WordClass.Teen), true),
                ("tensWord", NumberWords.OfClass(NumberWords.WordClass.Tens), true),
                ("scaleWord", NumberWords.OfClass(NumberWords.WordClass.Scale), true),
                ("scaleAbbr", NumberWords.OfClass(NumberWords.WordClass.Abbr), true),
                ("approxCue", Cues.Keys, true),
                ("vagueWord", vague, true),
                ("currencyPrefix", prefixes, false),
                ("currencySuffix", suffixes, true),
                ("measureUnit", unitRows.Select(r => r[0]), true),
                ("monthName", months, true));
            Quantity = patterns.Tiered("quantity");
            OneNotCountAfter = patterns.Tiered("oneNotCountAfter");
            OneNotCountBefore = patterns.Tiered("oneNotCountBefore");
            MonthAfter = patterns.Tiered("monthAfter");
            MonthBefore = patterns.Tiered("monthBefore");
            ClockAfter = patterns.Tiered("clockAfter");

            // A quantity can only start at a digit, a currency symbol, or a phrase that opens one:
            // a hedge ("at least"), a vague quantity ("a few"), a currency written in letters, a
            // number word, "between", or "a"/"an" before a multiplier ("a hundred", "a dozen", "a
            // million", the pattern's wordNumber). Every other word is passed over without a
            // regex; so is "at", "in" or "a" when the rest of its phrase does not follow.
            var grammar = QuantityScanner.ReadGrammar();
            Scanner = new QuantityScanner(Cues.Keys, vague, prefixes, suffixes, unitRows.Select(r => r[0]), grammar);
            Pronouns = grammar["pronoun"].ToArray();
            var multipliers = NumberWords.Words
                .Where(w => w.Value.Class is NumberWords.WordClass.Hundred or NumberWords.WordClass.Dozen or NumberWords.WordClass.Scale)
                .Select(w => w.Key).ToList();
            Openings = new PhraseOpenings(
                NumberWords.Words.Where(w => w.Value.Class is NumberWords.WordClass.Unit or NumberWords.WordClass.Teen or NumberWords.WordClass.Tens).Select(w => w.Key)
                    .Concat(Cues.Keys)
                    .Concat(vague)
                    .Concat(prefixes)
                    .Concat(multipliers.SelectMany(m => grammar["article"].Select(a => a + " " + m)))
                    .Concat(grammar["between"]));
        }

        internal double Scale(ReadOnlySpan<char> word) =>
            NumberWords.TryGet(word, out var e) ? e.Value : double.NaN;
    }
}
