using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>Which branch of dates.patterns' <c>date</c> matched.</summary>
internal enum DateForm { None, Iso, Numeric, DayMonth, MonthDay, MonthYear, Ago, Weekday, MonthOnly, Relative, YearOnly }

/// <summary>The parts of one date, named as the groups of dates.patterns' <c>date</c>.</summary>
internal struct DateMatch
{
    public int Index;
    public int End;
    public DateForm Form;
    /// <summary>End of the last lead word's capture ("in", "since"), or -1 without one.</summary>
    public int LeadEnd;
    public Part Mod, Iy, Im, Id, Na, Nb, Ny, Month, Day, Year, Yrel, Wd, Rel, N, Unit, Dir;

    public readonly bool HasLead => LeadEnd >= 0;

    public static DateMatch Of(Match m)
    {
        var lead = m.Groups["lead"];
        var last = lead.Success ? lead.Captures[^1] : null;
        var form = DateForm.None;
        foreach (var (name, f) in Forms)
        {
            if (m.Groups[name].Success)
            {
                form = f;
                break;
            }
        }
        return new DateMatch
        {
            Index = m.Index,
            End = m.Index + m.Length,
            Form = form,
            LeadEnd = last is null ? -1 : last.Index + last.Length,
            Mod = Part.Of(m.Groups["mod"]),
            Iy = Part.Of(m.Groups["iy"]),
            Im = Part.Of(m.Groups["im"]),
            Id = Part.Of(m.Groups["id"]),
            Na = Part.Of(m.Groups["na"]),
            Nb = Part.Of(m.Groups["nb"]),
            Ny = Part.Of(m.Groups["ny"]),
            Month = Part.Of(m.Groups["month"]),
            Day = Part.Of(m.Groups["day"]),
            Year = Part.Of(m.Groups["year"]),
            Yrel = Part.Of(m.Groups["yrel"]),
            Wd = Part.Of(m.Groups["wd"]),
            Rel = Part.Of(m.Groups["rel"]),
            N = Part.Of(m.Groups["n"]),
            Unit = Part.Of(m.Groups["unit"]),
            Dir = Part.Of(m.Groups["dir"]),
        };
    }

    private static readonly (string, DateForm)[] Forms =
    [
        ("iso", DateForm.Iso), ("num", DateForm.Numeric), ("dm", DateForm.DayMonth), ("md", DateForm.MonthDay),
        ("my", DateForm.MonthYear), ("ago", DateForm.Ago), ("wdx", DateForm.Weekday), ("mo", DateForm.MonthOnly),
        ("relx", DateForm.Relative), ("yo", DateForm.YearOnly),
    ];
}

/// <summary>
/// Reads a date anchored at one position, by hand, finding exactly what dates.patterns' <c>date</c>
/// finds there, with the same parts: the same choices in the same order, backing off when the
/// end is followed by a letter or digit (see <see cref="QuantityScanner"/>, which does the same
/// for quantities). Word lists come from the lexicons, from the pattern file's own word pieces
/// (<c>leadWord</c>, <c>modWord</c>, <c>dayPart</c>) and from date-grammar.tsv.
/// </summary>
internal sealed class DateScanner
{
    private readonly PhraseList _months, _weekdays, _relatives, _countWords, _article;
    private readonly string[] _leadWords, _modWords, _dayParts, _units, _directions, _yearRelatives, _ordinals;
    private readonly string _gluedLead, _the, _of, _year;

    internal DateScanner(IEnumerable<string> months, IEnumerable<string> weekdays, IEnumerable<string> relatives,
        IEnumerable<string> countWords, PatternSet patterns, ILookup<string, string> grammar)
    {
        _months = new PhraseList(months, true);
        _weekdays = new PhraseList(weekdays, true);
        _relatives = new PhraseList(relatives, true);
        _countWords = new PhraseList(countWords, true);
        _article = new PhraseList(grammar["article"], false);
        string[] Piece(string name) => patterns.Expand(name).Split('|').Select(w => w.Replace("\\s+", " ", StringComparison.Ordinal)).ToArray();
        _leadWords = Piece("leadWord");
        _modWords = Piece("modWord");
        _dayParts = Piece("dayPart");
        _units = grammar["unit"].ToArray();
        _directions = grammar["direction"].ToArray();
        _yearRelatives = grammar["year-relative"].ToArray();
        _ordinals = grammar["ordinal"].ToArray();
        string One(string role) => grammar[role].Single();
        _gluedLead = One("glued-lead");
        _the = One("the");
        _of = One("of");
        _year = One("year");
    }

    internal ScanOutcome Match(string text, int i, int end, out DateMatch match)
    {
        var run = new Run(this, text, end);
        run.M.Index = i;
        run.M.LeadEnd = -1;
        var found = run.Date(i);
        match = run.M;
        return run.W.Overflowed ? ScanOutcome.Overflow : found ? ScanOutcome.Found : ScanOutcome.None;
    }

    private struct Run(DateScanner g, string text, int end)
    {
        private const int MaxEnds = 16;
        public DateMatch M;
        public ScanWindow W = new(text, end);

        /// <summary>The end of one lead ("in ", "as of ", "mid-") at <paramref name="p"/>, or -1.</summary>
        private readonly int Lead(int p)
        {
            foreach (var word in g._leadWords)
            {
                var e = W.Lit(p, word);
                if (e >= 0 && W.Blank(e) > e)
                    return W.Blank(e);
            }
            var mid = W.Lit(p, g._gluedLead);
            return mid >= 0 && W.Is(mid, '-') ? mid + 1 : -1;
        }

        /// <summary>Up to two leads, as many as fit first; a lead's capture ends after its white space, as the group's does.</summary>
        public bool Date(int i)
        {
            var one = Lead(i);
            if (one >= 0)
            {
                var two = Lead(one);
                if (two >= 0)
                {
                    M.LeadEnd = two;
                    if (Body(two))
                        return true;
                }
                M.LeadEnd = one;
                if (Body(one))
                    return true;
            }
            M.LeadEnd = -1;
            return Body(i);
        }

        private bool Final(int p)
        {
            if (!W.EndsAt(p))
                return false;
            M.End = p;
            return true;
        }

        private bool Body(int p)
        {
            M.Form = DateForm.Iso;
            if (Iso(p))
                return true;
            M.Form = DateForm.Numeric;
            if (Numeric(p))
                return true;
            M.Form = DateForm.DayMonth;
            if (DayMonth(p))
                return true;
            M.Form = DateForm.MonthDay;
            if (MonthDay(p))
                return true;
            M.Form = DateForm.MonthYear;
            if (MonthYear(p))
                return true;
            M.Form = DateForm.Ago;
            if (Ago(p))
                return true;
            if (ModThen(p))
                return true;
            M.Form = DateForm.Relative;
            if (Relative(p))
                return true;
            M.Form = DateForm.YearOnly;
            var y = Year(p);
            if (y >= 0)
            {
                M.Year = new Part(p, y);
                if (Final(y))
                    return true;
                M.Year = default;
            }
            M.Form = DateForm.None;
            return false;
        }

        /// <summary><c>(?:19|20)\d\d</c> at <paramref name="p"/>: its end, or -1.</summary>
        private readonly int Century(int p) =>
            p + 3 < end && (W.Is(p, '1') && W.Is(p + 1, '9') || W.Is(p, '2') && W.Is(p + 1, '0')) && W.Digit(p + 2) && W.Digit(p + 3) ? p + 4 : -1;

        /// <summary>The pattern's <c>year</c>: a century figure not followed by a letter or digit.</summary>
        private readonly int Year(int p)
        {
            var e = Century(p);
            return e >= 0 && !W.Letter(e) && !W.Digit(e) ? e : -1;
        }

        private bool Iso(int p)
        {
            var y = Century(p);
            if (y < 0 || !W.Is(y, '-') || !W.Digit(y + 1) || !W.Digit(y + 2) || !W.Is(y + 3, '-') || !W.Digit(y + 4) || !W.Digit(y + 5) || W.Digit(y + 6))
                return false;
            var (m1, m2, d1, d2) = (text[y + 1], text[y + 2], text[y + 4], text[y + 5]);
            var month = m1 == '0' ? m2 != '0' : m1 == '1' && m2 <= '2';
            var day = d1 == '0' ? d2 != '0' : d1 is '1' or '2' || (d1 == '3' && d2 <= '1');
            if (!month || !day)
                return false;
            (M.Iy, M.Im, M.Id) = (new Part(p, y), new Part(y + 1, y + 3), new Part(y + 4, y + 6));
            if (Final(y + 6))
                return true;
            (M.Iy, M.Im, M.Id) = (default, default, default);
            return false;
        }

        /// <summary><c>3[01]|[12]\d|0?[1-9]</c>: the ends of its readings, in the pattern's order.</summary>
        private readonly int DayFigures(int p, Span<int> ends)
        {
            var n = 0;
            if (W.Is(p, '3') && (W.Is(p + 1, '0') || W.Is(p + 1, '1')))
                ends[n++] = p + 2;
            if ((W.Is(p, '1') || W.Is(p, '2')) && W.Digit(p + 1))
                ends[n++] = p + 2;
            if (W.Is(p, '0') && p + 1 < end && text[p + 1] is >= '1' and <= '9')
                ends[n++] = p + 2;
            if (p < end && text[p] is >= '1' and <= '9')
                ends[n++] = p + 1;
            return n;
        }

        private bool Numeric(int p)
        {
            Span<int> firsts = stackalloc int[4];
            Span<int> seconds = stackalloc int[4];
            foreach (var a in firsts[..DayFigures(p, firsts)])
            {
                if (!(W.Is(a, '.') || W.Is(a, '/')))
                    continue;
                var sep = text[a];
                foreach (var b in seconds[..DayFigures(a + 1, seconds)])
                {
                    if (!W.Is(b, sep))
                        continue;
                    var y = Century(b + 1);
                    if (y < 0 || ((W.Digit(y) || W.Is(y, '.')) && W.Digit(y + 1)))
                        continue;
                    (M.Na, M.Nb, M.Ny) = (new Part(p, a), new Part(a + 1, b), new Part(b + 1, y));
                    if (Final(y))
                        return true;
                }
            }
            (M.Na, M.Nb, M.Ny) = (default, default, default);
            return false;
        }

        /// <summary>The pattern's <c>day</c>: pairs of (end of the figure, end with its ordinal), in order.</summary>
        private readonly int Days(int p, Span<(int Figure, int End)> days)
        {
            Span<int> figures = stackalloc int[4];
            var n = 0;
            foreach (var f in figures[..DayFigures(p, figures)])
            {
                foreach (var ordinal in g._ordinals)
                {
                    var o = W.Lit(f, ordinal);
                    if (o >= 0 && DayEnds(o))
                        days[n++] = (f, o);
                }
                if (DayEnds(f))
                    days[n++] = (f, f);
            }
            return n;
        }

        /// <summary><c>(?![\d:]|\.\d)</c>.</summary>
        private readonly bool DayEnds(int e) => !W.Digit(e) && !W.Is(e, ':') && !(W.Is(e, '.') && W.Digit(e + 1));

        /// <summary>The pattern's <c>month</c> (name, and a dot before a figure): pairs of (end of the name, end).</summary>
        private void Months(int p, Span<(int Name, int End)> months, out int count)
        {
            Span<int> names = stackalloc int[MaxEnds];
            W.Ends(g._months, p, ref names);
            count = 0;
            foreach (var e in names)
            {
                if (W.Is(e, '-') && W.Letter(e + 1))
                    continue;
                if (W.Is(e, '.'))
                {
                    var w = W.Blank(e + 1);
                    if (w > e + 1 && w < end && char.IsDigit(text[w]))
                        months[count++] = (e, e + 1);
                }
                months[count++] = (e, e);
            }
        }

        /// <summary>The pattern's <c>weekdayLead</c>: the ends of its readings, then <paramref name="p"/> for none.</summary>
        private void WeekdayLeads(int p, Span<int> starts, out int count)
        {
            Span<int> names = stackalloc int[MaxEnds];
            W.Ends(g._weekdays, p, ref names);
            count = 0;
            foreach (var wd in names)
            {
                var commas = W.Is(wd, ',') ? 2 : 1;
                for (var k = 0; k < commas; k++)
                {
                    var c = commas == 2 && k == 0 ? wd + 1 : wd;
                    var w = W.Blank(c);
                    if (w == c)
                        continue;
                    var t = W.Lit(w, g._the);
                    if (t >= 0 && W.Blank(t) > t && count < starts.Length)
                        starts[count++] = W.Blank(t);
                    if (count < starts.Length)
                        starts[count++] = w;
                }
            }
            if (count < starts.Length)
                starts[count++] = p;
            else
                W.Overflowed = true;
        }

        /// <summary><c>(?:,?\s+{year}|{yearRel})?</c> and the end of the date.</summary>
        private bool YearTailThenFinal(int e)
        {
            var commas = W.Is(e, ',') ? 2 : 1;
            for (var k = 0; k < commas; k++)
            {
                var c = commas == 2 && k == 0 ? e + 1 : e;
                var w = W.Blank(c);
                if (w == c)
                    continue;
                var y = Year(w);
                if (y >= 0)
                {
                    M.Year = new Part(w, y);
                    if (Final(y))
                        return true;
                    M.Year = default;
                }
            }
            if (YearRelThenFinal(e))
                return true;
            return Final(e);
        }

        /// <summary><c>\s+(?:of\s+)?(?&lt;yrel&gt;last|next|this)\s+year(?![a-z])</c>, then the end of the date.</summary>
        private bool YearRelThenFinal(int e)
        {
            var w = W.Blank(e);
            if (w == e)
                return false;
            var of = W.Lit(w, g._of);
            var afterOf = of >= 0 && W.Blank(of) > of ? W.Blank(of) : -1;
            for (var k = 0; k < 2; k++)
            {
                var s = k == 0 ? afterOf : w;
                if (s < 0)
                    continue;
                foreach (var word in g._yearRelatives)
                {
                    var r = W.Lit(s, word);
                    if (r < 0)
                        continue;
                    var w2 = W.Blank(r);
                    var y = w2 > r ? W.Lit(w2, g._year) : -1;
                    if (y < 0 || W.Letter(y))
                        continue;
                    M.Yrel = new Part(s, r);
                    if (Final(y))
                        return true;
                }
            }
            M.Yrel = default;
            return false;
        }

        private bool DayMonth(int p)
        {
            Span<int> leads = stackalloc int[MaxEnds];
            WeekdayLeads(p, leads, out var leadCount);
            Span<(int, int)> days = stackalloc (int, int)[8];
            Span<(int, int)> months = stackalloc (int, int)[MaxEnds * 2];
            foreach (var s1 in leads[..leadCount])
            {
                var t = W.Lit(s1, g._the);
                var afterThe = t >= 0 && W.Blank(t) > t ? W.Blank(t) : -1;
                for (var k = 0; k < 2; k++)
                {
                    var s2 = k == 0 ? afterThe : s1;
                    if (s2 < 0)
                        continue;
                    foreach (var (figure, dayEnd) in days[..Days(s2, days)])
                    {
                        M.Day = new Part(s2, figure);
                        var w = W.Blank(dayEnd);
                        var of = w > dayEnd ? W.Lit(w, g._of) : -1;
                        for (var j = 0; j < 2; j++)
                        {
                            var x = j == 0 ? of : dayEnd;
                            if (x < 0)
                                continue;
                            var m0 = W.Blank(x);
                            if (m0 == x)
                                continue;
                            Months(m0, months, out var monthCount);
                            foreach (var (name, monthEnd) in months[..monthCount])
                            {
                                if (W.Letter(monthEnd))
                                    continue;
                                M.Month = new Part(m0, name);
                                if (YearTailThenFinal(monthEnd))
                                    return true;
                            }
                        }
                    }
                }
            }
            (M.Day, M.Month) = (default, default);
            return false;
        }

        private bool MonthDay(int p)
        {
            Span<int> leads = stackalloc int[MaxEnds];
            WeekdayLeads(p, leads, out var leadCount);
            Span<(int, int)> days = stackalloc (int, int)[8];
            Span<(int, int)> months = stackalloc (int, int)[MaxEnds * 2];
            foreach (var s1 in leads[..leadCount])
            {
                Months(s1, months, out var monthCount);
                foreach (var (name, monthEnd) in months[..monthCount])
                {
                    var w = W.Blank(monthEnd);
                    if (w == monthEnd)
                        continue;
                    M.Month = new Part(s1, name);
                    foreach (var (figure, dayEnd) in days[..Days(w, days)])
                    {
                        M.Day = new Part(w, figure);
                        if (YearTailThenFinal(dayEnd))
                            return true;
                    }
                }
            }
            (M.Day, M.Month) = (default, default);
            return false;
        }

        private bool MonthYear(int p)
        {
            Span<(int, int)> months = stackalloc (int, int)[MaxEnds * 2];
            Months(p, months, out var monthCount);
            foreach (var (name, monthEnd) in months[..monthCount])
            {
                M.Month = new Part(p, name);
                var commas = W.Is(monthEnd, ',') ? 2 : 1;
                for (var k = 0; k < commas; k++)
                {
                    var c = commas == 2 && k == 0 ? monthEnd + 1 : monthEnd;
                    var w = W.Blank(c);
                    if (w == c)
                        continue;
                    var of = W.Lit(w, g._of);
                    var afterOf = of >= 0 && W.Blank(of) > of ? W.Blank(of) : -1;
                    for (var j = 0; j < 2; j++)
                    {
                        var s = j == 0 ? afterOf : w;
                        if (s < 0)
                            continue;
                        var y = Year(s);
                        if (y < 0)
                            continue;
                        M.Year = new Part(s, y);
                        if (Final(y))
                            return true;
                        M.Year = default;
                    }
                }
            }
            M.Month = default;
            return false;
        }

        private bool Ago(int p)
        {
            Span<int> counts = stackalloc int[MaxEnds * 2];
            var n = 0;
            var run = p;
            while (W.Digit(run))
                run++;
            for (var k = Math.Min(4, run - p); k >= 1; k--)
                counts[n++] = p + k;
            Span<int> words = stackalloc int[MaxEnds];
            Span<int> seconds = stackalloc int[MaxEnds];
            W.Ends(g._countWords, p, ref words);
            foreach (var w in words)
            {
                if (W.Is(w, '-'))
                {
                    var second = seconds;
                    W.Ends(g._countWords, w + 1, ref second);
                    foreach (var x in second)
                        n = W.Add(counts, n, x);
                }
                n = W.Add(counts, n, w);
            }
            words = seconds;
            W.Ends(g._article, p, ref words);
            foreach (var a in words)
                n = W.Add(counts, n, a);

            foreach (var c in counts[..n])
            {
                var w = W.Blank(c);
                if (w == c)
                    continue;
                M.N = new Part(p, c);
                foreach (var unit in g._units)
                {
                    var u = W.Lit(w, unit);
                    if (u < 0)
                        continue;
                    M.Unit = new Part(w, u);
                    var plurals = u < end && text[u] is 's' or 'S' ? 2 : 1;
                    for (var k = 0; k < plurals; k++)
                    {
                        var e = plurals == 2 && k == 0 ? u + 1 : u;
                        var w2 = W.Blank(e);
                        if (w2 == e)
                            continue;
                        foreach (var direction in g._directions)
                        {
                            var d = W.Lit(w2, direction);
                            if (d < 0)
                                continue;
                            M.Dir = new Part(w2, d);
                            if (Final(d))
                                return true;
                        }
                    }
                }
            }
            (M.N, M.Unit, M.Dir) = (default, default, default);
            return false;
        }

        /// <summary><c>(?:{mod})?(?:(?&lt;wdx&gt;{weekday})|(?&lt;mo&gt;{monthOnly}))</c>.</summary>
        private bool ModThen(int p)
        {
            var modEnd = -1;
            foreach (var word in g._modWords)
            {
                var e = W.Lit(p, word);
                if (e >= 0 && W.Blank(e) > e)
                {
                    modEnd = e;
                    break;
                }
            }
            for (var k = 0; k < 2; k++)
            {
                if (k == 0 && modEnd < 0)
                    continue;
                M.Mod = k == 0 ? new Part(p, modEnd) : default;
                var s = k == 0 ? W.Blank(modEnd) : p;
                M.Form = DateForm.Weekday;
                if (Weekday(s))
                    return true;
                M.Form = DateForm.MonthOnly;
                if (MonthOnly(s))
                    return true;
            }
            M.Mod = default;
            return false;
        }

        private bool Weekday(int s)
        {
            Span<int> names = stackalloc int[MaxEnds];
            W.Ends(g._weekdays, s, ref names);
            foreach (var wd in names)
            {
                M.Wd = new Part(s, wd);
                if (DayPartThenFinal(wd))
                    return true;
            }
            M.Wd = default;
            return false;
        }

        private bool DayPartThenFinal(int e)
        {
            var w = W.Blank(e);
            if (w > e)
            {
                foreach (var part in g._dayParts)
                {
                    var d = W.Lit(w, part);
                    if (d >= 0 && Final(d))
                        return true;
                }
            }
            return Final(e);
        }

        private bool MonthOnly(int s)
        {
            Span<(int, int)> months = stackalloc (int, int)[MaxEnds * 2];
            Months(s, months, out var monthCount);
            foreach (var (name, monthEnd) in months[..monthCount])
            {
                M.Month = new Part(s, name);
                if (YearRelThenFinal(monthEnd) || Final(monthEnd))
                    return true;
            }
            M.Month = default;
            return false;
        }

        private bool Relative(int p)
        {
            Span<int> phrases = stackalloc int[MaxEnds];
            W.Ends(g._relatives, p, ref phrases);
            foreach (var r in phrases)
            {
                M.Rel = new Part(p, r);
                if (DayPartThenFinal(r))
                    return true;
            }
            M.Rel = default;
            return false;
        }
    }
}
