using System.Text;

namespace Sitrep.Cli.Tests.Fuzz;

/// <summary>One generated input: a report (text or HTML) and, sometimes, its sidecar.</summary>
internal sealed record FuzzCase(string Name, string Extension, byte[] Report, byte[]? Meta, string Recipe);

/// <summary>
/// Makes hostile variants of the sample reports and sidecars: flipped bits, cut UTF-8, odd
/// Unicode, captions and credits, huge or negative figures, off-calendar dates, runs without a
/// full stop, deep or broken HTML, sidecar fields of every wrong type. Seeded, so a failing
/// case can be made again from its seed and number.
/// </summary>
internal sealed class Mutator
{
    private readonly Random _random;
    private readonly List<(string Extension, string Text, string? Meta)> _samples;

    public Mutator(int seed, string samplesFolder)
    {
        _random = new Random(seed);
        _samples = [];
        foreach (var path in Directory.EnumerateFiles(samplesFolder).Order(StringComparer.Ordinal))
        {
            var ext = Path.GetExtension(path);
            if (ext is not (".txt" or ".html"))
                continue;
            var meta = Path.Combine(samplesFolder, Path.GetFileNameWithoutExtension(path) + ".meta.json");
            _samples.Add((ext, File.ReadAllText(path), File.Exists(meta) ? File.ReadAllText(meta) : null));
        }
        if (_samples.Count == 0)
            throw new InvalidOperationException($"no sample reports in {samplesFolder}");
    }

    /// <summary>Phrases that once broke a stage, or could: each is English a report might hold, or a hostile fragment.</summary>
    private static readonly string[] Phrases =
    [
        " (Photo: Reuters) ", " Jane Doe/AFP ", " Ivan Roe/Sample Wire/Getty Images ", " A file photo of the scene. ",
        " 4294967296 ", " 99999999999999999999999 ", " 2147483648 ", " -5 ", " \u221240 ", " killed -3 people ",
        " 2025 years ago ", " 99999999999 days ago ", " on 31 February ", " on 29 February 2023 ", " in 9999 ", " 0001-01-01 ",
        " 65\u212A ", " \u017Feven drones ", " $1e308 ", " $" + new string('9', 400) + " ", " between 50 and 3 ", " 1.5bn ",
        " 1.1.1.1.1.1 ", " Gen. Lt. Col. St. ", " U.S. ", " Mr. ", " \u201C", "\u201D ", " \u00AB", "\u00BB ", " ; ; ; ", "...", "\u2026",
        " (", ") ", "\"", "'s ", " \u2014 ", " - ", " dozens of ", " hundreds of thousands of ", " a day earlier ", " on Tuesday ",
        " last weekend ", " next year ", " the capital ", " Kyiv ", " Odesa ", " Moscow ", " Shahed-136 ", " Kh-59 ",
        " shot down ", " intercepted ", " of which ", " were killed ", " injured ", "\n", "\n\n", "\r\n", "\t",
        " By Jane Doe ", " Advertisement ", " 12 min ago ", " Updated 3:15 p.m. ET, March 4, 2024 ",
    ];

    /// <summary>Characters that are easy to get wrong: marks, controls, invisible and look-alike letters.</summary>
    private static readonly string[] Oddities =
    [
        "\u0301", "\u200B", "\u200D", "\u200E", "\u202E", "\u00A0", "\u2028", "\u2029", "\uFEFF", "\uFFFD", "\u0000", "\u0007",
        "\u001B", "\u212A", "\u017F", "\u0130", "\u0131", "\uFF11", "\u0661", "\U0001F680", "\u00DF", "\u1E9E", "\u03A3",
        "\u0416", "\u0491", "\u2019", "\u02BC", "\u2011", "\u2212", "\r", "\f", "\v",
    ];

    private static readonly string[] Tags =
    [
        "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<br>", "<b>", "</b>", "<i>", "<table>", "<tr>", "<td>",
        "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<article>", "</article>", "<h1>", "</h1>",
        "<figure>", "<figcaption>", "&amp;", "&#0;", "&#xD800;", "&#x10FFFF;", "&nbsp;", "&lt;", "<a href=\"<x>\">", "</a>",
        "<p class='a\"b'>", "<svg><div>", "<template>", "<math>", "<select><option>", "<!DOCTYPE html>", "<html>", "<body>",
    ];

    public FuzzCase Next(int number)
    {
        var (extension, text, meta) = _samples[_random.Next(_samples.Count)];
        var recipe = new List<string>();
        var html = extension == ".html";
        var mutations = 1 + _random.Next(4);
        for (var m = 0; m < mutations; m++)
            text = MutateText(text, html, recipe);

        var report = Encoding.UTF8.GetBytes(text);
        if (_random.Next(8) == 0)
        {
            report = MutateBytes(report);
            recipe.Add("bytes");
        }

        byte[]? metaBytes = meta is null ? null : Encoding.UTF8.GetBytes(meta);
        if (_random.Next(3) == 0)
        {
            metaBytes = MutateMeta(meta, recipe);
        }
        else if (_random.Next(6) == 0)
        {
            metaBytes = null;
            recipe.Add("no-meta");
        }
        return new FuzzCase($"c{number:D6}", extension, report, metaBytes, string.Join('+', recipe));
    }

    private string MutateText(string text, bool html, List<string> recipe)
    {
        switch (_random.Next(html ? 14 : 12))
        {
            case 0:
                recipe.Add("phrase");
                return Insert(text, Pick(Phrases));
            case 1:
                recipe.Add("phrases");
                for (var i = 0; i < 10; i++)
                    text = Insert(text, Pick(Phrases));
                return text;
            case 2:
                recipe.Add("oddity");
                for (var i = 0; i < 1 + _random.Next(20); i++)
                    text = Insert(text, Pick(Oddities));
                return text;
            case 3:
                recipe.Add("delete");
                return Delete(text);
            case 4:
                recipe.Add("repeat");
                return Repeat(text);
            case 5:
                recipe.Add("join");
                return text.Replace('\n', ' ');
            case 6:
                recipe.Add("truncate");
                return text[..SafeCut(text, _random.Next(text.Length + 1))];
            case 7:
                recipe.Add("case");
                return _random.Next(2) == 0 ? text.ToUpperInvariant() : text.ToLowerInvariant();
            case 8:
                recipe.Add("no-stops");
                return text.Replace(". ", " ", StringComparison.Ordinal).Replace(".\n", "\n", StringComparison.Ordinal);
            case 9:
                recipe.Add("long-run");
                return Insert(text, LongRun());
            case 10:
                recipe.Add("shuffle-lines");
                var lines = text.Split('\n');
                _random.Shuffle(lines);
                return string.Join('\n', lines);
            case 11:
                recipe.Add("numbers");
                return NumberSoup(text);
            case 12:
                recipe.Add("tags");
                for (var i = 0; i < 1 + _random.Next(30); i++)
                    text = Insert(text, Pick(Tags));
                return text;
            default:
                recipe.Add("nest");
                var depth = _random.Next(4) == 0 ? 400 + _random.Next(400) : 1 + _random.Next(100);
                var tag = _random.Next(2) == 0 ? "div" : "b";
                return Insert(text, string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "Drones hit the port." + (_random.Next(2) == 0 ? string.Concat(Enumerable.Repeat($"</{tag}>", depth)) : ""));
        }
    }

    private string LongRun() => _random.Next(3) switch
    {
        0 => string.Concat(Enumerable.Repeat("drones hit the port and ", 500 + _random.Next(2500))),
        1 => string.Concat(Enumerable.Repeat("1.", 1000 + _random.Next(20000))),
        _ => new string('a', 1000 + _random.Next(20000)),
    };

    private string NumberSoup(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && _random.Next(3) == 0)
                sb.Append(_random.Next(4) switch { 0 => "9999999999", 1 => ",000", 2 => ".5", _ => "\u212A" });
            sb.Append(c);
        }
        return sb.ToString();
    }

    private byte[] MutateBytes(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length == 0)
            return copy;
        for (var i = 0; i < 1 + _random.Next(8); i++)
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] MutateMeta(string? meta, List<string> recipe)
    {
        var values = new[]
        {
            "42", "-1", "1e999", "true", "null", "[]", "[\"x\"]", "{}", "{\"a\": 1}", "\"\"", "\"\\ud800\"", "\"\\udc00x\"",
            "\"0001-01-01\"", "\"9999-12-31\"", "\"2024-02-30\"", "\"2024-03-05T25:00\"", "\"yesterday\"", "\"2024-03-05T10:00:00+14:00\"",
            "\"" + new string('x', 10_000) + "\"", "\"\\u0000\"", "\"2024-03-05\"", "\"2025-06-03T23:59:59-12:00\"",
        };
        string Field() => values[_random.Next(values.Length)];
        switch (_random.Next(6))
        {
            case 0:
                recipe.Add("meta-types");
                return Encoding.UTF8.GetBytes($"{{\"published\": {Field()}, \"source\": {Field()}, \"url\": {Field()}, \"title\": {Field()}}}");
            case 1:
                recipe.Add("meta-published");
                return Encoding.UTF8.GetBytes($"{{\"published\": {Field()}}}");
            case 2:
                recipe.Add("meta-broken");
                var text = meta ?? "{\"published\": \"2024-03-05\"}";
                return Encoding.UTF8.GetBytes(text[..SafeCut(text, _random.Next(text.Length))]);
            case 3:
                recipe.Add("meta-root");
                return Encoding.UTF8.GetBytes(_random.Next(3) switch { 0 => "[]", 1 => "42", _ => "\"x\"" });
            case 4:
                recipe.Add("meta-deep");
                var depth = 10 + _random.Next(200);
                return Encoding.UTF8.GetBytes("{\"title\": " + new string('[', depth) + new string(']', depth) + "}");
            default:
                recipe.Add("meta-bytes");
                return MutateBytes(Encoding.UTF8.GetBytes(meta ?? "{\"published\": \"2024-03-05\"}"));
        }
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private string Insert(string text, string piece)
    {
        var at = SafeCut(text, _random.Next(text.Length + 1));
        return string.Concat(text.AsSpan(0, at), piece, text.AsSpan(at));
    }

    private string Delete(string text)
    {
        if (text.Length == 0)
            return text;
        var start = SafeCut(text, _random.Next(text.Length));
        var end = SafeCut(text, Math.Min(text.Length, start + 1 + _random.Next(200)));
        return string.Concat(text.AsSpan(0, start), text.AsSpan(end));
    }

    private string Repeat(string text)
    {
        if (text.Length == 0)
            return text;
        var start = SafeCut(text, _random.Next(text.Length));
        var end = SafeCut(text, Math.Min(text.Length, start + 1 + _random.Next(300)));
        var span = text[start..end];
        return string.Concat(text.AsSpan(0, end), string.Concat(Enumerable.Repeat(span, 1 + _random.Next(50))), text.AsSpan(end));
    }

    /// <summary>A cut point that does not split a surrogate pair (a split pair is a byte-level case of its own).</summary>
    private static int SafeCut(string text, int at) =>
        at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at;
}
