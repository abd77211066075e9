using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Bench;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store;

namespace Sitrep.Web.Bench;

/// <summary>
/// Dashboard benchmark, run by hand (see BENCHMARKS.md):
///   Sitrep.Web.Bench generate DB COUNT [SEED]   fill a store with about COUNT incidents
///   Sitrep.Web.Bench measure URL [RUNS] [PID]   time the API calls the page makes against a running 'sitrep serve'
///                                               (with its PID, also the server's CPU time per call, from /proc)
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["generate", var db, var count, .. var rest] when int.TryParse(count, out var n):
                Generate(db, n, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 7);
                return 0;
            case ["measure", var url, .. var rest]:
                await Measure(new Uri(url), rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 30,
                    rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : null);
                return 0;
            default:
                Console.Error.WriteLine("usage: Sitrep.Web.Bench generate DB COUNT [SEED] | measure URL [RUNS] [SERVER_PID]");
                return 2;
        }
    }

    // One report per incident, spread over six years and around 48 real towns (jittered up to
    // ~60 km so that a town's strikes are many places, as a front's villages are); one in thirty
    // known only as its oblast; settlements taken and retaken; so that the store clusters almost
    // every report into an incident of its own.
    private static void Generate(string db, int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2019, 1, 1);
        var clock = Stopwatch.StartNew();
        using var store = EventStore.Open(db);
        var batch = new List<ExtractedDocument>();
        var actors = new[] { "RU", "UA" };
        for (var i = 0; i < count; i++)
        {
            var town = Gazette.Towns[random.Next(Gazette.Towns.Length)];
            var roll = random.Next(100);
            var type = roll switch
            {
                < 50 => EventType.Strike, < 60 => EventType.AirDefense, < 75 => EventType.GroundCombat, < 82 => EventType.TerritorialChange,
                < 87 => EventType.Diplomacy, < 91 => EventType.Aid, < 95 => EventType.Policy, < 98 => EventType.Threat, _ => EventType.Cyber,
            };
            var oblastOnly = random.Next(30) == 0;
            var sector = random.Next(1000);
            var place = oblastOnly
                ? new Place($"{town.Admin1} Oblast", PlaceKind.Region, town.Country, town.Admin1, town.Lat, town.Lon, null, $"{town.Admin1} region")
                : new Place($"{town.Name} sector {sector}", PlaceKind.Settlement, town.Country, town.Admin1,
                    Math.Round(town.Lat!.Value + (random.NextDouble() - 0.5) * 1.1, 4), Math.Round(town.Lon!.Value + (random.NextDouble() - 0.5) * 1.6, 4), null, $"{town.Name} sector {sector}");
            var date = start.AddDays(random.Next(6 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var actor = actors[random.Next(2)];
            var armed = type is EventType.Strike or EventType.AirDefense;
            var launched = armed ? random.Next(1, 80) : (int?)null;
            var weapon = armed ? new Weapon(random.Next(2) == 0 ? WeaponClass.Drone : WeaponClass.Missile, random.Next(2) == 0 ? "Shahed-136" : "Kh-101", launched, random.Next(0, launched!.Value + 1)) : null;
            var sentence = $"Report {i}: a {type.ToString().ToLowerInvariant()} at {place.Name} on {date}; officials gave figures.";
            var id = $"g{i:D7}";
            var doc = new Document(id, $"generated/{id}.txt", sentence,
                new DocumentMeta(DateOnly.Parse(date, CultureInfo.InvariantCulture), $"Outlet {random.Next(12)}", $"https://news.example/{id}", null),
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sentence))));
            var record = new EventRecord
            {
                Id = "e1",
                Doc = id,
                Type = type,
                Subtype = type == EventType.TerritorialChange ? (random.Next(2) == 0 ? "captured" : "liberated") : null,
                Date = date,
                DatePrecision = DatePrecision.Day,
                Places = [place],
                Actor = actor,
                TargetActor = actor == "RU" ? "UA" : "RU",
                Weapons = weapon is null ? [] : [weapon],
                Killed = type == EventType.Strike && random.Next(3) > 0 ? random.Next(0, 12) : null,
                Injured = type == EventType.Strike && random.Next(2) > 0 ? random.Next(0, 30) : null,
                ClaimedBy = random.Next(3) switch { 0 => "UA", 1 => "RU", _ => null },
                Confidence = 0.8,
                Evidence = [new Evidence(0, sentence.Length, sentence)],
            };
            batch.Add(new ExtractedDocument(doc, [record]));
            if (batch.Count == 1000)
            {
                store.Ingest(batch);
                batch.Clear();
                if ((i + 1) % 10_000 == 0)
                    Console.Error.WriteLine($"generate: {i + 1:N0} reports, {clock.Elapsed.TotalSeconds:0} s");
            }
        }
        if (batch.Count > 0)
            store.Ingest(batch);
        var totals = store.Statistics().Totals;
        Console.Error.WriteLine($"generate: {totals.Documents:N0} documents, {totals.Incidents:N0} incidents in {clock.Elapsed.TotalSeconds:0} s");
    }

    // The calls the page makes: the map at the opening view and zoomed in, with filters; the
    // timeline's stats; the claims layer at the opening view (cells) and zoomed in (each
    // settlement), as of the last claim and as of a day on the slider; a list page; an incident.
    private static readonly string[] Calls =
    [
        "/api/incidents?view=map&zoom=6&bbox=22.0,44.0,41.0,53.0",
        "/api/incidents?view=map&zoom=6&bbox=22.0,44.0,41.0,53.0&type=strike",
        "/api/incidents?view=map&zoom=6&bbox=22.0,44.0,41.0,53.0&from=2023-03-01&to=2023-03-31",
        "/api/incidents?view=map&zoom=9&bbox=35.8,49.7,36.7,50.2",
        "/api/incidents?view=map&zoom=6&bbox=22.0,44.0,41.0,53.0&oblast=Kharkiv",
        "/api/incidents?view=map&zoom=6&bbox=22.0,44.0,41.0,53.0&weapon=Shahed-136&from=2023-01-01&to=2023-06-30",
        "/api/incidents?view=map&zoom=6&bbox=22.0,44.0,41.0,53.0&claimant=RU&type=strike",
        "/api/stats?size=10000",
        "/api/stats?type=strike&size=10000",
        "/api/claims?view=map&zoom=6&bbox=22.0,44.0,41.0,53.0",
        "/api/claims?view=map&zoom=6&bbox=22.0,44.0,41.0,53.0&as_of=2022-06-30",
        "/api/claims?view=map&zoom=9&bbox=35.8,49.7,36.7,50.2",
        "/api/claims?view=map&zoom=9&bbox=35.8,49.7,36.7,50.2&as_of=2022-06-30",
        "/api/incidents?page=1&size=100",
        "/api/incidents?page=50&size=100&type=strike",
        "/api/events?page=1&size=100&type=strike",
        "/api/incidents/4242",
    ];

    private static async Task Measure(Uri server, int runs, int? pid)
    {
        using var client = new HttpClient { BaseAddress = server };
        var all = new List<double>();
        Console.WriteLine("| call | bytes | median | p95 | server CPU per call |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var call in Calls)
        {
            var bytes = (await client.GetByteArrayAsync(call)).Length; // warm-up
            var times = new List<double>();
            var cpuBefore = CpuMilliseconds(pid);
            for (var r = 0; r < runs; r++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.GetAsync(call);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            all.AddRange(times);
            var cpu = pid is null ? "" : FormattableString.Invariant($"{(CpuMilliseconds(pid) - cpuBefore) / runs:0.0} ms");
            Console.WriteLine(FormattableString.Invariant($"| `{call}` | {bytes:N0} | {Percentile(times, 0.5):0.0} ms | {Percentile(times, 0.95):0.0} ms | {cpu} |"));
        }
        Console.WriteLine(FormattableString.Invariant($"| **every call above** | | {Percentile(all, 0.5):0.0} ms | {Percentile(all, 0.95):0.0} ms | |"));
    }

    // utime + stime of a process, from /proc/PID/stat (clock ticks of 10 ms).
    private static double CpuMilliseconds(int? pid)
    {
        if (pid is null)
            return 0;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}
