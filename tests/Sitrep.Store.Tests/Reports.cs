using System.Security.Cryptography;
using System.Text;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Tests;

/// <summary>Synthetic documents and event records: the store is tested without the extractor.</summary>
internal static class Reports
{
    public static readonly Place Kharkiv = City("Kharkiv", "Kharkiv", 49.9935, 36.2304, 706483);
    public static readonly Place Merefa = City("Merefa", "Kharkiv", 49.8231, 36.0500, 701822);   // ~23 km from Kharkiv
    public static readonly Place Chuhuiv = City("Chuhuiv", "Kharkiv", 49.8356, 36.6880, 711369); // ~37 km from Kharkiv
    public static readonly Place Odesa = City("Odesa", "Odesa", 46.4825, 30.7233, 698740);
    public static readonly Place Kyiv = City("Kyiv", "Kyiv City", 50.4501, 30.5234, 703448);
    public static readonly Place KharkivOblast = new("Kharkiv Oblast", PlaceKind.Region, "UA", "Kharkiv", 49.5, 36.5, 706482, "Kharkiv region");

    public static Place City(string name, string admin1, double lat, double lon, long? id = null) =>
        new(name, PlaceKind.Settlement, "UA", admin1, lat, lon, id, name);

    public static Document Doc(string id, string source = "Outlet", string? text = null, string published = "2024-05-10")
    {
        text ??= $"Report {id} from {source}.";
        return new Document(id, $"/reports/{id}.txt", text,
            new DocumentMeta(DateOnly.Parse(published), source, $"https://example.org/{id}", $"Report {id}"), Hash(text));
    }

    public static EventRecord Strike(string doc, string id, Place place, string date = "2024-05-10", int? killed = null, int? injured = null,
        string? actor = "RU", string? claimedBy = null, string evidence = "Rockets hit the city overnight.", IReadOnlyList<Weapon>? weapons = null) => new()
    {
        Id = id,
        Doc = doc,
        Type = EventType.Strike,
        Subtype = "missile",
        Date = date,
        DatePrecision = DatePrecision.Day,
        Places = [place],
        Actor = actor,
        TargetActor = "UA",
        Weapons = weapons ?? [new Weapon(WeaponClass.Missile, "Iskander-M", null, null)],
        Killed = killed,
        Injured = injured,
        ClaimedBy = claimedBy,
        Confidence = 0.8,
        Evidence = [new Evidence(0, evidence.Length, evidence)],
    };

    public static EventRecord Event(string doc, string id, EventType type, Place? place, string? date, string? actor = null, string? subtype = null) => new()
    {
        Id = id,
        Doc = doc,
        Type = type,
        Subtype = subtype,
        Date = date,
        DatePrecision = date is null ? null : DatePrecision.Day,
        Places = place is null ? [] : [place],
        Actor = actor,
        Confidence = 0.5,
        Evidence = [new Evidence(0, 10, $"{type} near {place?.Name}.")],
    };

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A fresh database file per test, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("sitrep-store-").FullName;
        Path = System.IO.Path.Combine(Folder, "test.db");
    }

    public string Folder { get; }
    public string Path { get; }

    internal EventStore Open() => EventStore.Open(Path);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
