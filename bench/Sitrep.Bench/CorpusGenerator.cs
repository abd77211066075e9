using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Bench;

/// <summary>
/// A synthetic but realistically shaped corpus: a stream of true incidents over two years, each
/// told by one to four outlets that give slightly different figures and sometimes name only the
/// oblast; every report also mentions other incidents of the same days. Records go to
/// events.jsonl; with text, each report is also written as a .txt with its .meta.json.
/// </summary>
internal sealed class CorpusGenerator(int seed)
{
    private static readonly string[] Outlets = ["Ukrinform", "Kyiv Independent", "RTE", "BBC", "Reuters", "AP", "Meduza", "TASS", "Suspilne", "Al Jazeera", "DW", "France 24"];
    private static readonly (WeaponClass Class, string? Model, string Subtype)[] Arms =
    [
        (WeaponClass.Drone, "Shahed-136", "drone"), (WeaponClass.Drone, "Lancet", "drone"), (WeaponClass.Missile, "Kh-101", "missile"),
        (WeaponClass.Missile, "Iskander-M", "missile"), (WeaponClass.Missile, "Kinzhal", "missile"), (WeaponClass.Missile, "Kalibr", "missile"),
        (WeaponClass.GlideBomb, "KAB-500", "air"), (WeaponClass.Artillery, null, "artillery"), (WeaponClass.Mlrs, "Grad", "artillery"),
    ];

    private readonly Random _random = new(seed);

    private sealed record TrueIncident(int Id, EventType Type, string? Subtype, DateOnly Date, Place Place, string Actor, string Target,
        (WeaponClass Class, string? Model, string Subtype)? Arm, int? Launched, int? Intercepted, int? Killed, int? Injured);

    /// <param name="days">How many days the reports span: 730 (two years) by default.</param>
    /// <param name="mostTold">The most incidents one report tells; a report tells one to this many.</param>
    public (int Documents, int Events) Write(string folder, int documents, bool text, int days = 730, int mostTold = 4)
    {
        Directory.CreateDirectory(folder);
        var reports = Path.Combine(folder, "reports");
        if (text)
            Directory.CreateDirectory(reports);
        using var jsonl = new StreamWriter(Path.Combine(folder, "events.jsonl"), false, new UTF8Encoding(false), 1 << 16);

        var start = new DateOnly(2023, 1, 1);
        var recent = new List<TrueIncident>();
        var events = 0;
        for (var d = 0; d < documents; d++)
        {
            // Reports spread evenly over the days: 100,000 over two years is about 140 a day.
            var published = start.AddDays((int)((long)d * days / Math.Max(1, documents)));
            while (recent.Count < 40 || _random.Next(3) == 0)
                recent.Add(NewIncident(recent.Count == 0 ? 0 : recent[^1].Id + 1, published.AddDays(-_random.Next(0, 2))));
            recent.RemoveAll(i => i.Date < published.AddDays(-2));
            if (recent.Count < 5)
                recent.Add(NewIncident(recent.Count == 0 ? 0 : recent[^1].Id + 1, published));

            var id = $"r{d:D7}";
            var outlet = Outlets[_random.Next(Outlets.Length)];
            var told = recent.OrderBy(_ => _random.Next()).Take(1 + _random.Next(mostTold)).ToList();
            var body = new StringBuilder();
            var records = new List<EventRecord>();
            for (var k = 0; k < told.Count; k++)
            {
                var sentence = Sentence(told[k], outlet);
                var startAt = body.Length;
                body.Append(sentence).Append(' ');
                records.Add(Report(id, $"{id}-{k}", told[k], new Evidence(startAt, startAt + sentence.Length, sentence)));
            }
            foreach (var r in records)
                jsonl.WriteLine(EventJson.Serialize(r));
            events += records.Count;

            if (text)
            {
                File.WriteAllText(Path.Combine(reports, $"{id}.txt"), body.ToString().TrimEnd() + "\n");
                File.WriteAllText(Path.Combine(reports, $"{id}.meta.json"), JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["published"] = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["source"] = outlet,
                    ["url"] = $"https://news.example/{outlet.Replace(' ', '-').ToLowerInvariant()}/{id}",
                    ["title"] = $"{told[0].Place.Name}: {told[0].Type} report",
                }));
            }
            if ((d + 1) % 10_000 == 0)
                Console.Error.WriteLine($"generate: {d + 1:N0} documents, {events:N0} events");
        }
        return (documents, events);
    }

    private TrueIncident NewIncident(int id, DateOnly date)
    {
        var roll = _random.Next(100);
        var type = roll switch
        {
            < 50 => EventType.Strike,
            < 60 => EventType.AirDefense,
            < 75 => EventType.GroundCombat,
            < 80 => EventType.TerritorialChange,
            < 86 => EventType.Diplomacy,
            < 91 => EventType.Aid,
            < 95 => EventType.Policy,
            < 98 => EventType.Threat,
            _ => EventType.Cyber,
        };
        var place = Gazette.Towns[_random.Next(Gazette.Towns.Length)];
        var intoRussia = place.Country == "RU";
        var arm = type is EventType.Strike or EventType.AirDefense ? Arms[_random.Next(Arms.Length)] : ((WeaponClass Class, string? Model, string Subtype)?)null;
        var launched = arm is { Class: WeaponClass.Drone or WeaponClass.Missile } ? _random.Next(1, 120) : (int?)null;
        return new TrueIncident(id, type,
            type switch
            {
                EventType.Strike => arm!.Value.Subtype,
                EventType.AirDefense => "interception",
                EventType.GroundCombat => _random.Next(2) == 0 ? "assault" : "clash",
                EventType.TerritorialChange => _random.Next(2) == 0 ? "captured" : "liberated",
                EventType.Diplomacy => _random.Next(3) == 0 ? "agreement" : "meeting",
                EventType.Aid => "military",
                EventType.Policy => "sanction",
                _ => null,
            },
            date, place, intoRussia ? "UA" : "RU", intoRussia ? "RU" : "UA", arm,
            launched, launched is { } l ? _random.Next(0, l + 1) : null,
            type == EventType.Strike && _random.Next(3) > 0 ? _random.Next(0, 15) : null,
            type == EventType.Strike && _random.Next(2) > 0 ? _random.Next(0, 40) : null);
    }

    /// <summary>One outlet's account: figures off by one now and then, the oblast instead of the town, claims attributed.</summary>
    private EventRecord Report(string doc, string id, TrueIncident t, Evidence evidence)
    {
        int? Vary(int? n) => n is { } v && _random.Next(4) == 0 ? Math.Max(0, v + _random.Next(-1, 3)) : n;
        var place = _random.Next(8) == 0 ? Gazette.Oblast(t.Place.Admin1!, t.Place.Country!) : t.Place;
        return new EventRecord
        {
            Id = id,
            Doc = doc,
            Type = t.Type,
            Subtype = t.Subtype,
            Date = t.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision = DatePrecision.Day,
            Places = [place],
            Actor = _random.Next(6) == 0 ? null : t.Actor,
            TargetActor = t.Target,
            Weapons = t.Arm is { } a ? [new Weapon(a.Class, a.Model, Vary(t.Launched), Vary(t.Intercepted))] : [],
            Killed = Vary(t.Killed),
            Injured = Vary(t.Injured),
            ClaimedBy = _random.Next(3) == 0 ? t.Target : null,
            Background = _random.Next(20) == 0,
            Confidence = Math.Round(0.5 + _random.NextDouble() / 2, 2),
            Evidence = [evidence],
        };
    }

    // Sitrep's own wording, varied enough for full-text search to have something to find.
    private string Sentence(TrueIncident t, string outlet)
    {
        var day = t.Date.DayOfWeek;
        var where = t.Place.Name;
        return t.Type switch
        {
            EventType.Strike when t.Arm is { Class: WeaponClass.Drone } => $"{outlet} said {t.Launched} {t.Arm?.Model} attack drones targeted {where} on {day}, {t.Intercepted} of them downed{Toll(t)}.",
            EventType.Strike when t.Arm is { Class: WeaponClass.Missile } => $"A {t.Arm?.Model} missile attack hit {where} overnight into {day}{Toll(t)}, officials told {outlet}.",
            EventType.Strike => $"Shelling and {t.Arm?.Model ?? "artillery"} fire struck residential streets of {where} on {day}{Toll(t)}.",
            EventType.AirDefense => $"Air defence units over {where} intercepted {t.Intercepted} incoming {t.Arm?.Model ?? "targets"} on {day}.",
            EventType.GroundCombat => $"Heavy fighting continued on the approaches to {where}, with an infantry assault repelled on {day}.",
            EventType.TerritorialChange => $"Troops reported taking control of a village near {where} on {day}.",
            EventType.Diplomacy => $"Officials met in {where} on {day} to discuss security guarantees and reconstruction.",
            EventType.Aid => $"A new package of armoured vehicles and ammunition bound for {where} was announced on {day}.",
            EventType.Policy => $"New sanctions targeting suppliers linked to attacks on {where} were adopted on {day}.",
            EventType.Threat => $"A senior official warned of retaliation for the events around {where} on {day}.",
            _ => $"A cyberattack disrupted municipal services in {where} on {day}.",
        };
    }

    private static string Toll(TrueIncident t) =>
        (t.Killed, t.Injured) switch
        {
            ({ } k, { } i) => $", killing {k} and wounding {i}",
            ({ } k, null) => $", killing {k}",
            (null, { } i) => $", wounding {i}",
            _ => "",
        };
}
