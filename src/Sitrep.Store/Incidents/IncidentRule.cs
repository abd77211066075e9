using System.Reflection;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Incidents;

/// <summary>How a report's finest place relates to another report's; lower is closer.</summary>
internal enum PlaceMatch
{
    SamePlace = 0,
    Nearby = 1,
}

/// <summary>How finely a report's finest place pins it down; reports compare only at one level.</summary>
internal enum PlaceLevel
{
    /// <summary>A settlement or a facility.</summary>
    Point = 0,
    /// <summary>An oblast (region, krai, republic).</summary>
    Oblast = 1,
    /// <summary>A country, a sea, a front sector: too wide to tell two incidents apart by.</summary>
    Wide = 2,
}

/// <summary>
/// What clustering compares of one report: its family, its day (and the next, when it tells a
/// night's attack by the evening it began), whether it tells a night at all and whether its
/// publication date says which night, its actors and its finest place.
/// </summary>
internal sealed record ClusterReport(
    long Event, string Doc, string Id, string Family, DateOnly Date, bool NightAfter, string? Actor, string? Target,
    PlaceLevel Level, string Kind, string NameKey, string? Admin1Key, string? Country, double? Lat, double? Lon, long? GeonamesId,
    int? Killed = null, bool Night = false, bool NightDated = true)
{
    /// <summary>The last day the report can be about: the morning after, for a night dated by its evening.</summary>
    public DateOnly LastDay => NightAfter ? Date.AddDays(1) : Date;

    /// <summary>Whether the report says the attack came by night, however it dates it.</summary>
    public bool TellsNight => Night || NightAfter;

    /// <summary>
    /// The morning that ends the night the report tells, when its dating says which: the day after
    /// a night dated by its evening, the day itself for one published on the day it is dated by.
    /// </summary>
    public DateOnly? Morning => NightAfter ? Date.AddDays(1) : Night && NightDated ? Date : null;

    /// <summary>
    /// The stored form of the night flags (event_cluster.night_after): 0 no night told, 1 a night
    /// dated by its evening, 2 a night dated by its morning, 3 a night whose dating nothing tells
    /// (no publication date).
    /// </summary>
    public long NightCode => NightAfter ? 1 : !Night ? 0 : NightDated ? 2 : 3;

    /// <summary>The night flags of a stored <see cref="NightCode"/>.</summary>
    public static (bool NightAfter, bool Night, bool NightDated) FromNightCode(long code) => (code == 1, code != 0, code != 3);

    /// <summary>
    /// The report as the store reads it back: the night flags through their stored code (which
    /// keeps no dating for a report that tells no night), everything else as it is.
    /// </summary>
    public ClusterReport AsStored()
    {
        var (nightAfter, night, nightDated) = FromNightCode(NightCode);
        return (nightAfter, night, nightDated) == (NightAfter, Night, NightDated)
            ? this
            : this with { NightAfter = nightAfter, Night = night, NightDated = nightDated };
    }
}

/// <summary>
/// The clustering rule, as pure functions. Two reports tell the same incident when their types
/// are in one family, they are about the same day or night, their finest places agree and their
/// actors do not contradict each other. The grouping itself is <see cref="IncidentClusterer"/>.
/// </summary>
internal static class IncidentRule
{
    /// <summary>Two settlements this close are one place told twice (a district, a second gazetteer entry).</summary>
    public const double SettlementKm = 5.0;

    /// <summary>A facility (an airfield, a plant, a port) lies outside the town a report names instead of it.</summary>
    public const double FacilityKm = 15.0;

    /// <summary>
    /// Types an analyst would count as one incident when told differently: a strike and the
    /// interceptions during it; an assault and the village it took.
    /// </summary>
    public static string Family(EventType type) => type switch
    {
        EventType.Strike or EventType.AirDefense => "air",
        EventType.GroundCombat or EventType.TerritorialChange => "ground",
        _ => EventJsonNames.Type(type),
    };

    /// <summary>Only events pinned to a day and a place can be compared with others.</summary>
    public static bool CanCluster(EventRecord record) =>
        record.Date is not null
        && DateOnly.TryParseExact(record.Date, "yyyy-MM-dd", out _)
        && record.DatePrecision is null or DatePrecision.Day
        && record.Places.Count > 0;

    /// <summary>What clustering compares of an event, or null when it cannot cluster.</summary>
    public static ClusterReport? Profile(long key, EventRecord e, DateOnly? published)
    {
        if (!CanCluster(e))
            return null;
        var date = DateOnly.ParseExact(e.Date!, "yyyy-MM-dd");
        var place = FinestPlace(e.Places)!;
        // A night told on a later day ("last night", "overnight on the 10th") is the same night
        // another outlet dates by the morning after.
        var night = TellsANight(e);
        var nightAfter = published is { } p && p > date && night;
        return new ClusterReport(key, e.Doc, e.Id, Family(e.Type), date, nightAfter, e.Actor, e.TargetActor,
            Level(place.Kind), EventJsonNames.Kind(place.Kind), NameKey(place), Admin1Key(place), place.Country,
            place.Lat, place.Lon, place.GeonamesId, e.Killed, night, published is { } q && q >= date);
    }

    /// <summary>
    /// Whether two death tolls can be retellings of one: equal, or apart by at most one or a
    /// tenth of the larger (early and later counts, rounding). An unknown toll contradicts nothing.
    /// </summary>
    public static bool FiguresAgree(int? a, int? b) =>
        a is not { } x || b is not { } y || Math.Abs(x - y) <= Math.Max(1, Math.Max(x, y) / 10);

    public static PlaceLevel Level(PlaceKind kind) => kind switch
    {
        PlaceKind.Settlement or PlaceKind.Facility => PlaceLevel.Point,
        PlaceKind.Region => PlaceLevel.Oblast,
        _ => PlaceLevel.Wide,
    };

    /// <summary>The place that pins an event down best: a located settlement before an oblast before a country.</summary>
    public static Place? FinestPlace(IReadOnlyList<Place> places) => FinestPlace(places, out _);

    /// <summary>
    /// The finest place, the first given among equals, and its <see cref="Precision"/>
    /// (<see cref="int.MaxValue"/> when there is no place): an incident's finest place is then the
    /// first of its events' finest at the lowest precision.
    /// </summary>
    internal static Place? FinestPlace(IReadOnlyList<Place> places, out int precision)
    {
        Place? best = null;
        precision = int.MaxValue;
        for (var i = 0; i < places.Count; i++)
            if (Precision(places[i]) is var p && p < precision)
                (best, precision) = (places[i], p);
        return best;
    }

    /// <summary>How well a place pins an event down: lower is finer.</summary>
    internal static int Precision(Place p) => (p.Kind, p.Lat is not null) switch
    {
        (PlaceKind.Settlement or PlaceKind.Facility, true) => 0,
        (PlaceKind.Settlement or PlaceKind.Facility, false) => 1,
        (PlaceKind.Region, true) => 2,
        (PlaceKind.Region, false) => 3,
        (PlaceKind.Area, _) => 4,
        (PlaceKind.Water, _) => 5,
        _ => 6,
    };

    /// <summary>
    /// Whether two reports can be about the same day or night. Two reports that each say which
    /// night they tell ("last night" published the next morning, "overnight" published that
    /// morning) tell two nights when they name two mornings, though their days overlap.
    /// </summary>
    public static bool SameDayOrNight(ClusterReport a, ClusterReport b) =>
        a.Date <= b.LastDay && b.Date <= a.LastDay
        && !(a.Morning is { } ma && b.Morning is { } mb && ma != mb);

    /// <summary>
    /// Whether the finest places of two reports at the same level agree: the same settlement, or
    /// within a distance that fits the kind of place; the same oblast; the same country or sea.
    /// </summary>
    public static PlaceMatch? Match(ClusterReport a, ClusterReport b)
    {
        if (a.Level != b.Level)
            return null;
        switch (a.Level)
        {
            case PlaceLevel.Point:
                if (a.GeonamesId is { } ga && b.GeonamesId is { } gb)
                {
                    if (ga == gb)
                        return PlaceMatch.SamePlace;
                }
                else if (a.NameKey == b.NameKey && (a.Admin1Key is null || b.Admin1Key is null || a.Admin1Key == b.Admin1Key))
                {
                    return PlaceMatch.SamePlace;
                }
                // Places on either side of an oblast border are two places, however close.
                if (a.Admin1Key is not null && b.Admin1Key is not null && a.Admin1Key != b.Admin1Key)
                    return null;
                var limit = a.Kind == "facility" || b.Kind == "facility" ? FacilityKm : SettlementKm;
                return a.Lat is { } la && a.Lon is { } loa && b.Lat is { } lb && b.Lon is { } lob && GeoMath.DistanceKm(la, loa, lb, lob) <= limit
                    ? PlaceMatch.Nearby : null;
            case PlaceLevel.Oblast:
                return a.Admin1Key is not null && a.Admin1Key == b.Admin1Key ? PlaceMatch.SamePlace : null;
            default:
                return a.NameKey == b.NameKey || (a.Kind == "country" && b.Kind == "country" && a.Country is not null && a.Country == b.Country)
                    ? PlaceMatch.SamePlace : null;
        }
    }

    /// <summary>Whether a vaguer report (an oblast, a country) lies inside a finer report's place.</summary>
    public static bool Contains(ClusterReport vague, ClusterReport fine) => vague.Level switch
    {
        PlaceLevel.Oblast => fine.Level == PlaceLevel.Point && vague.Admin1Key is not null && vague.Admin1Key == fine.Admin1Key,
        PlaceLevel.Wide => vague.Kind == "country" && fine.Level < PlaceLevel.Wide && vague.Country is not null && vague.Country == fine.Country,
        _ => false,
    };

    /// <summary>
    /// The kind of weapon an attack is told by, for telling incidents apart: rocket artillery
    /// counts as artillery (outlets call both shelling); the defender's systems and unnamed
    /// weapons tell nothing of the attack.
    /// </summary>
    public static WeaponClass? AttackWeapon(WeaponClass weapon) => weapon switch
    {
        WeaponClass.Mlrs => WeaponClass.Artillery,
        WeaponClass.AirDefenseSystem or WeaponClass.Other => null,
        _ => weapon,
    };

    /// <summary>An unknown actor is compatible with any; two known actors must be the same.</summary>
    public static bool ActorsCompatible(string? a, string? b) =>
        a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the evidence speaks of a night ("overnight", "last night").</summary>
    public static bool TellsANight(EventRecord e)
    {
        // Words looked up as spans of the text: every event is profiled, and splitting its evidence made a string a word.
        foreach (var evidence in e.Evidence)
        {
            var rest = evidence.Text.AsSpan();
            while (rest.Length > 0)
            {
                var end = rest.IndexOfAny(WordBreaks);
                var word = end < 0 ? rest : rest[..end];
                if (word.Length > 0 && NightCueWords.Contains(word))
                    return true;
                rest = end < 0 ? [] : rest[(end + 1)..];
            }
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> WordBreaks =
        System.Buffers.SearchValues.Create([' ', ',', '.', ';', ':', '-', '(', ')', '"', '\'', '’', '\n', '\t']);

    private static readonly HashSet<string> NightCues = LoadWords("night-cues.txt");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NightCueWords = NightCues.GetAlternateLookup<ReadOnlySpan<char>>();

    internal static HashSet<string> LoadWords(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Sitrep.Store.Data.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded in Sitrep.Store.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } word && !word.StartsWith('#'))
                words.Add(word);
        return words;
    }

    public static string NameKey(Place place) => Fold(place.Name);

    /// <summary>
    /// The oblast a place lies in, folded so "Kharkiv Oblast", "Kharkiv region" and "kharkiv"
    /// agree; for an oblast itself, its own name.
    /// </summary>
    public static string? Admin1Key(Place place)
    {
        var admin1 = place.Admin1 ?? (place.Kind == PlaceKind.Region ? place.Name : null);
        return admin1 is null ? null : OblastKey(admin1);
    }

    public static string OblastKey(string name)
    {
        var key = Fold(name);
        foreach (var suffix in OblastSuffixes)
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            {
                key = key[..^suffix.Length];
                break;
            }
        }
        return key.Trim();
    }

    private static readonly string[] OblastSuffixes = [" oblast", " region", " province", " krai", " raion", "'s'ka oblast", "ska oblast"];

    /// <summary>The folded form names are matched in: trimmed, lower case, one apostrophe.</summary>
    public static string Fold(string text) => text.Trim().ToLowerInvariant().Replace('’', '\'');
}
