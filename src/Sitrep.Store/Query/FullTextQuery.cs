using System.Globalization;
using System.Text;

namespace Sitrep.Store.Query;

/// <summary>
/// Reads a --text expression in SQLite FTS5's syntax (words, "phrases", prefix*, AND, OR, NOT,
/// parentheses; adjacent terms AND-ed) and writes it as a PostgreSQL tsquery, so one expression
/// finds the same events in either store. Words are split as FTS5's unicode61 tokenizer splits
/// them (at every character that is not a letter or a digit), which is also how the stored
/// tsvector is split (see Postgres/Schema.sql). What FTS5 refuses, this refuses, with a message.
/// </summary>
internal static class FullTextQuery
{
    /// <exception cref="QueryException">The expression is not valid FTS5, or uses NEAR, column filters or '+', which have no tsquery form here.</exception>
    public static string ToTsQuery(string expression)
    {
        var parser = new Parser(expression);
        var query = parser.Or();
        if (!parser.AtEnd)
            throw parser.Error();
        return query;
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _at >= text.Length;
            }
        }

        // FTS5's precedence, tightest first: NOT, AND (written or implied), OR.
        public string Or()
        {
            var left = And();
            while (Keyword("OR"))
                left = $"({left} | {And()})";
            return left;
        }

        private string And()
        {
            var left = Not();
            while (true)
            {
                if (Keyword("AND"))
                    left = $"({left} & {Not()})";
                else if (StartsTerm())
                    left = $"({left} & {Not()})";
                else
                    return left;
            }
        }

        private string Not()
        {
            var left = Primary();
            while (Keyword("NOT"))
                left = $"({left} & !{Primary()})";
            return left;
        }

        private string Primary()
        {
            SkipSpace();
            if (_at >= text.Length)
                throw Error();
            var c = text[_at];
            if (c == '(')
            {
                _at++;
                var inner = Or();
                SkipSpace();
                if (_at >= text.Length || text[_at] != ')')
                    throw Error();
                _at++;
                return inner;
            }
            string words;
            if (c == '"')
                words = QuotedString();
            else if (IsBareword(c))
            {
                var start = _at;
                while (_at < text.Length && IsBareword(text[_at]))
                    _at++;
                words = text[start.._at];
                if (words is "AND" or "OR" or "NOT")
                    throw Error(start);
                if (words == "NEAR" && _at < text.Length && text[_at] == '(')
                    throw new QueryException("NEAR(...) groups are not supported on PostgreSQL; use a \"phrase\" or AND", inText: true);
            }
            else
                throw Error();
            if (_at < text.Length && text[_at] == ':')
                throw new QueryException("column filters (name:) are not supported; the evidence is one column", inText: true);
            var prefix = _at < text.Length && text[_at] == '*';
            if (prefix)
                _at++;
            return Phrase(words, prefix);
        }

        private string QuotedString()
        {
            var value = new StringBuilder();
            _at++;
            while (true)
            {
                if (_at >= text.Length)
                    throw new QueryException("unterminated string", inText: true);
                if (text[_at] == '"')
                {
                    if (_at + 1 < text.Length && text[_at + 1] == '"')
                    {
                        value.Append('"');
                        _at += 2;
                        continue;
                    }
                    _at++;
                    return value.ToString();
                }
                value.Append(text[_at++]);
            }
        }

        // The words of a phrase, each following the last: 'a' <-> 'b' <-> 'c':*.
        private static string Phrase(string words, bool prefix)
        {
            var tokens = Tokens(words);
            if (tokens.Count == 0)
                throw new QueryException($"\"{words}\" holds no word to search for", inText: true);
            var lexemes = tokens.Select(t => "'" + t.Replace("\\", "\\\\").Replace("'", "''") + "'").ToList();
            if (prefix)
                lexemes[^1] += ":*";
            return lexemes.Count == 1 ? lexemes[0] : "(" + string.Join(" <-> ", lexemes) + ")";
        }

        // unicode61: letters, digits and private-use characters make words; everything else parts them.
        private static List<string> Tokens(string words)
        {
            var tokens = new List<string>();
            var current = new StringBuilder();
            foreach (var rune in words.EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.PrivateUse or UnicodeCategory.NonSpacingMark)
                    current.Append(rune.ToString().ToLowerInvariant());
                else if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }
            }
            if (current.Length > 0)
                tokens.Add(current.ToString());
            return tokens;
        }

        private bool Keyword(string word)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _at, word, 0, word.Length) != 0)
                return false;
            var end = _at + word.Length;
            if (end < text.Length && IsBareword(text[end]))
                return false;
            _at = end;
            return true;
        }

        private bool StartsTerm()
        {
            SkipSpace();
            if (_at >= text.Length)
                return false;
            var c = text[_at];
            if (c is '"' or '(')
                return true;
            if (!IsBareword(c))
                return false;
            var end = _at;
            while (end < text.Length && IsBareword(text[end]))
                end++;
            return text[_at..end] is not ("AND" or "OR" or "NOT");
        }

        // FTS5's bareword characters: ASCII letters, digits and '_', and any non-ASCII character.
        private static bool IsBareword(char c) => c > 127 ? !char.IsWhiteSpace(c) : char.IsAsciiLetterOrDigit(c) || c == '_' || c == '\x1a';

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
                _at++;
        }

        public QueryException Error(int? at = null)
        {
            var where = at ?? _at;
            var near = where >= text.Length ? "" : text[where..].Split(' ', 2)[0];
            return new QueryException($"fts5: syntax error near \"{near}\"", inText: true);
        }
    }
}
