using System.CommandLine;
using Sitrep.Geo;
using Sitrep.Geo.Index;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep gazetteer build|lookup|bench</c>: the place index and what is in it.</summary>
internal sealed class GazetteerCommand
{
    public static Command Create()
    {
        var command = new Command("gazetteer", "Build and query the place index (GeoNames data, CC BY 4.0)");
        command.Subcommands.Add(BuildCommand());
        command.Subcommands.Add(LookupCommand());
        command.Subcommands.Add(GeocodeCommand());
        command.Subcommands.Add(GazetteerBenchCommand.Create());
        return command;
    }

    private static Command BuildCommand()
    {
        var cities = new Option<string?>("--cities") { Description = "Worldwide settlements file, cities500.txt (default: .cache/geonames/cities500.txt)" };
        var country = new Option<string[]>("--country")
        {
            Description = "GeoNames country file, .txt or .zip (RU.txt, BY.zip, ...), added to ../shared/geo/UA.zip when that is present",
            AllowMultipleArgumentsPerToken = true,
        };
        var noCountry = new Option<string?>("--no-country") { Description = "Seas and straits, no-country.txt (default: ../shared/geo/no-country.txt when present)" };
        var admin1 = new Option<string?>("--admin1") { Description = "First-level division names, admin1CodesASCII.txt (default: ../shared/geo/admin1CodesASCII.txt when present)" };
        var output = new Option<string?>("--out") { Description = "Index file to write (default: $SITREP_GAZETTEER, else .cache/gazetteer.idx)" };
        var command = new Command("build", "Build the place index from GeoNames dump files");
        foreach (var o in new Option[] { cities, country, noCountry, admin1, output })
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            var root = RepositoryRoot();
            var shared = Path.Combine(root, "..", "shared", "geo");
            var citiesPath = parse.GetValue(cities);
            var defaultCities = Path.Combine(root, ".cache", "geonames", "cities500.txt");
            if (citiesPath is null && File.Exists(defaultCities))
                citiesPath = defaultCities;
            // Country files a user names come on top of the shared Ukraine file, not instead of it.
            var countries = Existing(Path.Combine(shared, "UA.zip")).Concat(parse.GetValue(country) ?? [])
                .DistinctBy(p => Path.GetFullPath(p)).ToArray();
            var sources = new GazetteerSources
            {
                Cities = citiesPath,
                CountryFiles = countries,
                NoCountry = parse.GetValue(noCountry) ?? Existing(Path.Combine(shared, "no-country.txt")).FirstOrDefault(),
                Admin1Codes = parse.GetValue(admin1) ?? Existing(Path.Combine(shared, "admin1CodesASCII.txt")).FirstOrDefault(),
            };
            if (sources.Cities is null && sources.CountryFiles.Count == 0)
            {
                Console.Error.WriteLine($"sitrep gazetteer build: no input: {defaultCities} is missing and no --cities or --country was given (scripts/build-gazetteer.sh fetches cities500.txt)");
                return ExitCodes.Usage;
            }
            foreach (var missing in new[] { sources.Cities, sources.NoCountry, sources.Admin1Codes }.Concat(sources.CountryFiles))
                if (missing is not null && !File.Exists(missing))
                {
                    Console.Error.WriteLine($"sitrep gazetteer build: {missing}: no such file");
                    return ExitCodes.Usage;
                }
            // By default the index goes where the other verbs will look for it.
            var outPath = parse.GetValue(output)
                          ?? (Environment.GetEnvironmentVariable("SITREP_GAZETTEER") is { Length: > 0 } env ? env : Path.Combine(root, ".cache", "gazetteer.idx"));
            try
            {
                var report = GazetteerBuilder.Build(sources, outPath, new Progress(line => Console.Error.WriteLine($"gazetteer: {line}")));
                foreach (var input in report.Inputs)
                    Console.WriteLine($"input    {input}");
                Console.WriteLine($"wrote    {outPath}: {report.Entries:N0} places, {report.Names:N0} names, {report.Regions:N0} regions, {report.Bytes / 1048576.0:F1} MiB in {report.Elapsed.TotalSeconds:F1} s");
                Console.WriteLine("data     GeoNames (https://www.geonames.org), CC BY 4.0");
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"sitrep gazetteer build: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static Command LookupCommand()
    {
        var name = new Argument<string>("name") { Description = "Place name as written (any transliteration)" };
        var gazetteer = CommonOptions.Gazetteer();
        var command = new Command("lookup", "List the places a name can stand for");
        command.Arguments.Add(name);
        command.Options.Add(gazetteer);
        command.SetAction(parse =>
        {
            if (CommonOptions.LoadGazetteer(parse.GetValue(gazetteer)) is not { } g)
                return ExitCodes.Usage;
            var query = parse.GetValue(name) ?? "";
            var candidates = g.Lookup(query);
            if (candidates.Count == 0)
            {
                Console.WriteLine($"no place named '{query}'");
                return ExitCodes.Ok;
            }
            foreach (var c in candidates.Take(60))
            {
                var p = c.Place;
                Console.WriteLine($"{p.GeonamesId,10}  {p.Name,-28} {p.Kind,-10} {p.Country,-2} {p.Admin1 ?? "-",-16} {p.Admin2 ?? "-",-22} {p.Lat,9:F4} {p.Lon,9:F4}  {c.FeatureCode,-5} pop {c.Population,9:N0}  {c.HowMatched}: {c.MatchedName}");
            }
            if (candidates.Count > 60)
                Console.WriteLine($"... and {candidates.Count - 60} more");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command GeocodeCommand()
    {
        var files = new Argument<string[]>("files") { Description = "Text files to find and resolve places in" };
        var gazetteer = CommonOptions.Gazetteer();
        var explain = new Option<bool>("--explain") { Description = "Also print the best three candidates of each mention with their scores" };
        var front = new Option<string?>("--front") { Description = "GeoJSON file of front-line polygons or lines: same-named villages nothing else tells apart go to the one near it" };
        var command = new Command("geocode", "Find the places a text names and resolve them, one line per mention");
        command.Arguments.Add(files);
        command.Options.Add(gazetteer);
        command.Options.Add(explain);
        command.Options.Add(front);
        command.SetAction(parse =>
        {
            if (CommonOptions.LoadGazetteer(parse.GetValue(gazetteer)) is not { } g)
                return ExitCodes.Usage;
            FrontPrior? prior = null;
            if (parse.GetValue(front) is { } frontPath)
            {
                try
                {
                    prior = FrontPrior.LoadGeoJson(frontPath);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"sitrep gazetteer geocode: {e.Message}");
                    return ExitCodes.Usage;
                }
            }
            var explaining = parse.GetValue(explain);
            var recognizer = new PlaceRecognizer(g);
            var geocoder = new Geocoder(g) { Prior = prior };
            var exit = ExitCodes.Ok;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"sitrep gazetteer geocode: {file}: {e.Message}");
                    exit = ExitCodes.SomeInputsFailed;
                    continue;
                }
                var mentions = recognizer.Find(text, 0, text.Length);
                var ranked = geocoder.Rank(text, mentions);
                for (var i = 0; i < mentions.Count; i++)
                {
                    var m = mentions[i];
                    var p = ranked[i].Place;
                    var where = p is null ? "not a place" : p.Lat is null ? $"unresolved {p.Kind}" : $"{p.Name} ({p.Kind}, {p.Admin1 ?? "-"}, {p.Country ?? "-"}) {p.Lat:F4},{p.Lon:F4} #{p.GeonamesId}";
                    Console.WriteLine($"{Path.GetFileName(file)}\t{m.Start}\t{m.Text}\t{m.KindHint}\t{where}");
                    if (!explaining)
                        continue;
                    var state = ranked[i].State;
                    foreach (var k in Enumerable.Range(0, state.Scores.Length).OrderByDescending(k => state.Scores[k]).Take(3))
                    {
                        var c = g.ToPlace(state.Candidates[k].Entry, m.Text);
                        Console.WriteLine($"\t\t{state.Scores[k],6:F2} (context {state.Evidence[k],5:F2})  {c.Name} {c.Kind} {c.Country} {c.Admin1} {c.Lat:F3},{c.Lon:F3} #{c.GeonamesId} {state.Candidates[k].Source}");
                    }
                }
            }
            return exit;
        });
        return command;
    }

    private static string[] Existing(string path) => File.Exists(path) ? [Path.GetFullPath(path)] : [];

    /// <summary>The folder holding Sitrep.sln (defaults are relative to it), else the working folder.</summary>
    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    private sealed class Progress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
