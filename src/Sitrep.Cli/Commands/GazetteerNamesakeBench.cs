using Sitrep.Documents;
using Sitrep.Geo;
using Sitrep.Geo.Index;
using Sitrep.Geo.Resolution;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary>
/// The namesake benchmark: documents that name one of several same-named villages of an oblast
/// with its oblast, and in another sentence two other events of the same week at towns whose
/// names are unique in the country, a given distance from it. Scored with the document prior on
/// and off: how often the right village is chosen, left unresolved, or a wrong namesake chosen.
/// </summary>
internal static class GazetteerNamesakeBench
{
    private const int MaxGroups = 600;
    private const int MinTownPopulation = 1000;

    public static void Run(Gazetteer g, string countryFile)
    {
        var settlements = GeoNamesReader.Read(countryFile).Where(r => r.FeatureClass == 'P' && r.FeatureCode != "PPLX").ToList();
        var byName = settlements.GroupBy(r => r.Name).ToDictionary(x => x.Key, x => x.ToList());
        // Towns a reader can place without doubt: the only feature of that name in the country.
        var unique = settlements.Where(r => r.Population >= MinTownPopulation && byName[r.Name].Count == 1 && g.Lookup(r.Name).Count(c => c.Place.Kind == PlaceKind.Settlement) == 1).ToList();
        var groups = settlements.GroupBy(r => (r.Name, r.Admin1)).Where(x => x.Count() >= 2)
            .OrderBy(x => x.Key.Name, StringComparer.Ordinal).ThenBy(x => x.Key.Admin1, StringComparer.Ordinal).Take(MaxGroups).ToList();
        var cases = new List<(GeoNamesRow Target, string Oblast, GeoNamesRow[] Near)>[2];
        var bands = new[] { (Min: 10.0, Max: 40.0), (Min: 40.0, Max: 80.0) };
        for (var b = 0; b < bands.Length; b++)
        {
            cases[b] = [];
            foreach (var group in groups)
            {
                if (g.RegionNameOf("UA", group.Key.Admin1) is not { } oblast)
                    continue;
                foreach (var target in group.Take(2))
                {
                    var near = unique.Select(u => (Row: u, Km: GreatCircle.Km(u.Lat, u.Lon, target.Lat, target.Lon)))
                        .Where(x => x.Km >= bands[b].Min && x.Km <= bands[b].Max).OrderBy(x => x.Km).Take(2).Select(x => x.Row).ToArray();
                    if (near.Length == 2)
                        cases[b].Add((target, oblast, near));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"namesakes: {groups.Count:N0} names shared by two or more villages of one oblast (first by name), up to two villages each;");
        Console.WriteLine("document: \"Shelling was reported in NAME, OBLAST region, on Tuesday. On Monday, drones hit A and B.\" (A, B: the nearest towns with a name unique in the country, in the distance band); or the first sentence alone, with A and B fed as the run's other events");
        Console.WriteLine();
        Console.WriteLine("| other events at | prior | documents | right village | left unresolved | wrong namesake |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        // In the report itself, or only in the run's other reports (fed to the geocoder as a FrontPrior).
        foreach (var inReport in new[] { true, false })
        for (var b = 0; b < bands.Length; b++)
            foreach (var on in new[] { false, true })
            {
                var recognizer = new PlaceRecognizer(g);
                var tally = new Tally();
                foreach (var (target, oblast, near) in cases[b])
                {
                    var geocoder = inReport ? new Geocoder(g) { DocumentPrior = on }
                        : new Geocoder(g) { Prior = on ? new FrontPrior().Add(near[0].Lat, near[0].Lon).Add(near[1].Lat, near[1].Lon) : null };
                    var text = inReport
                        ? $"Shelling was reported in {target.Name}, {oblast} region, on Tuesday. On Monday, drones hit {near[0].Name} and {near[1].Name}."
                        : $"Shelling was reported in {target.Name}, {oblast} region, on Tuesday.";
                    var start = text.IndexOf(target.Name, StringComparison.Ordinal);
                    var mentions = recognizer.Find(text, 0, text.Length);
                    var places = geocoder.Resolve(text, mentions);
                    var at = mentions.Select((m, i) => (m, i)).FirstOrDefault(x => x.m.Start == start);
                    tally.Judge(at.m is null ? null : places[at.i], target);
                }
                Console.WriteLine($"| {bands[b].Min:F0}-{bands[b].Max:F0} km, {(inReport ? "in the report" : "in other reports of the run")} | {(on ? "on" : "off")} | {cases[b].Count:N0} | {tally.Cells(cases[b].Count)} |");
            }
        RunThroughExtractor(g, cases, bands);
    }

    /// <summary>
    /// The same cases as reports through the extractor's two passes: the village's report, and
    /// one report per town, dated some days before and after it. The run prior takes the towns only
    /// when their reports fall within <see cref="RunPrior.WindowDays"/> days.
    /// </summary>
    private static void RunThroughExtractor(Gazetteer g, List<(GeoNamesRow Target, string Oblast, GeoNamesRow[] Near)>[] cases, (double Min, double Max)[] bands)
    {
        var pipeline = ReportPipeline.Create(g);
        var day = new DateOnly(2024, 3, 7);
        Document Report(string id, string text, DateOnly date) => new(id, id + ".txt", text, new DocumentMeta(date, null, null, null), id);
        Console.WriteLine();
        Console.WriteLine("Through the extractor (`ReportPipeline.Survey`, `RunPrior`, `RunPrior.Revisit`): the village's report \"Russian artillery shelled NAME, OBLAST region, on Tuesday, killing one man.\" and two reports \"A Russian drone struck A (B) on Monday, injuring two people.\", dated the given days before and after it.");
        Console.WriteLine();
        Console.WriteLine("| other events at | other reports | documents | right village | left unresolved or no event | wrong namesake | reports read twice |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        for (var b = 0; b < bands.Length; b++)
            foreach (var gap in new int?[] { null, RunPrior.WindowDays + 3, 2 })
            {
                var tally = new Tally();
                var again = 0;
                foreach (var (target, oblast, near) in cases[b])
                {
                    var village = Report("village", $"Russian artillery shelled {target.Name}, {oblast} region, on Tuesday, killing one man.", day);
                    var survey = pipeline.Survey(village);
                    var prior = new RunPrior().Add(village, survey);
                    if (gap is { } days)
                        for (var k = 0; k < near.Length; k++)
                        {
                            var other = Report($"town{k}", $"A Russian drone struck {near[k].Name} on Monday, injuring two people.", day.AddDays(k == 0 ? -days : days));
                            prior.Add(other, pipeline.Survey(other));
                        }
                    if (prior.PriorFor(village.Id, day, survey.PriorCanDecide) is not null)
                        again++;
                    tally.Judge(prior.Revisit(pipeline, village, survey).SelectMany(e => e.Places).FirstOrDefault(x => x.Mention == target.Name), target);
                }
                var label = gap is { } d ? $"{d} days before and after" : "none";
                Console.WriteLine($"| {bands[b].Min:F0}-{bands[b].Max:F0} km | {label} | {cases[b].Count:N0} | {tally.Cells(cases[b].Count)} | {again:N0} |");
            }
    }

    /// <summary>Where the village's mention was placed, against the village meant: its id or within 5 km is right.</summary>
    private sealed class Tally
    {
        private int _right, _unresolved, _wrong;

        public void Judge(Place? p, GeoNamesRow target)
        {
            if (p?.Lat is null)
                _unresolved++;
            else if (p.GeonamesId == target.Id || GreatCircle.Km(p.Lat.Value, p.Lon!.Value, target.Lat, target.Lon) <= 5)
                _right++;
            else
                _wrong++;
        }

        /// <summary>The right, unresolved and wrong cells of a table row over <paramref name="cases"/> cases.</summary>
        public string Cells(int cases)
        {
            var n = Math.Max(1, cases);
            return $"{_right:N0} ({100.0 * _right / n:F1} %) | {_unresolved:N0} ({100.0 * _unresolved / n:F1} %) | {_wrong:N0} ({100.0 * _wrong / n:F1} %)";
        }
    }
}
