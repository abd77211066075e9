using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Events;
using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>
/// Finds date expressions in English news text and resolves them against an anchor, the
/// article's published date. Extract, then parse: a scan picks candidate tokens (a digit, or a
/// word that can begin a date), one anchored pattern delimits the expression, and
/// <see cref="Resolve"/> computes the date. Durations ("300 days", "for days"), ages
/// ("33-month-old"), clock times and the verb "may" are not dates.
/// </summary>
public static class DateRecognizer
{
    /// <summary>
    /// A day and month without a year is the latest such day at most this many days after the
    /// anchor: reports look back, but "talks on 20 March" in a piece of 12 March is this year's.
    /// </summary>
    private const int FutureToleranceDays = 14;

    private static readonly Lazy<Grammar> Shared = new(() => new Grammar());

    public static IReadOnlyList<DateMention> Recognize(string text, DateOnly? anchor) => Recognize(text, 0, text.Length, anchor);

    /// <summary>Dates wholly inside <c>text[start..end)</c>, in order, not overlapping; offsets are absolute.</summary>
    public static IReadOnlyList<DateMention> Recognize(string text, int start, int end, DateOnly? anchor)
    {
        TextScan.CheckWindow(text, start, end);
        return Find(text, start, end, anchor, byPattern: !TextScan.ScannerModels(text, start, end));
    }

    /// <summary>
    /// As <see cref="Recognize(string, int, int, DateOnly?)"/>, into <paramref name="found"/>,
    /// cleared first: for a sentence reader that keeps one list per thread instead of a new one per sentence.
    /// </summary>
    /// <param name="tokens">The tokenizer's tokens of this very window, whose word records answer for the runs they cover; empty for none.</param>
    internal static void RecognizeInto(string text, int start, int end, DateOnly? anchor, List<DateMention> found, ReadOnlySpan<Token> tokens = default)
    {
        TextScan.CheckWindow(text, start, end);
        found.Clear();
        Find(text, start, end, anchor, byPattern: !TextScan.ScannerModels(text, start, end), found, tokens);
    }

    /// <summary>The same dates found with dates.patterns' <c>date</c> alone, without the scanner: the reference the scanner is held to.</summary>
    internal static IReadOnlyList<DateMention> RecognizeByPattern(string text, int start, int end, DateOnly? anchor)
    {
        TextScan.CheckWindow(text, start, end);
        return Find(text, start, end, anchor, byPattern: true);
    }

    /// <param name="into">The list to add to; null for a new one, made at the first date found.</param>
    private static IReadOnlyList<DateMention> Find(string text, int start, int end, DateOnly? anchor, bool byPattern, List<DateMention>? into = null,
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
            if (char.IsLetter(c) ? !ReachesDateWord(g, text, i, tokenEnd, end, words) || IsLowerCaseMonth(g, text, i, tokenEnd, ref words) : !FigureMayOpenDate(g, text, i, end))
            {
                i = tokenEnd;
                continue;
            }
            if (Match(g, text, i, end, byPattern, out var m) && Resolve(g, text, end, m, anchor) is { } date)
            {
                (found ??= []).Add(date);
                i = m.End;
                continue;
            }
            i = tokenEnd;
        }
        return found is null ? [] : found;
    }

    private static bool Match(Grammar g, string text, int i, int end, bool byPattern, out DateMatch match)
    {
        if (!byPattern)
        {
            var outcome = g.Scanner.Match(text, i, end, out match);
            if (outcome != ScanOutcome.Overflow)
                return outcome == ScanOutcome.Found;
        }
        var m = g.Date.Match(text, i, end - i);
        match = m.Success ? DateMatch.Of(m) : default;
        return m.Success;
    }

    /// <summary>
    /// True when the token at <paramref name="i"/> is a date word ("May", "Tuesday", "yesterday",
    /// "three"), or a run of up to three function words ("in", "the", "last") leads to one or to
    /// a figure. Function words are most of English text, so checking this first keeps the date
    /// pattern off "in the", "of a" and the like.
    /// </summary>
    private static bool ReachesDateWord(Grammar g, string text, int i, int tokenEnd, int end, SentenceTokens words)
    {
        for (var step = 0; step < 4; step++)
        {
            var kinds = Kinds(g, text, i, tokenEnd, ref words);
            if ((kinds & ScanWord.DateWord) != 0)
                return true;
            if (step == 3 || (kinds & ScanWord.DateLead) == 0)
                return false;
            i = tokenEnd;
            while (i < end && (text[i] == ' ' || text[i] == '-'))
                i++;
            if (i >= end)
                return false;
            if (char.IsDigit(text[i]))
                return true;
            tokenEnd = TextScan.LetterRunEnd(text, i, end);
            if (tokenEnd == i)
                return false;
        }
        return false;
    }

    /// <summary>
    /// "may" and "march" in lower case: a date that starts with a month's name needs it written
    /// with a capital (<see cref="IsCapitalised"/>), and the word can begin no other kind of date.
    /// </summary>
    private static bool IsLowerCaseMonth(Grammar g, string text, int i, int tokenEnd, ref SentenceTokens words) =>
        !char.IsUpper(text[i]) && (Kinds(g, text, i, tokenEnd, ref words) & ScanWord.OnlyMonth) != 0;

    /// <summary>
    /// Which of the date word sets the letter run <c>text[i..runEnd)</c> is in: from its token's
    /// record, filled the first time the word is met, or else by its letters.
    /// </summary>
    private static ScanWord Kinds(Grammar g, string text, int i, int runEnd, ref SentenceTokens words)
    {
        var record = words.At(i, runEnd);
        var kinds = record?.Scans ?? ScanWord.None;
        if ((kinds & ScanWord.DatesAsked) != 0)
            return kinds;
        var run = text.AsSpan(i, runEnd - i);
        kinds = ScanWord.DatesAsked
            | (g.CoreWords.Contains(run) ? ScanWord.DateWord : 0)
            | (g.FunctionWords.Contains(run) ? ScanWord.DateLead : 0)
            | (g.OnlyMonths.Contains(run) ? ScanWord.OnlyMonth : 0);
        record?.AddScans(kinds);
        return kinds;
    }

    /// <summary>
    /// Whether a figure can begin a date that resolves: only a written date ("2024-01-05",
    /// "21.04.2022", "21/04/2022"), a day with an ordinal ("21st") or before a month ("21
    /// January", "21 of January"), or a count of "3 days ago" can; a year alone needs a lead
    /// word before it, where the scan tries it. So "300 drones" costs no pattern run. A character
    /// outside ASCII is left to the pattern.
    /// </summary>
    private static bool FigureMayOpenDate(Grammar g, string text, int i, int end)
    {
        while (i < end && char.IsDigit(text[i]))
            i++;
        if (i >= end)
            return false;
        var c = text[i];
        if (!char.IsWhiteSpace(c))
            return c is '-' or '.' or '/' || char.IsLetter(c) || c > '\x7f';
        return DateWordFollows(g, text, i, end, functionWords: 1);
    }

    /// <summary>Whether, past the white space at <paramref name="i"/>, a date word follows, after at most so many function words ("of").</summary>
    private static bool DateWordFollows(Grammar g, string text, int i, int end, int functionWords)
    {
        for (; i < end && char.IsWhiteSpace(text[i]); i++)
        {
            if (text[i] > '\x7f')
                return true;
        }
        var wordEnd = TextScan.LetterRunEnd(text, i, end);
        if (wordEnd == i)
            return false;
        var word = text.AsSpan(i, wordEnd - i);
        if (!System.Text.Ascii.IsValid(word) || g.CoreWords.Contains(word))
            return true;
        // "3 days ago": the unit is a date word in the plural too.
        if (word.Length > 1 && word[^1] is 's' or 'S' && g.CoreWords.Contains(word[..^1]))
            return true;
        return functionWords > 0 && g.FunctionWords.Contains(word) && wordEnd < end && char.IsWhiteSpace(text[wordEnd])
            && DateWordFollows(g, text, wordEnd, end, functionWords - 1);
    }

    private static bool IsCandidateStart(string text, int i, int start, char c)
    {
        if (char.IsDigit(c))
            return !TextScan.GluedOnLeft(text, i);
        return char.IsLetter(c) && (i == start || !TextScan.IsWordChar(text[i - 1]));
    }

    private static DateMention? Resolve(Grammar g, string text, int end, in DateMatch m, DateOnly? anchor)
    {
        // Next to the ends of the calendar no year around the anchor exists to resolve into.
        if (anchor is { Year: < 2 or > 9998 })
            anchor = null;
        var mod = m.Mod;
        var hasLead = m.HasLead;
        var spanStart = hasLead ? m.LeadEnd : m.Index;
        var spanEnd = m.End;
        var modWord = mod.Success ? mod.In(text) : default;

        DateMention Mention(DateOnly? date, DatePrecision precision, DateKind kind, int? offset = null) =>
            new(spanStart, spanEnd, date, precision, kind) { OffsetDays = offset };

        if (m.Form == DateForm.Iso)
        {
            return TryDate(Int(text, m.Iy), Int(text, m.Im), Int(text, m.Id)) is { } iso
                ? Mention(iso, DatePrecision.Day, DateKind.Explicit)
                : null;
        }

        if (m.Form == DateForm.Numeric)
        {
            var (a, b) = (Int(text, m.Na), Int(text, m.Nb));
            var (day, month) = b > 12 ? (b, a) : (a, b);
            return TryDate(Int(text, m.Ny), month, day) is { } numeric ? Mention(numeric, DatePrecision.Day, DateKind.Explicit) : null;
        }

        if (m.Form is DateForm.DayMonth or DateForm.MonthDay)
        {
            var monthGroup = m.Month;
            if (!IsCapitalised(text, monthGroup))
                return null;
            var month = TextScan.ByKeyForm(g.Months, monthGroup.In(text));
            var day = Int(text, m.Day);
            if (day > DateTime.DaysInMonth(2024, month))
                return null;
            var year = YearOf(g, text, m, anchor);
            if (year is { } y)
                return TryDate(y, month, day) is { } d ? Mention(d, DatePrecision.Day, DateKind.Explicit) : null;
            if (anchor is not { } a)
                return Mention(null, DatePrecision.Day, DateKind.Explicit);
            // The latest such day that is not too far past the anchor: "5 January" in a piece
            // of 30 December is next week, in a piece of 3 March it is two months back. A day
            // that does not exist in the chosen year (29 February) stays unresolved.
            for (var candidate = a.Year + 1; candidate >= a.Year - 1; candidate--)
            {
                if (day <= DateTime.DaysInMonth(candidate, month) && new DateOnly(candidate, month, day).DayNumber - a.DayNumber <= FutureToleranceDays)
                    return Mention(new DateOnly(candidate, month, day), DatePrecision.Day, DateKind.Explicit);
            }
            return Mention(null, DatePrecision.Day, DateKind.Explicit);
        }

        if (m.Form == DateForm.MonthYear)
        {
            var monthGroup = m.Month;
            if (!IsCapitalised(text, monthGroup))
                return null;
            return Mention(new DateOnly(Int(text, m.Year), TextScan.ByKeyForm(g.Months, monthGroup.In(text)), 1), DatePrecision.Month, DateKind.Explicit);
        }

        if (m.Form == DateForm.MonthOnly)
        {
            var monthGroup = m.Month;
            if (!IsCapitalised(text, monthGroup) || !(hasLead || mod.Success || m.Yrel.Success))
                return null;
            if (mod.Success)
                spanStart = mod.Start;
            var month = TextScan.ByKeyForm(g.Months, monthGroup.In(text));
            if (YearOf(g, text, m, anchor) is { } y)
                return Mention(new DateOnly(y, month, 1), DatePrecision.Month, DateKind.Explicit);
            if (anchor is not { } a)
                return Mention(null, DatePrecision.Month, DateKind.Explicit);
            int year;
            if (TextScan.IsAnyOf(modWord, g.Ahead))
                year = month > a.Month ? a.Year : a.Year + 1;
            else if (TextScan.IsAnyOf(modWord, g.Back))
                year = month < a.Month ? a.Year : a.Year - 1;
            else if (TextScan.IsAnyOf(modWord, g.Current))
                year = a.Year;
            else
                year = month <= a.Month ? a.Year : a.Year - 1;
            return Mention(new DateOnly(year, month, 1), DatePrecision.Month, DateKind.Explicit);
        }

        if (m.Form == DateForm.YearOnly)
        {
            if (!hasLead)
                return null;
            return Mention(new DateOnly(Int(text, m.Year), 1, 1), DatePrecision.Year, DateKind.Explicit);
        }

        if (m.Form == DateForm.Weekday)
        {
            var wd = m.Wd;
            // "Sunday Times", "Friday Prayers": a weekday naming something else.
            if (FollowedByProperName(g, text, spanEnd, end))
                return null;
            if (mod.Success)
                spanStart = mod.Start;
            if (anchor is not { } a)
                return Mention(null, DatePrecision.Day, DateKind.Weekday);
            var target = TextScan.ByKeyForm(g.Weekdays, wd.In(text));
            var forward = ((int)target - (int)a.DayOfWeek + 7) % 7;
            int offset;
            if (TextScan.IsAnyOf(modWord, g.Ahead))
            {
                offset = forward == 0 ? 7 : forward;
            }
            else
            {
                // News convention: "on Tuesday" in Friday's paper is this week's Tuesday, and in
                // Tuesday's paper it is that day; "last Tuesday" is strictly before the anchor.
                // "this Tuesday" is read the same way as "on Tuesday".
                offset = -(((int)a.DayOfWeek - (int)target + 7) % 7);
                if (offset == 0 && (TextScan.IsAnyOf(modWord, g.Back)))
                    offset = -7;
            }
            var weekday = Mention(Shift(RelativeUnit.Day, offset, a), DatePrecision.Day, DateKind.Weekday);
            // Only a weekday the text gives no direction ("on Sunday", "this Sunday") may be read forward.
            return mod.Success && !TextScan.IsAnyOf(modWord, g.Current)
                ? weekday
                : weekday with { Ahead = Shift(RelativeUnit.Day, forward, a) };
        }

        if (m.Form == DateForm.Relative)
        {
            var rel = TextScan.ByKeyForm(g.Relatives, m.Rel.In(text));
            if (rel.Unit == RelativeUnit.Event)
                return Mention(null, DatePrecision.Day, DateKind.RelativeToEvent, rel.Offset);
            return Relative(rel.Unit, rel.Offset, anchor, spanStart, spanEnd);
        }

        if (m.Form == DateForm.Ago)
        {
            var n = Count(m.N.In(text));
            if (n is not { } count || count > MaxAgo)
                return null;
            var unit = Enum.Parse<RelativeUnit>(Fold.CaseKey(m.Unit.In(text)), ignoreCase: true);
            var dir = m.Dir.In(text);
            if (TextScan.IsAnyOf(dir, g.BackFromAnchor))
                return Relative(unit, -count, anchor, spanStart, spanEnd);
            if (unit is not (RelativeUnit.Day or RelativeUnit.Week))
                return null;
            var sign = TextScan.IsAnyOf(dir, g.BackFromEvent) ? -1 : 1;
            var days = sign * count * (unit == RelativeUnit.Week ? 7 : 1);
            return Mention(null, unit == RelativeUnit.Week ? DatePrecision.Week : DatePrecision.Day, DateKind.RelativeToEvent, days);
        }

        return null;
    }

    /// <summary>The date <paramref name="offset"/> units away from the anchor, at the start of its period.</summary>
    private static DateMention Relative(RelativeUnit unit, int offset, DateOnly? anchor, int start, int end)
    {
        var precision = unit switch
        {
            RelativeUnit.Day => DatePrecision.Day,
            RelativeUnit.Week or RelativeUnit.Weekend => DatePrecision.Week,
            RelativeUnit.Month => DatePrecision.Month,
            _ => DatePrecision.Year,
        };
        int? offsetDays = unit == RelativeUnit.Day ? offset : null;
        var date = anchor is { } a ? Shift(unit, offset, a) : null;
        return new DateMention(start, end, date, precision, DateKind.Relative) { OffsetDays = offsetDays };
    }

    /// <summary>
    /// The most units "N days/weeks/months/years ago" is read for. Further back than this is no
    /// date of an event in the news ("2025 years ago"); it is not read as a date at all, so no
    /// later stage does arithmetic on it.
    /// </summary>
    private const int MaxAgo = 1000;

    /// <summary>
    /// The start of the period <paramref name="offset"/> units from the anchor, or null when it
    /// falls outside the calendar (anchor 0001-01-01, "a day earlier"). Arguments, not a lambda:
    /// a lambda over the anchor made a closure and a delegate for every date resolved.
    /// </summary>
    private static DateOnly? Shift(RelativeUnit unit, int offset, DateOnly a)
    {
        try
        {
            return unit switch
            {
                RelativeUnit.Day => a.AddDays(offset),
                RelativeUnit.Week => MondayOf(a).AddDays(7 * offset),
                RelativeUnit.Weekend => Weekend(a, offset),
                RelativeUnit.Month => new DateOnly(a.Year, a.Month, 1).AddMonths(offset),
                _ => new DateOnly(a.Year + offset, 1, 1),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>
    /// The Saturday of the weekend meant: "this weekend"/"over the weekend" is the latest one
    /// that has begun; "last weekend" said during a weekend is the one before it.
    /// </summary>
    private static DateOnly Weekend(DateOnly a, int offset)
    {
        var saturday = a.AddDays(-(((int)a.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7));
        if (offset < 0 && a.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            return saturday.AddDays(-7);
        if (offset > 0)
            return saturday.AddDays(7);
        return saturday;
    }

    /// <summary>Year from the text: a written year, or "last/this/next year" against the anchor.</summary>
    private static int? YearOf(Grammar g, string text, in DateMatch m, DateOnly? anchor)
    {
        var year = m.Year;
        if (year.Success)
            return Int(text, year);
        var yrel = m.Yrel;
        if (!yrel.Success || anchor is not { } a)
            return null;
        return TextScan.IsAnyOf(yrel.In(text), g.Back) ? a.Year - 1
            : TextScan.IsAnyOf(yrel.In(text), g.Ahead) ? a.Year + 1
            : a.Year;
    }

    /// <summary>Month names are capitalised in English prose; "may" and "march" in lower case are a verb and a noun.</summary>
    private static bool IsCapitalised(string text, Part month) => char.IsUpper(text[month.Start]);

    private static bool FollowedByProperName(Grammar g, string text, int i, int end)
    {
        if (i + 1 >= end || text[i] != ' ' || !char.IsUpper(text[i + 1]))
            return false;
        var wordEnd = TextScan.LetterRunEnd(text, i + 1, end);
        return !g.Months.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(text.AsSpan(i + 1, wordEnd - i - 1));
    }

    private static int? Count(ReadOnlySpan<char> n)
    {
        if (char.IsDigit(n[0]))
            return Digits(n); // at most four digits: the pattern says so
        return NumberWords.Parse(n) is { } v && v <= MaxAgo ? (int)v : null;
    }

    private static int Int(string text, Part part) => Digits(part.In(text));

    /// <summary>
    /// A short run of decimal digits as a number, in any script: the patterns' \d matches
    /// fullwidth and Arabic-Indic digits too ("２１ March"), which int.Parse refuses.
    /// </summary>
    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
            value = value * 10 + CharUnicodeInfo.GetDecimalDigitValue(c);
        return value;
    }

    private static DateOnly? TryDate(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private enum RelativeUnit { Day, Week, Weekend, Month, Year, Event }

    private readonly record struct RelativeEntry(RelativeUnit Unit, int Offset);

    private sealed class Grammar
    {
        internal readonly TieredRegex Date;
        internal readonly DateScanner Scanner;
        /// <summary>date-grammar.tsv's words for the direction a modifier or a count points in.</summary>
        internal readonly string[] Ahead, Back, Current, BackFromAnchor, BackFromEvent;
        internal readonly WordSet CoreWords;
        internal readonly WordSet FunctionWords;
        /// <summary>Month names that are no other date word: lower case, the verb "may", the noun "march".</summary>
        internal readonly WordSet OnlyMonths;
        internal readonly Dictionary<string, int> Months;
        internal readonly Dictionary<string, DayOfWeek> Weekdays;
        internal readonly Dictionary<string, RelativeEntry> Relatives;

        internal Grammar()
        {
            Months = DataFiles.ReadTable("months.tsv")
                .ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);
            Weekdays = DataFiles.ReadTable("weekdays.tsv")
                .ToDictionary(r => r[0], r => Enum.Parse<DayOfWeek>(r[1], ignoreCase: true), StringComparer.OrdinalIgnoreCase);
            Relatives = DataFiles.ReadTable("relative-dates.tsv")
                .ToDictionary(r => r[0].ToLowerInvariant(), r => new RelativeEntry(Enum.Parse<RelativeUnit>(r[1], ignoreCase: true), int.Parse(r[2], CultureInfo.InvariantCulture)));
            var countWords = NumberWords.Words
                .Where(w => w.Value.Class is NumberWords.WordClass.Unit or NumberWords.WordClass.Teen or NumberWords.WordClass.Tens)
                .Select(w => w.Key).ToList();

            var patterns = RecognizerPatterns.Load("dates.patterns",
                ("monthName", Months.Keys, true),
                ("weekdayName", Weekdays.Keys, true),
                ("relativePhrase", Relatives.Keys, true),
                ("countWord", countWords, true));
            Date = patterns.Tiered("date");
            var grammar = DataFiles.ReadTable("date-grammar.tsv").ToLookup(r => r[0], r => r[1], StringComparer.Ordinal);
            Scanner = new DateScanner(Months.Keys, Weekdays.Keys, Relatives.Keys, countWords, patterns, grammar);
            (Ahead, Back, Current) = (grammar["ahead"].ToArray(), grammar["back"].ToArray(), grammar["current"].ToArray());
            (BackFromAnchor, BackFromEvent) = (grammar["back-from-anchor"].ToArray(), grammar["back-from-event"].ToArray());

            // Function words come from the pattern's own lists so the two cannot drift apart.
            var functionWords = new[] { "leadWord", "modWord", "article" }
                .SelectMany(piece => patterns.Expand(piece).Split('|'))
                .Select(w => new string(w.TakeWhile(char.IsLetter).ToArray()))
                .Concat(grammar["glued-lead"])
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            FunctionWords = new WordSet(functionWords);
            // Every other word of a date phrase is a date word: months, weekdays, number words,
            // and the content words of relative phrases ("yesterday", "day", "weekend").
            var otherDateWords = Weekdays.Keys.Concat(countWords)
                .Concat(Relatives.Keys.SelectMany(p => p.Split(' ')))
                .Concat(grammar["unit"])
                .ToList();
            CoreWords = new WordSet(Months.Keys.Concat(otherDateWords).Where(w => !functionWords.Contains(w)));
            OnlyMonths = new WordSet(Months.Keys.Except(otherDateWords.Concat(functionWords), StringComparer.OrdinalIgnoreCase));
        }
    }
}
