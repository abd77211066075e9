using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store;

namespace Sitrep.Web.Tests;

/// <summary>
/// A small database of hand-written reports, each with its text on disk so the incident panel can
/// show it: one strike told by two outlets with different figures, a report whose text and source
/// carry markup, an incident known only as its oblast, one with no place, and settlements claimed
/// by one side and then the other. The server runs over it on a free local port.
/// </summary>
public sealed class Dashboard : ServedDatabase
{
    public static readonly Place Odesa = City("Odesa", "Odesa", 46.4825, 30.7233, 698740);
    public static readonly Place Kharkiv = City("Kharkiv", "Kharkiv", 49.9935, 36.2304, 706483);
    public static readonly Place Pokrovsk = City("Pokrovsk", "Donetsk", 48.2820, 37.1758, 704422);
    public static readonly Place Kyiv = City("Kyiv", "Kyiv City", 50.4501, 30.5234, 703448);
    public static readonly Place Kotliarivka = City("Kotliarivka", "Donetsk", 48.1413, 36.9346, 9112583);
    public static readonly Place Vilne = City("Vilne", "Donetsk", 48.4720, 37.2244, 9112584);
    public static readonly Place SumyOblast = new("Sumy Oblast", PlaceKind.Region, "UA", "Sumy", 50.9, 34.8, 692196, "Sumy region");

    /// <summary>The markup the hostile report carries in its text and as its source's name.</summary>
    public const string ScriptMarkup = "<script>window.__sitrepXss = 1</script>";
    public const string ImageMarkup = "<img src=x onerror=\"window.__sitrepXss = 2\">";

    protected override void Fill(EventStore store)
    {
        foreach (var (document, events) in Reports())
            store.Ingest(document, events);
    }

    public EventStore OpenStore() => EventStore.OpenReadOnly(DatabasePath);

    private IEnumerable<(Document, IReadOnlyList<EventRecord>)> Reports()
    {
        yield return Report("odesa-harbour", "Harbour Daily", "2025-03-14",
            "Drones hit the port district of Odesa before dawn. Three people died and twelve were hurt, the regional governor said. Air defence downed 20 of the 25 drones.",
            (text, doc) => [Strike(doc, "e1", Odesa, "2025-03-14", text, killed: 3, injured: 12, drones: (25, 20), sentences: [0, 1, 2])]);
        yield return Report("odesa-coastline", "Coastline News", "2025-03-14",
            "Four people were killed in Odesa when drones struck the harbour overnight. Twelve more were wounded.",
            (text, doc) => [Strike(doc, "e1", Odesa, "2025-03-14", text, killed: 4, injured: 12, sentences: [0, 1])]);
        yield return Report("kharkiv-markup", $"Wire {ImageMarkup}", "2025-03-20",
            $"Shelling hit Kharkiv on Thursday. {ScriptMarkup} Two residents were injured, {ImageMarkup} officials said.",
            (text, doc) => [Strike(doc, "e1", Kharkiv, "2025-03-20", text, injured: 2, sentences: [0, 1])]);
        yield return Report("sumy-region", "Regional Desk", "2025-03-15",
            "Drones struck the Sumy region overnight, officials said. One person was injured.",
            (text, doc) => [Strike(doc, "e1", SumyOblast, "2025-03-15", text, injured: 1, sentences: [0, 1])]);
        yield return Report("pokrovsk-assault", "Front Report", "2025-04-01",
            "Russian troops assaulted positions near Pokrovsk on Tuesday.",
            (text, doc) => [Event(doc, "e1", EventType.GroundCombat, Pokrovsk, "2025-04-01", text, "RU", "assault", null)]);
        yield return Report("kyiv-visit", "Capital Post", "2025-02-01",
            "A foreign minister visited Kyiv on Saturday for talks.",
            (text, doc) => [Event(doc, "e1", EventType.Diplomacy, Kyiv, "2025-02-01", text, "DE", "visit", null)]);
        yield return Report("aid-package", "Capital Post", "2025-02-03",
            "A new package of military aid was announced on Monday.",
            (text, doc) => [Event(doc, "e1", EventType.Aid, null, "2025-02-03", text, "US", "military", null)]);
        yield return Report("kotliarivka-captured", "Front Report", "2025-04-10",
            "Russia's defence ministry said its forces had captured Kotliarivka.",
            (text, doc) => [Event(doc, "e1", EventType.TerritorialChange, Kotliarivka, "2025-04-10", text, "RU", "captured", "RU")]);
        yield return Report("kotliarivka-liberated", "Front Report", "2025-05-02",
            "Ukraine's army said it had liberated Kotliarivka after a counterattack.",
            (text, doc) => [Event(doc, "e1", EventType.TerritorialChange, Kotliarivka, "2025-05-02", text, "UA", "liberated", "UA")]);
        yield return Report("vilne-captured", "Front Report", "2025-05-05",
            "Russia's defence ministry said its forces had captured Vilne.",
            (text, doc) => [Event(doc, "e1", EventType.TerritorialChange, Vilne, "2025-05-05", text, "RU", "captured", "RU")]);
    }

    private (Document, IReadOnlyList<EventRecord>) Report(string id, string source, string published, string text,
        Func<string, string, IReadOnlyList<EventRecord>> events)
    {
        var path = Path.Combine(Folder, $"{id}.txt");
        File.WriteAllText(path, text);
        File.WriteAllText(Path.Combine(Folder, $"{id}.meta.json"), System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["published"] = published,
            ["source"] = source,
            ["url"] = $"https://news.example/{id}",
            ["title"] = $"Report {id}",
        }));
        var document = DocumentReader.Read(path);
        return (document, events(document.Text, document.Id));
    }

    private static Place City(string name, string admin1, double lat, double lon, long id) =>
        new(name, PlaceKind.Settlement, "UA", admin1, lat, lon, id, name);

    // The evidence of sentence i: the text between the i-th sentence end and the next.
    private static List<Evidence> Sentences(string text, int[] wanted)
    {
        var evidence = new List<Evidence>();
        var start = 0;
        var index = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '.' || (i + 1 < text.Length && text[i + 1] != ' '))
                continue;
            if (wanted.Contains(index))
                evidence.Add(new Evidence(start, i + 1, text[start..(i + 1)]));
            index++;
            start = i + 2;
        }
        return evidence;
    }

    private static EventRecord Strike(string doc, string id, Place place, string date, string text, int? killed = null, int? injured = null,
        (int Launched, int Intercepted)? drones = null, int[]? sentences = null) => new()
    {
        Id = id,
        Doc = doc,
        Type = EventType.Strike,
        Subtype = drones is null ? "artillery" : "drone",
        Date = date,
        DatePrecision = DatePrecision.Day,
        Places = [place],
        Actor = "RU",
        TargetActor = "UA",
        Weapons = drones is { } d ? [new Weapon(WeaponClass.Drone, "Shahed-136", d.Launched, d.Intercepted)] : [],
        Killed = killed,
        Injured = injured,
        ClaimedBy = "UA",
        Confidence = 0.9,
        Evidence = Sentences(text, sentences ?? [0]),
    };

    private static EventRecord Event(string doc, string id, EventType type, Place? place, string date, string text, string actor,
        string? subtype, string? claimedBy) => new()
    {
        Id = id,
        Doc = doc,
        Type = type,
        Subtype = subtype,
        Date = date,
        DatePrecision = DatePrecision.Day,
        Places = place is null ? [] : [place],
        Actor = actor,
        ClaimedBy = claimedBy,
        Confidence = 0.9,
        Evidence = Sentences(text, [0]),
    };
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<Dashboard>
{
    public const string Name = "dashboard";
}
