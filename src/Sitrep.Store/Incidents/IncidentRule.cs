using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Incidents;

/// <summary>How a new report's place relates to a place already in an incident; lower is closer.</summary>
internal enum PlaceMatch
{
    SamePlace = 0,
    Nearby = 1,
    SameOblast = 2,
}

/// <summary>
/// The clustering rule, as pure functions: two reports tell the same incident when their types are
/// in the same family, their dates lie within a day, their places are the same, within
/// <see cref="NearbyKm"/>, or in the same oblast when one of them is only known at oblast level,
/// and their actors do not contradict each other.
/// </summary>
internal static class IncidentRule
{
    public const double NearbyKm = 25.0;

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

    /// <summary>Only events pinned to a day can be within a day of another.</summary>
    public static bool CanCluster(EventRecord record) =>
        record.Date is not null
        && DateOnly.TryParseExact(record.Date, "yyyy-MM-dd", out _)
        && record.DatePrecision is null or DatePrecision.Day
        && record.Places.Count > 0;

    /// <summary>
    /// Whether an incident dated <paramref name="first"/>..<paramref name="last"/> still spans at most
    /// a day with <paramref name="date"/> added: reports of one night's attack dated the 10th or the
    /// 11th join, but a city struck every day does not become one incident a month long.
    /// </summary>
    public static bool WithinADay(string? first, string? last, string date)
    {
        if (first is null || last is null)
            return true;
        var lo = string.CompareOrdinal(date, first) < 0 ? date : first;
        var hi = string.CompareOrdinal(date, last) > 0 ? date : last;
        return DateOnly.ParseExact(hi, "yyyy-MM-dd").DayNumber - DateOnly.ParseExact(lo, "yyyy-MM-dd").DayNumber <= 1;
    }

    /// <summary>An unknown actor is compatible with any; two known actors must be the same.</summary>
    public static bool ActorsCompatible(string? a, string? b) =>
        a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static PlaceMatch? Match(Place a, Place b)
    {
        if (a.GeonamesId is { } ga && b.GeonamesId is { } gb)
        {
            if (ga == gb)
                return PlaceMatch.SamePlace;
        }
        else if (NameKey(a) == NameKey(b) && (a.Admin1 is null || b.Admin1 is null || Admin1Key(a) == Admin1Key(b)))
        {
            return PlaceMatch.SamePlace;
        }

        // Distances between centroids of oblasts, seas or countries say nothing about nearness.
        if (IsPoint(a) && IsPoint(b) && a.Lat is { } la && a.Lon is { } loa && b.Lat is { } lb && b.Lon is { } lob
            && GeoMath.DistanceKm(la, loa, lb, lob) <= NearbyKm)
            return PlaceMatch.Nearby;

        if ((a.Kind == PlaceKind.Region || b.Kind == PlaceKind.Region)
            && Admin1Key(a) is { } ka && ka == Admin1Key(b))
            return PlaceMatch.SameOblast;

        return null;
    }

    public static bool IsPoint(Place place) => place.Kind is PlaceKind.Settlement or PlaceKind.Facility;

    /// <summary>Whether a stored kind name ("settlement") is a point-like kind.</summary>
    public static bool IsPointKind(string? kind) => kind is "settlement" or "facility";

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
