using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Incidents;

/// <summary>
/// What an incident's summary reads of one report's event, worked out once: its figures, its
/// finest place and whether its evidence names a civilian or a military target, without the
/// evidence and the lists they came from. The writer keeps these across batches: an incident
/// that grows batch after batch is summarized whole each time, and without them every earlier
/// report's stored record would be parsed again for it.
/// </summary>
internal sealed class EventDigest
{
    public required EventType Type { get; init; }
    public string? Subtype { get; init; }
    public string? Date { get; init; }
    public DatePrecision? DatePrecision { get; init; }
    public string? Actor { get; init; }
    public string? TargetActor { get; init; }
    public string? ClaimedBy { get; init; }
    /// <summary>The event's finest place, the first given among equals, and how finely it pins the event down.</summary>
    public Place? Place { get; init; }
    public int PlacePrecision { get; init; } = int.MaxValue;
    public int? Killed { get; init; }
    public int? Injured { get; init; }
    public int? MissilesLaunched { get; init; }
    public int? MissilesIntercepted { get; init; }
    public int? DronesLaunched { get; init; }
    public int? DronesIntercepted { get; init; }
    /// <summary>A strike whose evidence names a civilian target (a home, a market).</summary>
    public bool NamesCivilianTarget { get; init; }
    /// <summary>A strike whose evidence names a military or energy target.</summary>
    public bool NamesOtherTarget { get; init; }

    public static EventDigest Of(EventRecord e)
    {
        var place = IncidentRule.FinestPlace(e.Places, out var precision);
        var (civilian, other) = CivilianTargets.Named(e);
        return new EventDigest
        {
            Type = e.Type,
            Subtype = e.Subtype,
            Date = e.Date,
            DatePrecision = e.DatePrecision,
            Actor = e.Actor,
            TargetActor = e.TargetActor,
            ClaimedBy = e.ClaimedBy,
            Place = place,
            PlacePrecision = precision,
            Killed = e.Killed,
            Injured = e.Injured,
            MissilesLaunched = Sum(e, WeaponClass.Missile, launched: true),
            MissilesIntercepted = Sum(e, WeaponClass.Missile, launched: false),
            DronesLaunched = Sum(e, WeaponClass.Drone, launched: true),
            DronesIntercepted = Sum(e, WeaponClass.Drone, launched: false),
            NamesCivilianTarget = civilian,
            NamesOtherTarget = other,
        };
    }

    /// <summary>The weapons of one class launched (or intercepted), summed; null when no weapon of it gives the count.</summary>
    private static int? Sum(EventRecord e, WeaponClass cls, bool launched)
    {
        int? total = null;
        foreach (var w in e.Weapons)
            if (w.Class == cls && (launched ? w.Launched : w.Intercepted) is { } n)
                total = (total ?? 0) + n;
        return total;
    }
}

/// <summary>One report of an incident as its summary reads it: the document, its source and its event's digest.</summary>
internal readonly record struct DigestedReport(string Doc, string? Source, EventDigest Event);
