using System.Globalization;
using System.Text;

namespace Sitrep.Text;

/// <summary>
/// Splits text into words, numbers and punctuation. Hyphenated names stay whole ("Kh-59",
/// "full-scale") because weapon models and compound adjectives are single lexicon keys; a
/// possessive 's is its own token so that "Russia's" still matches "Russia".
/// </summary>
public static class Tokenizer
{
    [ThreadStatic]
    private static WordFormCache<TokenWord>? _forms;

    private static WordFormCache<TokenWord> Forms => _forms ??= new();

    private static readonly Func<ReadOnlySpan<char>, TokenWord> NormAndLemma = w =>
    {
        var norm = Fold.Normalize(w);
        return new TokenWord(new WordForms(norm, Lemmatize(norm)));
    };

    public static List<Token> Tokenize(string text, int start, int end) =>
        Tokenize(text, start, end, new List<Token>(Math.Max(4, (end - start) / 5)));

    /// <summary>
    /// The tokens of text[start..end) into <paramref name="tokens"/>, cleared first: a caller that
    /// reads one sentence at a time reuses one list instead of making one per sentence.
    /// </summary>
    public static List<Token> Tokenize(string text, int start, int end, List<Token> tokens)
    {
        tokens.Clear();
        var read = SentenceWords.Last;
        read.Begin(text);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = text[j];
                    // A combining accent belongs to its letter: text pasted in decomposed form.
                    if (char.IsLetterOrDigit(d) || d >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark)
                    {
                        j++;
                        continue;
                    }
                    // Keep 1,500 and 1.8 and Kh-59 and Mar'yinka whole; stop before a possessive 's.
                    if (j + 1 < end && char.IsLetterOrDigit(text[j + 1]))
                    {
                        if ((d == ',' || d == '.') && char.IsDigit(text[j - 1]) && char.IsDigit(text[j + 1]))
                        {
                            j++;
                            continue;
                        }
                        if (d is '-' or '\u2011')
                        {
                            j++;
                            continue;
                        }
                        if (IsApostrophe(d) && !IsPossessive(text, j, end))
                        {
                            j++;
                            continue;
                        }
                    }
                    break;
                }
                var kind = IsNumber(text, i, j) ? TokenKind.Number : TokenKind.Word;
                var word = Forms.Get(text.AsSpan(i, j - i), NormAndLemma);
                read.Add(i, j, word.Forms);
                // A figure's lemma is its folded form, which is what Lemmatize makes of digits: the record fits it too.
                tokens.Add(new Token(i, j, kind, word.Norm, kind == TokenKind.Word ? word.Lemma : word.Norm) { Word = word });
                i = j;
                continue;
            }
            if (IsApostrophe(c) && IsPossessive(text, i, end))
            {
                var j = i + 2;
                tokens.Add(new Token(i, j, TokenKind.Word, Possessive.Norm, Possessive.Lemma) { Word = Possessive });
                i = j;
                continue;
            }
            var folded = Fold.Punct(c);
            if (folded < AsciiMarks.Length)
            {
                var mark = AsciiMarks[folded];
                tokens.Add(new Token(i, i + 1, TokenKind.Punct, mark.Norm, mark.Lemma) { Word = mark });
            }
            else
            {
                var p = folded.ToString();
                tokens.Add(new Token(i, i + 1, TokenKind.Punct, p, p));
            }
            i++;
        }
        WorkMeter.Tokenized(tokens.Count);
        return tokens;
    }

    public static List<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    /// <summary>
    /// Each ASCII character as a word record, made once and shared by every thread: punctuation is
    /// a token of its own, and a common one. What a recognizer learns of a mark depends on the mark
    /// alone, so threads that fill in the same record write the same thing.
    /// </summary>
    private static readonly TokenWord[] AsciiMarks = [.. Enumerable.Range(0, 128).Select(c => Mark(((char)c).ToString()))];

    private static readonly TokenWord Possessive = Mark("'s");

    private static TokenWord Mark(string form) => new(new WordForms(form, form));

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsPossessive(string text, int at, int end) =>
        at + 1 < end && (text[at + 1] == 's' || text[at + 1] == 'S') && (at + 2 >= end || !char.IsLetterOrDigit(text[at + 2]));

    private static bool IsNumber(string text, int start, int end)
    {
        for (var k = start; k < end; k++)
            if (!char.IsDigit(text[k]) && text[k] != ',' && text[k] != '.')
                return false;
        return true;
    }

    /// <summary>Plural to singular, enough for lexicon keys: "missiles" → "missile", "batteries" → "battery".</summary>
    public static string Lemmatize(string norm)
    {
        if (norm.Length <= 3 || !norm.EndsWith('s') || norm.EndsWith("ss", StringComparison.Ordinal)
            || norm.EndsWith("us", StringComparison.Ordinal) || norm.EndsWith("is", StringComparison.Ordinal))
            return norm;
        if (norm.EndsWith("ies", StringComparison.Ordinal) && norm.Length > 4)
            return string.Concat(norm.AsSpan(0, norm.Length - 3), "y");
        return norm[..^1];
    }
}

/// <summary>Case and accent folding shared by every lexicon and the gazetteer's callers.</summary>
public static class Fold
{
    public static string Normalize(ReadOnlySpan<char> span)
    {
        var ascii = true;
        foreach (var c in span)
        {
            if (c > 0x7F)
            {
                ascii = false;
                break;
            }
        }
        if (ascii)
        {
            // One allocation per token: lower-case into a buffer, then make the string.
            Span<char> lower = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
            span.ToLowerInvariant(lower);
            return new string(lower);
        }
        // The gazetteer's fold holds the one table of Latin base letters (the build runs with
        // invariant globalization, where string.Normalize decomposes nothing); punctuation
        // inside a token ("Kh-59", "Mar'yinka") is kept in its plain form.
        var sb = new StringBuilder(span.Length);
        foreach (var c in span)
        {
            if (Sitrep.Geo.Text.TextFold.IsWordChar(c))
                Sitrep.Geo.Text.TextFold.AppendFolded(sb, c);
            else
                sb.Append(char.ToLowerInvariant(Punct(c)));
        }
        return sb.ToString();
    }

    /// <summary>
    /// The key under which a case-insensitive regex match is looked up in a lexicon. The regex
    /// engine takes the Kelvin sign for k and the long s for s; lower-casing the upper case of
    /// each letter maps them the same way, so a match the pattern let through finds its row.
    /// </summary>
    public static string CaseKey(ReadOnlySpan<char> span)
    {
        Span<char> key = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        for (var i = 0; i < span.Length; i++)
            key[i] = char.ToLowerInvariant(char.ToUpperInvariant(span[i]));
        return new string(key);
    }

    /// <summary>Typographic punctuation to its plain form.</summary>
    public static char Punct(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' or '`' => '\'',
        '\u201C' or '\u201D' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        _ => c,
    };
}
