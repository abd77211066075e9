using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>A captured part of a quantity, <c>text[Start..End)</c>; the default is a part not written.</summary>
internal readonly record struct Part(int Start, int End)
{
    public bool Success => End > Start;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);

    public static Part Of(Group g) => g.Success ? new Part(g.Index, g.Index + g.Length) : default;
}

/// <summary>The parts of one quantity, named as the groups of numbers.patterns' <c>quantity</c>.</summary>
internal struct QuantityMatch
{
    public int Index;
    public int End;
    public Part Cue, Dnum, Wnum, Scale, Cur, Curs, Unit, Hdnum, Hwnum, Hscale, Hcur;
    public bool Vague, Pct;

    public static QuantityMatch Of(Match m) => new()
    {
        Index = m.Index,
        End = m.Index + m.Length,
        Cue = Part.Of(m.Groups["cue"]),
        Dnum = Part.Of(m.Groups["dnum"]),
        Wnum = Part.Of(m.Groups["wnum"]),
        Scale = Part.Of(m.Groups["scale"]),
        Cur = Part.Of(m.Groups["cur"]),
        Curs = Part.Of(m.Groups["curs"]),
        Unit = Part.Of(m.Groups["unit"]),
        Hdnum = Part.Of(m.Groups["hdnum"]),
        Hwnum = Part.Of(m.Groups["hwnum"]),
        Hscale = Part.Of(m.Groups["hscale"]),
        Hcur = Part.Of(m.Groups["hcur"]),
        Vague = m.Groups["vague"].Success,
        Pct = m.Groups["pct"].Success,
    };
}

/// <summary>
/// Reads a quantity anchored at one position, by hand, finding exactly what numbers.patterns'
/// <c>quantity</c> finds there, with the same parts. That pattern is large enough that the JIT
/// leaves its compiled form unoptimised, and each match allocates its groups; this walks the
/// same choices in the same order (a greedy option first, an alternation left to right,
/// backing off when the end of the quantity is followed by a letter or digit) and allocates
/// nothing. Words come from the lexicons and number-grammar.tsv. A window the scanner does not
/// model (<see cref="TextScan.ScannerModels"/>) is left to the pattern.
/// </summary>
internal sealed class QuantityScanner
{
    private readonly PhraseList _cues, _vague, _currencyPrefix, _currencySuffix, _units;
    private readonly PhraseList _unitWord, _teenWord, _tensWord, _scaleWord, _scaleAbbr, _article;
    private readonly string _between, _and, _to, _hundred, _dozen, _percentSign, _per, _cent, _percent, _percentage, _point, _plural;

    internal QuantityScanner(
        IEnumerable<string> cues, IEnumerable<string> vague, IEnumerable<string> currencyPrefixes,
        IEnumerable<string> currencySuffixes, IEnumerable<string> units, ILookup<string, string> grammar)
    {
        _cues = new PhraseList(cues, true);
        _vague = new PhraseList(vague, true);
        _currencyPrefix = new PhraseList(currencyPrefixes, false);
        _currencySuffix = new PhraseList(currencySuffixes, true);
        _units = new PhraseList(units, true);
        _unitWord = new PhraseList(NumberWords.OfClass(NumberWords.WordClass.Unit), true);
        _teenWord = new PhraseList(NumberWords.OfClass(NumberWords.WordClass.Teen), true);
        _tensWord = new PhraseList(NumberWords.OfClass(NumberWords.WordClass.Tens), true);
        _scaleWord = new PhraseList(NumberWords.OfClass(NumberWords.WordClass.Scale), true);
        _scaleAbbr = new PhraseList(NumberWords.OfClass(NumberWords.WordClass.Abbr), true);
        _article = new PhraseList(grammar["article"], false);
        string One(string role) => grammar[role].Single();
        _between = One("between");
        _and = One("and");
        _to = One("to");
        _hundred = One("hundred");
        _dozen = One("dozen");
        _percentSign = One("percent-sign");
        _per = One("per");
        _cent = One("cent");
        _percent = One("percent");
        _percentage = One("percentage");
        _point = One("point");
        _plural = One("plural");
    }

    /// <summary>Reads number-grammar.tsv: role, word.</summary>
    internal static ILookup<string, string> ReadGrammar() =>
        DataFiles.ReadTable("number-grammar.tsv").ToLookup(r => r[0], r => r[1], StringComparer.Ordinal);

    /// <summary>The quantity the pattern matches at <paramref name="i"/> in a window ending at <paramref name="end"/>.</summary>
    internal ScanOutcome Match(string text, int i, int end, out QuantityMatch match)
    {
        var run = new Run(this, text, end);
        run.M.Index = i;
        var found = run.Quantity(i);
        match = run.M;
        return run.W.Overflowed ? ScanOutcome.Overflow : found ? ScanOutcome.Found : ScanOutcome.None;
    }

    private enum Then { BetweenAnd, RangeOrSuffix, Suffix }

    /// <summary>
    /// One match attempt. Each step takes where it starts and calls the step after it, so a
    /// false return is the pattern backing off to its next choice; captures set on a path that
    /// fails are cleared before the next choice, as the engine undoes them.
    /// </summary>
    private struct Run(QuantityScanner g, string text, int end)
    {
        private const int MaxEnds = 16;
        public QuantityMatch M;
        public ScanWindow W = new(text, end);

        public bool Quantity(int i)
        {
            Span<int> cues = stackalloc int[MaxEnds];
            W.Ends(g._cues, i, ref cues);
            foreach (var c in cues)
            {
                var w = W.Blank(c);
                if (w == c)
                    continue;
                M.Cue = new Part(i, c);
                if (Body(w))
                    return true;
            }
            M.Cue = default;
            return !W.Overflowed && Body(i);
        }

        private bool Body(int p)
        {
            if (Vague(p))
                return true;
            var b = W.Lit(p, g._between);
            if (b >= 0)
            {
                var w = W.Blank(b);
                if (w > b && Amount(w, high: false, Then.BetweenAnd))
                    return true;
            }
            return Amount(p, high: false, Then.RangeOrSuffix);
        }

        private bool Vague(int p)
        {
            Span<int> vague = stackalloc int[MaxEnds];
            Span<int> scaleBuffer = stackalloc int[MaxEnds];
            W.Ends(g._vague, p, ref vague);
            foreach (var v in vague)
            {
                M.Vague = true;
                var w = W.Blank(v);
                if (w > v)
                {
                    var scales = scaleBuffer;
                    W.Ends(g._scaleWord, w, ref scales);
                    foreach (var s in scales)
                    {
                        if (Final(s))
                            return true;
                    }
                    var h = W.Lit(w, g._hundred);
                    if (h >= 0)
                    {
                        var plural = W.Lit(h, g._plural);
                        if (plural >= 0 && !W.Letter(plural) && Final(plural))
                            return true;
                        if (!W.Letter(h) && Final(h))
                            return true;
                    }
                }
                if (Final(v))
                    return true;
                M.Vague = false;
            }
            return false;
        }

        private bool Amount(int p, bool high, Then then)
        {
            Span<int> prefixes = stackalloc int[MaxEnds];
            W.Ends(g._currencyPrefix, p, ref prefixes);
            foreach (var c in prefixes)
            {
                SetCur(high, new Part(p, c));
                if (W.Space(c) && Number(c + 1, high, then))
                    return true;
                if (Number(c, high, then))
                    return true;
            }
            SetCur(high, default);
            return Number(p, high, then);
        }

        private void SetCur(bool high, Part part)
        {
            if (high)
                M.Hcur = part;
            else
                M.Cur = part;
        }

        private bool Number(int s, bool high, Then then)
        {
            var d = Decimal(s);
            if (d > 0)
            {
                if (high)
                    M.Hdnum = new Part(s, d);
                else
                    M.Dnum = new Part(s, d);
                if (ScaleThen(d, high, then))
                    return true;
                if (high)
                    M.Hdnum = default;
                else
                    M.Dnum = default;
            }
            Span<int> words = stackalloc int[MaxEnds * 4];
            var n = WordNumber(s, words);
            foreach (var w in words[..n])
            {
                if (high)
                    M.Hwnum = new Part(s, w);
                else
                    M.Wnum = new Part(s, w);
                if (ScaleThen(w, high, then))
                    return true;
            }
            if (high)
                M.Hwnum = default;
            else
                M.Wnum = default;
            return false;
        }

        private bool ScaleThen(int n, bool high, Then then)
        {
            var w = W.Blank(n);
            if (w > n)
            {
                Span<int> words = stackalloc int[MaxEnds];
                W.Ends(g._scaleWord, w, ref words);
                foreach (var s in words)
                {
                    SetScale(high, new Part(w, s));
                    if (Next(s, then))
                        return true;
                }
            }
            Span<int> abbrs = stackalloc int[MaxEnds];
            W.Ends(g._scaleAbbr, n, ref abbrs);
            foreach (var s in abbrs)
            {
                SetScale(high, new Part(n, s));
                if (Next(s, then))
                    return true;
            }
            SetScale(high, default);
            return Next(n, then);
        }

        private void SetScale(bool high, Part part)
        {
            if (high)
                M.Hscale = part;
            else
                M.Scale = part;
        }

        private bool Next(int p, Then then)
        {
            if (W.Overflowed)
                return false;
            switch (then)
            {
                case Then.BetweenAnd:
                {
                    var w = W.Blank(p);
                    if (w == p)
                        return false;
                    var a = W.Lit(w, g._and);
                    if (a < 0)
                        return false;
                    var x = W.Blank(a);
                    return x > a && Amount(x, high: true, Then.Suffix);
                }
                case Then.RangeOrSuffix:
                {
                    var w = W.Blank(p);
                    if (w < end && text[w] is '-' or '–' or '—' && Amount(W.Blank(w + 1), high: true, Then.Suffix))
                        return true;
                    if (w > p)
                    {
                        var t = W.Lit(w, g._to);
                        if (t >= 0)
                        {
                            var x = W.Blank(t);
                            if (x > t && Amount(x, high: true, Then.Suffix))
                                return true;
                        }
                    }
                    return Suffix(p);
                }
                default:
                    return Suffix(p);
            }
        }

        private bool Suffix(int p)
        {
            // percent: \s?(%|per\s?cent(?![a-z])|percent(?![a-z])|percentage\s+points?)
            var s = W.Space(p) ? p + 1 : p;
            M.Pct = true;
            var sign = W.Lit(s, g._percentSign);
            if (sign >= 0 && Final(sign))
                return true;
            var per = W.Lit(s, g._per);
            if (per >= 0)
            {
                if (W.Space(per))
                {
                    var c = W.Lit(per + 1, g._cent);
                    if (c >= 0 && !W.Letter(c) && Final(c))
                        return true;
                }
                var joined = W.Lit(per, g._cent);
                if (joined >= 0 && !W.Letter(joined) && Final(joined))
                    return true;
            }
            var percent = W.Lit(s, g._percent);
            if (percent >= 0 && !W.Letter(percent) && Final(percent))
                return true;
            var percentage = W.Lit(s, g._percentage);
            if (percentage >= 0)
            {
                var w = W.Blank(percentage);
                var point = w > percentage ? W.Lit(w, g._point) : -1;
                if (point >= 0)
                {
                    var plural = W.Lit(point, g._plural);
                    if (plural >= 0 && Final(plural))
                        return true;
                    if (Final(point))
                        return true;
                }
            }
            M.Pct = false;

            // \s+(?<curs>currencySuffix)(?![a-z])
            var blank = W.Blank(p);
            if (blank > p)
            {
                Span<int> currencies = stackalloc int[MaxEnds];
                W.Ends(g._currencySuffix, blank, ref currencies);
                foreach (var c in currencies)
                {
                    M.Curs = new Part(blank, c);
                    if (Final(c))
                        return true;
                }
                M.Curs = default;
            }

            // (?:\s+|-)?(?<unit>measureUnit)(?![a-z])
            if (blank > p || (p < end && text[p] == '-'))
            {
                if (Unit(blank > p ? blank : p + 1))
                    return true;
            }
            if (Unit(p))
                return true;
            return Final(p);
        }

        private bool Unit(int u)
        {
            Span<int> units = stackalloc int[MaxEnds];
            W.Ends(g._units, u, ref units);
            foreach (var e in units)
            {
                M.Unit = new Part(u, e);
                if (Final(e))
                    return true;
            }
            M.Unit = default;
            return false;
        }

        private bool Final(int p)
        {
            if (!W.EndsAt(p))
                return false;
            M.End = p;
            return true;
        }

        /// <summary>
        /// numbers.patterns' <c>decimal</c>: an atomic group, so one reading or none; -1 for none.
        /// </summary>
        private readonly int Decimal(int s)
        {
            if (!W.Digit(s))
                return -1;
            var r = s;
            while (W.Digit(r))
                r++;
            var e = -1;
            if (r - s <= 3)
            {
                var k = r;
                while (k + 3 < end && text[k] == ',' && W.Digit(k + 1) && W.Digit(k + 2) && W.Digit(k + 3))
                    k += 4;
                if (k > r)
                    e = Fraction(k);
            }
            if (e < 0)
                e = Fraction(r);
            if (W.Digit(e) || (e + 1 < end && text[e] is ':' or '/' or '.' or ',' && W.Digit(e + 1)))
                return -1;
            return e;
        }

        private readonly int Fraction(int k)
        {
            if (k + 1 < end && text[k] == '.' && W.Digit(k + 1))
            {
                k += 2;
                while (W.Digit(k))
                    k++;
            }
            return k;
        }

        /// <summary>numbers.patterns' <c>wordNumber</c>: its ends, in the pattern's order, into <paramref name="ends"/>.</summary>
        private int WordNumber(int p, Span<int> ends)
        {
            Span<int> bases = stackalloc int[MaxEnds * 4];
            var n = Hundreds(p, bases, 0);
            n = Below100(p, bases, n);
            Span<int> articles = stackalloc int[MaxEnds];
            Span<int> scaleBuffer = stackalloc int[MaxEnds];
            W.Ends(g._article, p, ref articles);
            foreach (var a in articles)
            {
                var w = W.Blank(a);
                if (w == a)
                    continue;
                var scales = scaleBuffer;
                W.Ends(g._scaleWord, w, ref scales);
                if (W.Lit(w, g._dozen) >= 0 || scales.Length > 0)
                    n = W.Add(bases, n, a);
            }
            var count = 0;
            foreach (var b in bases[..n])
            {
                var w = W.Blank(b);
                if (w > b)
                {
                    var d = W.Lit(w, g._dozen);
                    if (d >= 0 && !W.Letter(d))
                        count = W.Add(ends, count, d);
                }
                count = W.Add(ends, count, b);
            }
            return count;
        }

        private int Hundreds(int p, Span<int> ends, int n)
        {
            Span<int> heads = stackalloc int[MaxEnds * 2];
            var h = Below100(p, heads, 0);
            Span<int> articles = stackalloc int[MaxEnds];
            W.Ends(g._article, p, ref articles);
            foreach (var a in articles)
                h = W.Add(heads, h, a);
            foreach (var head in heads[..h])
            {
                var w = W.Blank(head);
                if (w == head)
                    continue;
                var e1 = W.Lit(w, g._hundred);
                if (e1 < 0 || W.Letter(e1))
                    continue;
                var w2 = W.Blank(e1);
                if (w2 > e1)
                {
                    var a = W.Lit(w2, g._and);
                    if (a >= 0)
                    {
                        var x = W.Blank(a);
                        if (x > a)
                            n = Below100(x, ends, n);
                    }
                    n = Below100(w2, ends, n);
                }
                n = W.Add(ends, n, e1);
            }
            return n;
        }

        private int Below100(int p, Span<int> ends, int n)
        {
            Span<int> words = stackalloc int[MaxEnds];
            Span<int> unitBuffer = stackalloc int[MaxEnds];
            W.Ends(g._tensWord, p, ref words);
            foreach (var t in words)
            {
                var r = t;
                while (r < end && (char.IsWhiteSpace(text[r]) || text[r] == '-'))
                    r++;
                if (r > t)
                {
                    var units = unitBuffer;
                    W.Ends(g._unitWord, r, ref units);
                    foreach (var u in units)
                        n = W.Add(ends, n, u);
                }
                n = W.Add(ends, n, t);
            }
            words = unitBuffer;
            W.Ends(g._teenWord, p, ref words);
            foreach (var t in words)
                n = W.Add(ends, n, t);
            words = unitBuffer;
            W.Ends(g._unitWord, p, ref words);
            foreach (var u in words)
                n = W.Add(ends, n, u);
            return n;
        }
    }
}
