using System.CommandLine;
using System.Diagnostics;
using Sitrep.Geo;
using Sitrep.Geo.Index;
using Sitrep.Geo.Resolution;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep gazetteer bench</c>: the round trip name → index → coordinates for every settlement of a
/// country file above a population, failures grouped by why, and the speed of finding and resolving.
/// </summary>
internal static class GazetteerBenchCommand
{
    public static Command Create()
    {
        var gazetteer = CommonOptions.Gazetteer();
        var country = new Option<string?>("--country") { Description = "GeoNames country file to take settlements from (default: ../shared/geo/UA.zip)" };
        var minPopulation = new Option<int>("--min-population") { Description = "Smallest population tested", DefaultValueFactory = _ => 1000 };
        var command = new Command("bench", "Measure the gazetteer: load time, round trip of settlement names, mentions per second (Markdown on stdout)");
        command.Options.Add(gazetteer);
        command.Options.Add(country);
        command.Options.Add(minPopulation);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(gazetteer) ?? Gazetteer.DefaultPath();
            if (path is null || !File.Exists(path))
            {
                Console.Error.WriteLine("sitrep gazetteer bench: no place index; build one with 'sitrep gazetteer build'");
                return ExitCodes.Usage;
            }
            var source = parse.GetValue(country) ?? Path.Combine(GazetteerCommand.RepositoryRoot(), "..", "shared", "geo", "UA.zip");
            if (!File.Exists(source))
            {
                Console.Error.WriteLine($"sitrep gazetteer bench: {source}: no such file");
                return ExitCodes.Usage;
            }
            Run(path, source, parse.GetValue(minPopulation));
            return ExitCodes.Ok;
        });
        return command;
    }

    private enum Verdict { Right, RightSpotOtherId, NotRecognized, Rejected, LeftUnresolved, WrongPlaceSameRegion, WrongPlace }

    private static void Run(string indexPath, string countryFile, int minPopulation)
    {
        var loads = new List<double>();
        Gazetteer g = null!;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            g = Gazetteer.Load(indexPath);
            loads.Add(sw.Elapsed.TotalMilliseconds);
        }
        loads.Sort();
        var rows = GeoNamesReader.Read(countryFile).Where(r => r.FeatureClass == 'P' && r.Population >= minPopulation).ToList();
        var recognizer = new PlaceRecognizer(g);
        var geocoder = new Geocoder(g);

        // Bare names test recall and the no-context ranking; names with their oblast test what war
        // copy usually gives ("Lozova, Kharkiv region").
        var bare = RoundTrip(rows, g, recognizer, geocoder, r => $"Shelling was reported in {r.Name} on Tuesday.");
        // The oblast as war copy writes it, five ways; the raion by its town's name ("Pokrovsk district").
        var raions = GeoNamesReader.Read(countryFile).Where(r => r.FeatureCode == "ADM2")
            .GroupBy(r => $"{r.Admin1}.{r.Admin2}").ToDictionary(x => x.Key, x => RaionTown(x.First().Name));
        Func<GeoNamesRow, string> Qualified(Func<string, string> form) => r =>
            g.RegionNameOf(r.Country, r.Admin1) is { } region ? $"Shelling was reported in {r.Name}{form(region)} on Tuesday." : $"Shelling was reported in {r.Name} on Tuesday.";
        var forms = new (string Label, Func<GeoNamesRow, string> Sentence)[]
        {
            ("\"in NAME, OBLAST\"", Qualified(o => $", {o},")),
            ("\"in NAME, OBLAST region\"", Qualified(o => $", {o} region,")),
            ("\"in NAME in the OBLAST region\"", Qualified(o => $" in the {o} region")),
            ("\"in NAME (OBLAST oblast)\"", Qualified(o => $" ({o} oblast)")),
            ("\"in NAME, RAION district\" (the oblast form where GeoNames gives no raion)", r =>
                raions.TryGetValue($"{r.Admin1}.{r.Admin2}", out var raion) ? $"Shelling was reported in {r.Name}, {raion} district, on Tuesday." : Qualified(o => $", {o} region,")(r)),
        };
        var qualified = forms.Select(f => (f.Label, RoundTrip(rows, g, recognizer, geocoder, f.Sentence))).ToList();

        // Speed once warm: the bare-name sentences again, found only, then found and resolved.
        var findCpu = Cpu();
        var findClock = Stopwatch.StartNew();
        var found = 0;
        foreach (var row in rows)
        {
            var text = $"Shelling was reported in {row.Name} on Tuesday.";
            found += recognizer.Find(text, 0, text.Length).Count;
        }
        var findElapsed = findClock.Elapsed;
        var findCpuTime = Cpu() - findCpu;
        bare = RoundTrip(rows, g, recognizer, geocoder, r => $"Shelling was reported in {r.Name} on Tuesday.");

        // Running text: whole articles (the dev set when present), found per article and resolved together.
        var articles = Directory.Exists(DevFolder) ? Directory.GetFiles(DevFolder, "*.txt").Select(File.ReadAllText).ToList() : [];
        var articleMentions = 0;
        var articleChars = 0L;
        var articleCpu = Cpu();
        var articleClock = Stopwatch.StartNew();
        for (var round = 0; round < 20 && articles.Count > 0; round++)
            foreach (var text in articles)
            {
                var mentions = recognizer.Find(text, 0, text.Length);
                geocoder.Resolve(text, mentions);
                articleMentions += mentions.Count;
                articleChars += text.Length;
            }
        var articleElapsed = articleClock.Elapsed;
        var articleCpuTime = Cpu() - articleCpu;

        Console.WriteLine($"- index: {indexPath} ({new FileInfo(indexPath).Length / 1048576.0:F1} MiB, {g.Count:N0} places)");
        Console.WriteLine($"- load: median {loads[2]:F0} ms, best {loads[0]:F0} ms (5 loads)");
        Console.WriteLine($"- machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} (wall-clock rates suffer when the machine is shared; CPU-time rates less so)");
        Console.WriteLine($"- speed, one sentence per document: {bare.Mentions / bare.Elapsed.TotalSeconds:N0} mentions/s wall ({bare.Mentions / bare.Cpu.TotalSeconds:N0} per CPU-second) found and resolved; {found / findElapsed.TotalSeconds:N0} mentions/s wall ({found / findCpuTime.TotalSeconds:N0} per CPU-second) found only");
        if (articles.Count > 0)
            Console.WriteLine($"- speed on whole articles ({articles.Count} dev articles x 20), found and resolved: {articleMentions / articleElapsed.TotalSeconds:N0} mentions/s wall ({articleMentions / articleCpuTime.TotalSeconds:N0} per CPU-second), {articleChars / 1024.0 / articleElapsed.TotalSeconds:N0} KiB of text/s wall ({articleChars / 1024.0 / articleCpuTime.TotalSeconds:N0} per CPU-second)");
        Console.WriteLine($"- round trip over {rows.Count:N0} settlements of {Path.GetFileName(countryFile)} with population >= {minPopulation:N0} (name -> Find + Resolve -> GeoNames id):");
        foreach (var (label, result) in qualified.Prepend(("bare name: \"in NAME\"", bare)))
        {
            var right = result.Verdicts[Verdict.Right].Count;
            var spot = result.Verdicts[Verdict.RightSpotOtherId].Count;
            Console.WriteLine();
            Console.WriteLine($"{label}: right id {right:N0} ({100.0 * right / rows.Count:F1} %); right id or another feature within 25 km {right + spot:N0} ({100.0 * (right + spot) / rows.Count:F1} %)");
            Console.WriteLine();
            Console.WriteLine("| outcome | count | examples |");
            Console.WriteLine("|---|---:|---|");
            foreach (var (v, list) in result.Verdicts.Where(v => v.Key != Verdict.Right))
                Console.WriteLine($"| {Describe(v)} | {list.Count:N0} | {string.Join("; ", list.Take(v == Verdict.NotRecognized ? 30 : 5))} |");
        }
        GazetteerNamesakeBench.Run(g, countryFile);
    }

    /// <summary>"Pokrovsk Raion" → "Pokrovsk": the raion as copy names it, by its town.</summary>
    private static string RaionTown(string name)
    {
        var space = name.LastIndexOf(' ');
        return space > 0 ? name[..space] : name;
    }

    private static string DevFolder => Path.Combine(GazetteerCommand.RepositoryRoot(), "..", "shared", "eval", "dev");

    private sealed record RoundTripResult(Dictionary<Verdict, List<string>> Verdicts, int Mentions, TimeSpan Elapsed, TimeSpan Cpu);

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static RoundTripResult RoundTrip(List<GeoNamesRow> rows, Gazetteer g, PlaceRecognizer recognizer, Geocoder geocoder, Func<GeoNamesRow, string> sentence)
    {
        var verdicts = Enum.GetValues<Verdict>().ToDictionary(v => v, _ => new List<string>());
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        var mentionCount = 0;
        foreach (var row in rows)
        {
            var text = sentence(row);
            var start = text.IndexOf(row.Name, StringComparison.Ordinal);
            var mentions = recognizer.Find(text, 0, text.Length);
            mentionCount += mentions.Count;
            var ranked = geocoder.Rank(text, mentions);
            var hit = ranked.FirstOrDefault(r => r.Mention.Start == start);
            var (verdict, note) = Judge(row, hit, ranked, g);
            verdicts[verdict].Add($"{row.Name} ({row.Id}, pop {row.Population:N0}){note}");
        }
        return new RoundTripResult(verdicts, mentionCount, clock.Elapsed, Cpu() - cpu);
    }

    private static string Describe(Verdict v) => v switch
    {
        Verdict.RightSpotOtherId => "another feature at the same spot (within 25 km)",
        Verdict.NotRecognized => "retrieval: name not recognized as a place",
        Verdict.Rejected => "ranking: rejected as no place (no-match won)",
        Verdict.LeftUnresolved => "ranking: kept unresolved (namesakes, nothing to tell them apart)",
        Verdict.WrongPlaceSameRegion => "ranking: a namesake in the same oblast, farther than 25 km, won",
        Verdict.WrongPlace => "ranking: a namesake in another oblast, farther than 25 km, won",
        _ => v.ToString(),
    };

    private static (Verdict, string) Judge(GeoNamesRow row, MentionResult? hit, IReadOnlyList<MentionResult> all, Gazetteer g)
    {
        if (hit is null)
            return (Verdict.NotRecognized, all.Count > 0 ? $": found '{all[0].Mention.Text}'" : "");
        var p = hit.Place;
        if (p is null)
            return (Verdict.Rejected, $": {hit.Outcome}");
        if (p.GeonamesId == row.Id)
            return (Verdict.Right, "");
        if (p.Lat is null)
            return (Verdict.LeftUnresolved, $": {hit.State.Candidates.Count} candidates");
        var km = GreatCircle.Km(p.Lat.Value, p.Lon!.Value, row.Lat, row.Lon);
        if (km <= 25)
            return (Verdict.RightSpotOtherId, $" -> {p.Name} {p.GeonamesId}");
        var sameRegion = p.Country == row.Country && p.Admin1 == g.RegionNameOf(row.Country, row.Admin1);
        return (sameRegion ? Verdict.WrongPlaceSameRegion : Verdict.WrongPlace, $" -> {p.Name}, {p.Admin1} ({p.GeonamesId}, {km:F0} km away)");
    }
}
