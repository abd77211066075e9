using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Tests;

/// <summary>
/// A generated corpus with known truth for measuring incident clustering: several outlets retell
/// the same incidents in their own words, with their own figures, spellings, actors and dates
/// (an overnight attack dated by its evening or by the morning after), their own count of the
/// wounded, the weapon named or left out (now and then the wrong one), some naming only the
/// oblast, some resolving the town to a second gazetteer entry a little off; and many separate
/// incidents happen on the same day in the same oblast, the same village often struck again
/// the next day. Each outlet files one round-up document per oblast and day.
/// </summary>
internal sealed class IncidentCorpus
{
    private static readonly (string Oblast, double Lat, double Lon)[] Oblasts =
    [
        ("Kharkiv", 49.99, 36.23), ("Donetsk", 48.30, 37.80), ("Zaporizhzhia", 47.60, 35.60),
        ("Dnipropetrovsk", 48.30, 34.90), ("Sumy", 50.90, 34.80), ("Kherson", 46.80, 33.20),
    ];

    private static readonly string[] Roots = ["Ivan", "Petr", "Mykhail", "Oleksandr", "Vasyl", "Hryhor", "Andri", "Semen", "Pavl", "Marian", "Bohdan", "Stepan"];
    private static readonly string[] Endings = ["ivka", "opil", "ivske", "ivka Druha", "o-Hrad"];
    private static readonly WeaponClass[] AttackWeapons = [WeaponClass.Drone, WeaponClass.Missile, WeaponClass.GlideBomb, WeaponClass.Artillery];
    private static readonly string[] Outlets = ["Ukrinform", "Kyiv Independent", "Reuters", "TASS", "Suspilne", "RBC-Ukraine", "AP"];
    private static readonly string[] Wordings =
    [
        "{0} was struck, officials said.", "An attack hit {0}, according to the governor.", "Explosions were heard in {0}.",
        "Russian forces shelled {0}.", "Local authorities reported a strike on {0}.", "Fighting was reported near {0}.",
    ];

    public List<(Document Document, List<EventRecord> Events)> Documents { get; } = [];

    /// <summary>The true incident of every report, by (document, event id).</summary>
    public Dictionary<(string Doc, string Id), int> Truth { get; } = [];

    public static IncidentCorpus Generate(int days = 12, int incidentsPerOblastPerDay = 5, int seed = 11)
    {
        var random = new Random(seed);
        var corpus = new IncidentCorpus();
        var villages = Oblasts.Select((o, oi) => Villages(random, o, oi)).ToList();
        var rounds = new Dictionary<(string Outlet, string Oblast, DateOnly Published), List<EventRecord>>();
        var truth = 0;
        var start = new DateOnly(2024, 3, 1);

        for (var day = 0; day < days; day++)
        {
            var date = start.AddDays(day);
            for (var o = 0; o < Oblasts.Length; o++)
            {
                // One oblast a day has a single incident, so its oblast-level reports can be placed.
                var count = (day + o) % Oblasts.Length == 0 ? 1 : incidentsPerOblastPerDay;
                foreach (var village in villages[o].OrderBy(_ => random.Next()).Take(count))
                {
                    var incident = truth++;
                    var family = random.Next(3) switch { 0 => EventType.GroundCombat, _ => EventType.Strike };
                    var night = family == EventType.Strike && random.Next(2) == 0;
                    var killed = random.Next(4) == 0 ? (int?)null : random.Next(0, 9);
                    var injured = random.Next(4) == 0 ? (int?)null : random.Next(0, 15);
                    var weapon = family == EventType.Strike ? AttackWeapons[random.Next(AttackWeapons.Length)] : (WeaponClass?)null;
                    var tellers = Outlets.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToList();
                    foreach (var outlet in tellers)
                    {
                        // An overnight attack: dated by the morning and published that day, or dated by the evening before and published the morning after.
                        var eventDate = night && random.Next(2) == 0 ? date.AddDays(-1) : date;
                        var published = night ? date : date.AddDays(random.Next(2));
                        var place = random.Next(100) switch
                        {
                            < 8 => OblastPlace(Oblasts[o]),
                            < 18 => SecondEntry(village),
                            _ => village with { Mention = Respell(village.Name, random) },
                        };
                        var key = (outlet, Oblasts[o].Oblast, published);
                        if (!rounds.TryGetValue(key, out var list))
                            rounds[key] = list = [];
                        var doc = $"{outlet.Replace(' ', '-').ToLowerInvariant()}-{Oblasts[o].Oblast.ToLowerInvariant()}-{published:yyyyMMdd}";
                        var id = $"{doc}-e{list.Count}";
                        var text = string.Format(Wordings[random.Next(Wordings.Length)], place.Mention)
                                   + (night ? (eventDate < published ? " The attack came last night." : " The attack came overnight.") : "");
                        list.Add(new EventRecord
                        {
                            Id = id,
                            Doc = doc,
                            Type = family == EventType.Strike && random.Next(5) == 0 ? EventType.AirDefense : family,
                            Date = eventDate.ToString("yyyy-MM-dd"),
                            DatePrecision = DatePrecision.Day,
                            Places = [place],
                            Actor = random.Next(4) == 0 ? null : "RU",
                            TargetActor = random.Next(3) == 0 ? null : "UA",
                            Killed = killed is { } k && random.Next(3) > 0 ? Math.Max(0, k + random.Next(-1, 2)) : null,
                            Injured = injured is { } w && random.Next(2) == 0 ? Math.Max(0, w + random.Next(-1, 2)) : null,
                            Weapons = Told(weapon, random),
                            ClaimedBy = outlet == "TASS" ? "RU" : random.Next(2) == 0 ? "UA" : null,
                            Confidence = 0.7,
                            Evidence = [new Evidence(0, text.Length, text)],
                        });
                        corpus.Truth[(doc, id)] = incident;
                    }
                }
            }
        }
        foreach (var ((outlet, _, published), events) in rounds.OrderBy(r => r.Value[0].Doc, StringComparer.Ordinal))
        {
            var doc = events[0].Doc;
            var text = string.Join(" ", events.Select(e => e.Evidence[0].Text));
            corpus.Documents.Add((new Document(doc, $"/corpus/{doc}.txt", text,
                new DocumentMeta(published, outlet, $"https://example.org/{doc}", $"{outlet} round-up"), Reports.Hash(text)), events));
        }
        return corpus;
    }

    /// <summary>Villages of an oblast, at least 8 km apart so two of them never pass for one place.</summary>
    private static List<Place> Villages(Random random, (string Oblast, double Lat, double Lon) oblast, int index)
    {
        var villages = new List<Place>();
        var names = Roots.SelectMany(r => Endings.Select(e => r + e)).OrderBy(_ => random.Next()).ToList();
        var n = 0;
        while (villages.Count < 24)
        {
            var lat = oblast.Lat + (random.NextDouble() - 0.5) * 1.4;
            var lon = oblast.Lon + (random.NextDouble() - 0.5) * 2.0;
            if (villages.Any(v => Distance(v, lat, lon) < 8))
                continue;
            villages.Add(new Place(names[n++], PlaceKind.Settlement, "UA", oblast.Oblast, lat, lon, 100_000 * (index + 1) + n, names[n - 1]));
        }
        return villages;
    }

    private static double Distance(Place p, double lat, double lon)
    {
        var dLat = (p.Lat!.Value - lat) * 111.0;
        var dLon = (p.Lon!.Value - lon) * 111.0 * Math.Cos(lat * Math.PI / 180);
        return Math.Sqrt(dLat * dLat + dLon * dLon);
    }

    /// <summary>The weapon as an outlet tells it: left out a third of the time, and one time in ten another kind.</summary>
    private static IReadOnlyList<Weapon> Told(WeaponClass? weapon, Random random)
    {
        if (weapon is not { } w || random.Next(3) == 0)
            return [];
        var told = random.Next(10) == 0 ? AttackWeapons[random.Next(AttackWeapons.Length)] : w;
        return [new Weapon(told, null, null, null)];
    }

    private static Place OblastPlace((string Oblast, double Lat, double Lon) o) =>
        new($"{o.Oblast} Oblast", PlaceKind.Region, "UA", o.Oblast, o.Lat, o.Lon, null, $"{o.Oblast} region");

    /// <summary>The same village resolved to another gazetteer entry: its own id, a kilometre or two off.</summary>
    private static Place SecondEntry(Place village) =>
        village with { GeonamesId = village.GeonamesId + 50_000, Lat = village.Lat + 0.012, Lon = village.Lon - 0.01 };

    /// <summary>Another transliteration of the name as the outlet wrote it (the gazetteer resolves it to the same place).</summary>
    private static string Respell(string name, Random random) => random.Next(3) switch
    {
        0 => name.Replace("iv", "ov").Replace("y", "i"),
        1 => name.ToUpperInvariant(),
        _ => name,
    };
}

/// <summary>B-cubed precision and recall of a clustering against the truth (Bagga and Baldwin, 1998).</summary>
internal static class BCubed
{
    public static (double Precision, double Recall) Score(IReadOnlyDictionary<(string, string), long> found, IReadOnlyDictionary<(string, string), int> truth)
    {
        var byFound = found.GroupBy(f => f.Value).ToDictionary(g => g.Key, g => g.Select(x => x.Key).ToHashSet());
        var byTruth = truth.GroupBy(t => t.Value).ToDictionary(g => g.Key, g => g.Select(x => x.Key).ToHashSet());
        double precision = 0, recall = 0;
        foreach (var (report, cluster) in found)
        {
            var mine = byFound[cluster];
            var real = byTruth[truth[report]];
            var both = mine.Count(real.Contains);
            precision += (double)both / mine.Count;
            recall += (double)both / real.Count;
        }
        return (precision / found.Count, recall / found.Count);
    }
}
