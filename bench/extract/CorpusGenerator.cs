using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Bench.Extract;

/// <summary>
/// Writes a deterministic benchmark corpus from the bundled sample reports: each document is a
/// sample with its places, figures and dates changed, padded with sections of other samples and
/// page noise to a realistic 3-15 KB, as .txt (about 7 in 8) or .html, each with a meta.json.
/// Same samples + seed + size give byte-identical output.
/// </summary>
internal static partial class CorpusGenerator
{
    private const int MinBytes = 3 * 1024;
    private const int MaxBytes = 15 * 1024;
    private const int FilesPerFolder = 1000;

    // Names used in the samples, by kind; each is swapped for a real place of the same kind.
    private static readonly string[] SampleUaCities = ["Odesa", "Kharkiv", "Zaporizhzhia", "Dnipro", "Izmail", "Lviv"];
    private static readonly string[] SampleFrontTowns = ["Pokrovsk", "Chasiv Yar", "Kupiansk", "Toretsk", "Avdiivka"];
    private static readonly string[] SampleVillages = ["Kotliarivka", "Vilne", "Zahryzove"];
    private static readonly string[] SampleRuCities = ["Kursk", "Bryansk", "Belgorod"];
    private static readonly string[] SampleRuTowns = ["Klintsy", "Shebekino"];

    private static readonly string[] UaCities =
    [
        "Odesa", "Kharkiv", "Zaporizhzhia", "Dnipro", "Mykolaiv", "Kherson", "Sumy", "Chernihiv", "Poltava",
        "Kryvyi Rih", "Kropyvnytskyi", "Vinnytsia", "Lviv", "Rivne", "Ternopil", "Khmelnytskyi", "Zhytomyr",
        "Cherkasy", "Ivano-Frankivsk", "Lutsk", "Uzhhorod", "Kramatorsk", "Sloviansk", "Izmail", "Nikopol",
        "Pavlohrad", "Kremenchuk", "Bila Tserkva", "Brovary", "Konotop", "Shostka", "Okhtyrka", "Chuhuiv",
    ];

    private static readonly string[] FrontTowns =
    [
        "Pokrovsk", "Chasiv Yar", "Kupiansk", "Toretsk", "Kostiantynivka", "Myrnohrad", "Siversk", "Lyman",
        "Vuhledar", "Kurakhove", "Velyka Novosilka", "Huliaipole", "Orikhiv", "Vovchansk", "Borova", "Selydove",
        "Avdiivka", "Bakhmut", "Marinka", "Robotyne", "Kurdiumivka", "Dobropillia", "Druzhkivka",
    ];

    private static readonly string[] Villages =
    [
        "Novohrodivka", "Ukrainsk", "Hrodivka", "Novoselivka", "Prohres", "Ocheretyne", "Berdychi", "Umanske",
        "Tsukuryne", "Kalynove", "Nelipivka", "Shcherbynivka", "Zelene Pole", "Synkivka", "Petropavlivka",
        "Stelmakhivka", "Ivanivka", "Krasnohorivka", "Heorhiivka", "Pishchane", "Lozova", "Terny", "Nevske",
        "Staromaiorske", "Urozhaine", "Novomykhailivka", "Kotliarivka", "Vilne", "Zahryzove", "Sokil",
    ];

    private static readonly string[] RuCities =
    [
        "Kursk", "Bryansk", "Belgorod", "Voronezh", "Rostov-on-Don", "Lipetsk", "Oryol", "Tambov", "Saratov",
        "Engels", "Ryazan", "Volgograd", "Kaluga", "Smolensk", "Tuapse", "Novorossiysk", "Krasnodar",
    ];

    private static readonly string[] RuTowns =
    [
        "Klintsy", "Shebekino", "Sudzha", "Rylsk", "Graivoron", "Valuyki", "Novozybkov", "Lgov", "Korenevo",
        "Unecha", "Novoshakhtinsk", "Glushkovo", "Trubchevsk", "Sevsk",
    ];

    private static readonly string[] Sources = ["Sample Wire", "Sample Daily", "Example News Service", "Sample Post", "Sample Broadcasting"];

    private static readonly string[] SectionHeads =
    [
        "In other developments", "Elsewhere in Ukraine", "What we know so far", "Earlier today", "Background",
        "Other news from the front", "Overnight", "Also today",
    ];

    private static readonly string[] Noise =
    [
        "Advertisement",
        "Support our journalism\nSample Wire depends on readers like you. Our reporters in Kyiv and along the front line work every day to bring you the facts. Please consider a small monthly donation to keep our coverage free for everyone.",
        "Sign up for our daily briefing on the war in Ukraine, delivered to your inbox every morning.",
        "(Photo by {PHOTOG} / AFP) Emergency workers at the scene of an attack on {DATE}.",
        "Related: How Ukraine's air defences work, in five charts",
        "Read more: The long road to peace talks",
        "This article has been updated with additional details.",
    ];

    private static readonly string[] Photographers = ["Sergei Supinsky", "Genya Savilov", "Roman Pilipey", "Stringer", "Oleksandr Gimanov", "Anatolii Stepanov"];

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    [GeneratedRegex(@"(?<![\w.,:/$])(\d{1,3})(?![\w:]|[.,]\d)")]
    private static partial Regex SmallNumber();

    [GeneratedRegex(@"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b|\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")]
    private static partial Regex DateText();

    [GeneratedRegex(@"<p[^>]*>(.*?)</p>|<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex HtmlBlocks();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"""published""\s*:\s*""(\d{4}-\d{2}-\d{2})")]
    private static partial Regex PublishedField();

    private sealed record Sample(string Name, List<string> Paragraphs, DateOnly Published);

    public static int Run(string[] args)
    {
        string? samplesDir = null, outDir = null;
        double mb = 60;
        var seed = 42;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--samples": samplesDir = args[++i]; break;
                case "--out": outDir = args[++i]; break;
                case "--mb": mb = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"corpus: unknown argument {args[i]}"); return 2;
            }
        }
        if (samplesDir is null || outDir is null)
        {
            Console.Error.WriteLine("corpus: --samples DIR and --out DIR are required");
            return 2;
        }

        var samples = LoadSamples(samplesDir);
        if (samples.Count == 0)
        {
            Console.Error.WriteLine($"corpus: no samples in {samplesDir}");
            return 2;
        }

        var random = new Random(seed);
        var targetBytes = (long)(mb * 1024 * 1024);
        var tmp = outDir.TrimEnd('/') + ".tmp";
        if (Directory.Exists(tmp))
            Directory.Delete(tmp, recursive: true);
        Directory.CreateDirectory(tmp);

        long total = 0;
        var docs = 0;
        var html = 0;
        var utf8 = new UTF8Encoding(false);
        var firstDay = new DateOnly(2022, 3, 1);
        var days = new DateOnly(2025, 10, 31).DayNumber - firstDay.DayNumber;
        while (total < targetBytes)
        {
            var published = firstDay.AddDays(random.Next(days + 1));
            var main = samples[random.Next(samples.Count)];
            var size = random.Next(MinBytes, MaxBytes + 1);
            var paragraphs = Vary(main, main.Paragraphs, published, random);
            var title = paragraphs[0].Split('\n')[0];
            var asHtml = random.Next(8) == 0;
            // The HTML page furniture adds about 1.5 KB; keep the file within the size range.
            var cap = MaxBytes - (asHtml ? 3500 : 300);
            var length = paragraphs.Sum(p => p.Length + 2);
            while (length < size)
            {
                var other = samples[random.Next(samples.Count)];
                // Skip the other report's headline block: its body reads as a section of this one.
                var body = Vary(other, other.Paragraphs.Skip(Math.Min(3, other.Paragraphs.Count - 1)).ToList(), published, random);
                var added = false;
                foreach (var p in Prepend(SectionHeads[random.Next(SectionHeads.Length)], body))
                {
                    if (length + p.Length + 2 > Math.Min(size + 1500, cap))
                        break;
                    paragraphs.Add(p);
                    length += p.Length + 2;
                    added = true;
                    if (random.Next(6) == 0 && NoiseParagraph(random, published) is var noise && length + noise.Length + 2 <= cap)
                    {
                        paragraphs.Add(noise);
                        length += noise.Length + 2;
                    }
                }
                if (!added)
                    break;
            }

            var folder = Path.Combine(tmp, (docs / FilesPerFolder).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var id = $"bench-{docs:D6}";
            var content = asHtml ? ToHtml(title, paragraphs[0].Split('\n').Skip(1).Concat(paragraphs.Skip(1)).ToList(), published) : string.Join("\n\n", paragraphs) + "\n";
            var bytes = utf8.GetBytes(content);
            File.WriteAllBytes(Path.Combine(folder, id + (asHtml ? ".html" : ".txt")), bytes);
            var source = Sources[random.Next(Sources.Length)];
            var meta = $"{{\"published\": \"{published:yyyy-MM-dd}\", \"source\": \"{source}\", \"url\": \"https://example.org/bench/{id}\", \"title\": \"{JsonEscape(title)}\"}}\n";
            File.WriteAllText(Path.Combine(folder, id + ".meta.json"), meta, utf8);
            total += bytes.Length;
            docs++;
            html += asHtml ? 1 : 0;
        }

        if (Directory.Exists(outDir))
            Directory.Delete(outDir, recursive: true);
        Directory.Move(tmp, outDir);
        File.WriteAllText(Path.Combine(outDir, "CORPUS"),
            $"seed={seed} mb={mb.ToString(CultureInfo.InvariantCulture)} docs={docs} html={html} bytes={total}\n");
        Console.Error.WriteLine($"corpus: {docs} documents ({html} HTML), {total / 1048576.0:0.0} MB in {outDir}");
        return 0;
    }

    private static IEnumerable<string> Prepend(string head, List<string> body)
    {
        yield return head;
        foreach (var p in body)
            yield return p;
    }

    private static List<Sample> LoadSamples(string dir)
    {
        var list = new List<Sample>();
        foreach (var path in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
        {
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".txt" or ".html" or ".htm"))
                continue;
            var raw = File.ReadAllText(path).Replace("\r\n", "\n");
            List<string> paragraphs;
            if (ext == ".txt")
            {
                paragraphs = raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            }
            else
            {
                paragraphs = HtmlBlocks().Matches(raw)
                    .Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, "")).Trim())
                    .Where(p => p.Length > 0)
                    .ToList();
            }
            var metaPath = Path.Combine(dir, Path.GetFileNameWithoutExtension(path) + ".meta.json");
            var published = new DateOnly(2025, 1, 1);
            if (File.Exists(metaPath) && PublishedField().Match(File.ReadAllText(metaPath)) is { Success: true } m2)
                published = DateOnly.ParseExact(m2.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (paragraphs.Count > 0)
                list.Add(new Sample(Path.GetFileNameWithoutExtension(path), paragraphs, published));
        }
        return list;
    }

    /// <summary>The paragraphs with places swapped, dates moved to the new publication day and small figures changed.</summary>
    private static List<string> Vary(Sample sample, List<string> paragraphs, DateOnly published, Random random)
    {
        var swaps = new List<(Regex From, string To)>();
        AddSwaps(swaps, SampleUaCities, UaCities, random);
        AddSwaps(swaps, SampleFrontTowns, FrontTowns, random);
        AddSwaps(swaps, SampleVillages, Villages, random);
        AddSwaps(swaps, SampleRuCities, RuCities, random);
        AddSwaps(swaps, SampleRuTowns, RuTowns, random);
        var shift = published.DayNumber - sample.Published.DayNumber;
        var result = new List<string>(paragraphs.Count);
        foreach (var original in paragraphs)
        {
            // Dates aside first, so that their day numbers are not taken for figures.
            var dates = new List<string>();
            var text = DateText().Replace(original, m =>
            {
                dates.Add(ShiftDate(m, shift));
                return $"\u0001{dates.Count - 1}\u0001";
            });
            foreach (var (from, to) in swaps)
                text = from.Replace(text, to);
            text = SmallNumber().Replace(text, m =>
            {
                var n = int.Parse(m.Value, CultureInfo.InvariantCulture);
                if (n < 2)
                    return m.Value;
                var scaled = Math.Max(2, (int)Math.Round(n * (0.5 + random.NextDouble() * 1.1)));
                return scaled.ToString(CultureInfo.InvariantCulture);
            });
            for (var i = 0; i < dates.Count; i++)
                text = text.Replace($"\u0001{i}\u0001", dates[i]);
            result.Add(text);
        }
        return result;
    }

    private static void AddSwaps(List<(Regex, string)> swaps, string[] from, string[] pool, Random random)
    {
        var picks = pool.OrderBy(_ => random.Next()).Take(from.Length).ToArray();
        for (var i = 0; i < from.Length; i++)
            swaps.Add((new Regex($@"\b{Regex.Escape(from[i])}\b", RegexOptions.CultureInvariant), picks[i]));
    }

    private static string ShiftDate(Match m, int shift)
    {
        var g = m.Groups;
        if (g[1].Success)
        {
            var d = Clamp(int.Parse(g[3].Value), Array.IndexOf(Months, g[2].Value) + 1, int.Parse(g[1].Value)).AddDays(shift);
            return $"{d.Day} {Months[d.Month - 1]} {d.Year}";
        }
        if (g[4].Success)
        {
            var d = Clamp(int.Parse(g[6].Value), Array.IndexOf(Months, g[4].Value) + 1, int.Parse(g[5].Value)).AddDays(shift);
            return $"{Months[d.Month - 1]} {d.Day}, {d.Year}";
        }
        var iso = Clamp(int.Parse(g[7].Value), int.Parse(g[8].Value), int.Parse(g[9].Value)).AddDays(shift);
        return iso.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static DateOnly Clamp(int year, int month, int day)
    {
        month = Math.Clamp(month, 1, 12);
        return new DateOnly(year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(year, month)));
    }

    private static string NoiseParagraph(Random random, DateOnly published)
    {
        var noise = Noise[random.Next(Noise.Length)];
        return noise
            .Replace("{PHOTOG}", Photographers[random.Next(Photographers.Length)])
            .Replace("{DATE}", $"{Months[published.Month - 1]} {published.Day}, {published.Year}");
    }

    private static string ToHtml(string title, List<string> paragraphs, DateOnly published)
    {
        var sb = new StringBuilder();
        var t = WebUtility.HtmlEncode(title);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(t).Append(" | Sample Wire</title>\n")
          .Append("<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>\n")
          .Append("<style>.ad-slot{min-height:250px}</style>\n</head>\n<body>\n")
          .Append("<header><a href=\"/\">Sample Wire</a><nav><ul><li><a href=\"/world\">World</a></li><li><a href=\"/ukraine\">Ukraine war</a></li><li><a href=\"/subscribe\">Subscribe</a></li></ul></nav></header>\n")
          .Append("<main>\n<article>\n<h1>").Append(t).Append("</h1>\n")
          .Append("<p class=\"byline\">By Sample Wire reporters &middot; <time datetime=\"").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
          .Append(published.Day).Append(' ').Append(Months[published.Month - 1]).Append(' ').Append(published.Year).Append("</time></p>\n");
        foreach (var p in paragraphs)
        {
            if (p.StartsWith("(Photo by", StringComparison.Ordinal))
                sb.Append("<figure><img src=\"/img/photo.jpg\" alt=\"\"><figcaption>").Append(WebUtility.HtmlEncode(p)).Append("</figcaption></figure>\n");
            else if (p == "Advertisement")
                sb.Append("<div class=\"ad-slot\">Advertisement</div>\n");
            else if (p.Length < 60 && !p.EndsWith('.'))
                sb.Append("<h2>").Append(WebUtility.HtmlEncode(p)).Append("</h2>\n");
            else
                sb.Append("<p>").Append(WebUtility.HtmlEncode(p).Replace("\n", "<br>")).Append("</p>\n");
        }
        sb.Append("<aside><h3>Read more</h3><ul><li><a href=\"/a\">Winter power cuts explained</a></li></ul></aside>\n")
          .Append("</article>\n</main>\n<footer><p>&copy; Sample Wire</p><nav><a href=\"/about\">About</a> | <a href=\"/privacy\">Privacy</a></nav></footer>\n")
          .Append("<script src=\"/static/analytics.js\" async></script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string JsonEscape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case < ' ': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
