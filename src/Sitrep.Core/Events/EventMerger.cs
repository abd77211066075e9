using Sitrep.Geo;

namespace Sitrep.Events;

/// <summary>
/// The same event told twice in one report becomes one event. Within a section (a post, a
/// subheaded stretch) a later mention joins the nearest earlier event of the same family it
/// does not contradict; across sections only when the two share a place. Figures from body
/// copy win over headline figures; a stated date over an assumed one; an exact amount over
/// a rounded one.
/// </summary>
internal static class EventMerger
{
    /// <summary>Aid amounts within this ratio are the same package told twice ("nearly $2 billion", "$1.8 billion").</summary>
    private const double AmountTolerance = 0.15;

    public static List<EventDraft> Merge(IReadOnlyList<EventDraft> drafts)
    {
        var merged = new List<EventDraft>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            d.Sections.Add(d.Section);
            var target = d.Another ? null : FindWithinSection(merged, d) ?? FindAcrossSections(merged, d);
            if (target is not null)
                Absorb(target, d);
            // A reference back that finds nothing to join still stands when it brings figures
            // of its own ("The strike killed seven people").
            else if (!d.JoinOnly || d.Killed is not null || d.Injured is not null || HasFigures(d.Weapons))
                merged.Add(d);
        }
        return merged;
    }

    private static EventType Family(EventType t) => EventTypes.Of(t).Family;

    /// <summary>
    /// The event a later mention retells, in its own section: one on the same stated day
    /// first, else the nearest earlier one it does not contradict. An unplaced mention may join
    /// a placed one ("Russia likely used an X-59 missile"); two placed ones must share a place.
    /// </summary>
    private static EventDraft? FindWithinSection(List<EventDraft> merged, EventDraft d)
    {
        EventDraft? nearest = null, sameWeapon = null;
        for (var i = merged.Count - 1; i >= 0; i--)
        {
            var c = merged[i];
            if (!c.Sections.Contains(d.Section) || !Joinable(c, d))
                continue;
            if (!Specific(d) && Specific(c) && CountsAnotherAttack(c, d))
                continue;
            if (!Specific(d) || !Specific(c) || SharePlace(c, d))
            {
                if (SameStatedDay(c, d))
                    return c;
                // "the Iskander-M missiles were fired from Crimea" belongs with the Iskander-M strike.
                if (sameWeapon is null && SharesModel(c.Weapons, d.Weapons))
                    sameWeapon = c;
                nearest ??= c;
            }
        }
        return sameWeapon ?? nearest;
    }

    /// <summary>
    /// Across sections (a live blog retells its stories post after post): a mention joins an
    /// event of the same family it shares a place with, or, told without a place, the
    /// event of its type it does not contradict; aid packages join when their amounts agree.
    /// </summary>
    private static EventDraft? FindAcrossSections(List<EventDraft> merged, EventDraft d)
    {
        for (var i = merged.Count - 1; i >= 0; i--)
        {
            var c = merged[i];
            if (!Joinable(c, d))
                continue;
            // The same package told in another post: its amount agrees (Compatible checked it) or is untold.
            if (d.Type == EventType.Aid && c.Type == EventType.Aid)
                return c;
            if (SharePlace(c, d))
                return c;
            // Violence told without a place in another post is as likely another attack as
            // the same one; a visit, a package, a hack or a policy told again is the same.
            if (!Specific(d) && c.Type == d.Type && !Violent(d.Type) && (SameStatedDay(c, d) || !c.DateStated || !d.DateStated))
                return c;
        }
        return null;
    }

    /// <summary>
    /// "Russia launched 100 drones overnight" after "a strike killed three in Kherson": a report
    /// that counts its own launches and names no place is a wider attack, not a detail of a
    /// town's strike, unless that strike already used the same kind of weapon.
    /// </summary>
    private static bool CountsAnotherAttack(EventDraft c, EventDraft d)
    {
        foreach (var w in d.Weapons)
            if (w.Launched is not null && !HasClass(c.Weapons, w.Class))
                return true;
        return false;
    }

    private static bool HasClass(List<WeaponDraft> weapons, WeaponClass kind)
    {
        foreach (var x in weapons)
            if (x.Class == kind)
                return true;
        return false;
    }

    private static bool HasFigures(List<WeaponDraft> weapons)
    {
        foreach (var w in weapons)
            if (w.Launched is not null || w.Intercepted is not null)
                return true;
        return false;
    }

    private static bool SharesModel(List<WeaponDraft> a, List<WeaponDraft> b)
    {
        foreach (var w in a)
        {
            if (w.Model is null)
                continue;
            foreach (var x in b)
                if (x.Model == w.Model)
                    return true;
        }
        return false;
    }

    private static bool Violent(EventType t) => t is EventType.Strike or EventType.AirDefense or EventType.GroundCombat or EventType.TerritorialChange;

    /// <summary>
    /// A total over a period is not any one attack told beside it: it joins nothing and nothing
    /// joins it. Two drafts of one type read from one sentence were told there as two events.
    /// </summary>
    private static bool Joinable(EventDraft c, EventDraft d) =>
        Family(c.Type) == Family(d.Type) && !(c.Type == d.Type && c.Evidence.Overlaps(d.Evidence)) && !c.Total && !d.Total && Compatible(c, d) && SameWeaponClass(c, d);

    private static bool Specific(EventDraft d)
    {
        foreach (var p in d.Places)
            if (p.Kind != PlaceKind.Country)
                return true;
        return false;
    }

    private static bool SameStatedDay(EventDraft c, EventDraft d) =>
        c.DateStated && d.DateStated && c.Date is not null && c.Date == d.Date;

    private static bool Compatible(EventDraft c, EventDraft d)
    {
        if (Side(c) is { } sideC && Side(d) is { } sideD && sideC != sideD)
            return false;
        if (c.DateStated && d.DateStated && !c.DateRelative && !d.DateRelative && c.Date is { } a && d.Date is { } b && a != b
            && c.DatePrecision == DatePrecision.Day && d.DatePrecision == DatePrecision.Day)
            return false;
        if (c.Amount is { } x && d.Amount is { } y
            && (x.Currency != y.Currency || Math.Abs(x.Value - y.Value) > AmountTolerance * Math.Max(x.Value, y.Value)))
            return false;
        return true;
    }

    /// <summary>
    /// Two reports that name what was used must share a kind of weapon: an interception
    /// belongs to the strike whose drones it downed; shelling is not the overnight drone attack.
    /// </summary>
    private static bool SameWeaponClass(EventDraft c, EventDraft d)
    {
        if (c.Weapons.Count == 0 || d.Weapons.Count == 0)
            return true;
        foreach (var w in c.Weapons)
            if (HasClass(d.Weapons, w.Class))
                return true;
        return false;
    }

    /// <summary>
    /// The side that acted: named in the text, or for a strike on a place, the side that
    /// strikes that country in this war. Two reports with different sides are two events.
    /// </summary>
    private static string? Side(EventDraft d)
    {
        // An interception is told from the defender's side; the strike from the attacker's.
        if (d.Type == EventType.AirDefense)
            return d.ActorExplicit ? Sides.Opponent(d.Actor) : null;
        if (d.Type == EventType.Diplomacy)
            return null; // a meeting has two sides; either may be named first
        if (d.ActorExplicit || d.Type is EventType.Aid or EventType.Policy or EventType.Threat)
            return d.Actor;
        if (d.Type != EventType.Strike)
            return null;
        // A sea or strait belongs to no side's territory.
        return Sides.AttackerOf(d.Places.FirstOrDefault(p => p.Kind is PlaceKind.Settlement or PlaceKind.Region or PlaceKind.Facility)?.Country)
            ?? (d.Claim?.Code is { } source ? Sides.Opponent(source) : null);
    }

    /// <summary>
    /// Whether two drafts are told of the same place. An oblast does not hold its towns here:
    /// within one report, "attacks on villages in the Donetsk region" and "missiles struck
    /// Kurakhove" are told as two events; the store clusters regional reports across sources.
    /// </summary>
    private static bool SharePlace(EventDraft c, EventDraft d)
    {
        foreach (var p in c.Places)
        {
            if (p.Kind == PlaceKind.Country)
                continue;
            foreach (var q in d.Places)
                if (q.Kind != PlaceKind.Country && Near(p, q))
                    return true;
        }
        return false;
    }

    /// <summary>Adds <paramref name="p"/> unless the list already holds it (<see cref="SamePlace"/>).</summary>
    internal static void AddPlace(List<Place> places, Place p)
    {
        foreach (var q in places)
            if (SamePlace(p, q))
                return;
        places.Add(p);
    }

    internal static bool SamePlace(Place a, Place b) =>
        a.GeonamesId is not null && a.GeonamesId == b.GeonamesId
        || string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) && a.Kind == b.Kind;

    /// <summary>Points closer than this are one place told twice ("the White House", "Washington").</summary>
    internal const double SamePointKm = 12;

    /// <summary>
    /// The same place for merging: the same feature, two points in one city, or an oblast and
    /// the city it is named after ("the Moscow region", "Moscow").
    /// </summary>
    private static bool Near(Place a, Place b)
    {
        if (SamePlace(a, b))
            return true;
        if (IsPoint(a) && IsPoint(b))
            return Km(a, b) < SamePointKm;
        var (region, point) = a.Kind == PlaceKind.Region ? (a, b) : (b, a);
        return region.Kind == PlaceKind.Region && IsPoint(point)
            && region.Name.StartsWith(point.Name + " ", StringComparison.OrdinalIgnoreCase);
    }

    internal static bool IsPoint(Place p) => p.Kind is PlaceKind.Settlement or PlaceKind.Facility;

    internal static double Km(Place a, Place b)
    {
        if (a.Lat is not { } lat1 || a.Lon is not { } lon1 || b.Lat is not { } lat2 || b.Lon is not { } lon2)
            return double.MaxValue;
        static double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 6371 * 2 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static void Absorb(EventDraft c, EventDraft d)
    {
        var wasDefense = c.Type == EventType.AirDefense && d.Type == EventType.Strike;
        if (wasDefense)
        {
            c.Type = EventType.Strike;
            c.Subtype = d.Subtype;
        }
        else if (c.Type == d.Type)
        {
            c.Subtype ??= d.Subtype;
        }
        // The source of the specific report beats that of a vague one it is folded into.
        if (d.Claim is not null && (c.Claim is null || !Specific(c) && Specific(d)))
            c.Claim = d.Claim;
        foreach (var p in d.Places)
            AddPlace(c.Places, p);
        foreach (var w in d.Weapons)
            c.AddWeapon(w);
        c.Killed = Figure(c.Killed, c.FromHeadline, d.Killed, d.FromHeadline);
        c.Injured = Figure(c.Injured, c.FromHeadline, d.Injured, d.FromHeadline);
        if (d.Amount is not null && (c.Amount is null || c.AmountApproximate && !d.AmountApproximate))
        {
            c.AmountUsd = d.AmountUsd;
            c.Amount = d.Amount;
            c.AmountApproximate = d.AmountApproximate;
        }
        if (d.DateStated && (!c.DateStated || EventBuilder.Rank(d.DatePrecision) > EventBuilder.Rank(c.DatePrecision)
                || c.DateRelative && !d.DateRelative))
        {
            c.DateRelative = d.DateRelative;
            c.Date = d.Date;
            c.DatePrecision = d.DatePrecision;
            c.RelativeDays = d.RelativeDays;
            c.DateStated = true;
        }
        else if (c.Date is null && c.RelativeDays is null && (d.Date is not null || d.RelativeDays is not null))
        {
            c.Date = d.Date;
            c.DatePrecision = d.DatePrecision;
            c.RelativeDays = d.RelativeDays;
        }
        // An interception names the defender; the strike it joins keeps the attacker.
        var dActor = Family(c.Type) == EventType.Strike && d.Type == EventType.AirDefense && c.Type == EventType.Strike
            ? Sides.Opponent(d.Actor) : d.Actor;
        if (c.Type == EventType.Strike && d.Type == EventType.Strike && wasDefense)
        {
            c.Actor = d.Actor ?? Sides.Opponent(c.Actor);
            c.ActorExplicit = d.ActorExplicit;
        }
        else if (!c.ActorExplicit && d.ActorExplicit || c.Actor is null)
        {
            c.Actor = dActor ?? c.Actor;
            c.ActorExplicit |= d.ActorExplicit && dActor is not null;
        }
        c.Background &= d.Background;
        c.FromHeadline &= d.FromHeadline;
        if (d.Strength > c.Strength)
            c.Strength = d.Strength;
        foreach (var e in d.Evidence)
            c.Evidence.Add(e);
        // Not UnionWith, which takes the set as an IEnumerable and boxes its enumerator.
        foreach (var s in d.Sections)
            c.Sections.Add(s);
    }

    /// <summary>A body figure beats a headline figure; between equals, the larger (a later, fuller count).</summary>
    internal static int? Figure(int? a, bool aHeadline, int? b, bool bHeadline)
    {
        if (a is null)
            return b;
        if (b is null)
            return a;
        if (aHeadline != bHeadline)
            return aHeadline ? b : a;
        return Math.Max(a.Value, b.Value);
    }
}
