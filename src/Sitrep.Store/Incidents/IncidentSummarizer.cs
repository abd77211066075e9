using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Incidents;

/// <summary>Builds an incident's summary (type, place, best figures, ranges) from its reports.</summary>
internal static class IncidentSummarizer
{
    /// <summary>ACLED's rule: when sources disagree, code the most conservative figure.</summary>
    public const string ConservativeRule = "lowest figure any source gives (ACLED: most conservative)";

    public static Incident Summarize(long id, IReadOnlyList<IncidentReport> reports)
    {
        if (reports.Count == 0)
            throw new ArgumentException("An incident has at least one report.", nameof(reports));

        var events = reports.Select(r => r.Event).ToList();
        var type = MostCommon(events.Select(e => (EventType?)e.Type)) ?? events[0].Type;
        var place = IncidentRule.FinestPlace(events.SelectMany(e => e.Places));
        var dates = events.Select(e => e.Date).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var figures = reports.SelectMany(FiguresOf).ToList();

        return new Incident
        {
            Id = id,
            Type = type,
            Subtype = MostCommon(events.Where(e => e.Type == type).Select(e => e.Subtype)),
            DateFirst = dates.FirstOrDefault(),
            DateLast = dates.LastOrDefault(),
            DatePrecision = events.Where(e => e.Date is not null).Select(e => e.DatePrecision ?? Events.DatePrecision.Day)
                .Order().Select(p => (DatePrecision?)p).FirstOrDefault() is { } precision ? EventJsonNames.Precision(precision) : null,
            Actor = MostCommon(events.Select(e => e.Actor)),
            // ACLED's actor2 of a strike on civilians is the civilians, not the state they live in.
            TargetActor = CivilianTargets.Targeted(events) ? CivilianTargets.Code : MostCommon(events.Select(e => e.TargetActor)),
            Place = place?.Name,
            PlaceKind = place is null ? null : EventJsonNames.Kind(place.Kind),
            Country = place?.Country,
            Admin1 = place?.Admin1 ?? (place?.Kind == Geo.PlaceKind.Region ? place.Name : null),
            Admin2 = place?.Admin2,
            Lat = place?.Lat,
            Lon = place?.Lon,
            Sources = reports.Select(r => r.Source ?? r.Doc).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            ClaimedBy = events.Select(e => e.ClaimedBy).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Killed = Best(figures, Measures.Killed),
            Injured = Best(figures, Measures.Injured),
            MissilesLaunched = Best(figures, Measures.MissilesLaunched),
            MissilesIntercepted = Best(figures, Measures.MissilesIntercepted),
            DronesLaunched = Best(figures, Measures.DronesLaunched),
            DronesIntercepted = Best(figures, Measures.DronesIntercepted),
            Figures = figures,
            ByClaimant = ByClaimant(figures),
            Reports = reports,
        };
    }

    /// <summary>Every figure one report gives, named; a figure the text does not state is absent, not zero.</summary>
    public static IEnumerable<SourceFigure> FiguresOf(IncidentReport report)
    {
        var e = report.Event;
        SourceFigure Figure(string name, int value) => new(name, value, report.Doc, report.Source, e.ClaimedBy);

        if (e.Killed is { } killed)
            yield return Figure(Measures.Killed, killed);
        if (e.Injured is { } injured)
            yield return Figure(Measures.Injured, injured);
        if (Sum(e, WeaponClass.Missile, w => w.Launched) is { } ml)
            yield return Figure(Measures.MissilesLaunched, ml);
        if (Sum(e, WeaponClass.Missile, w => w.Intercepted) is { } mi)
            yield return Figure(Measures.MissilesIntercepted, mi);
        if (Sum(e, WeaponClass.Drone, w => w.Launched) is { } dl)
            yield return Figure(Measures.DronesLaunched, dl);
        if (Sum(e, WeaponClass.Drone, w => w.Intercepted) is { } di)
            yield return Figure(Measures.DronesIntercepted, di);
    }

    private static int? Sum(EventRecord e, WeaponClass cls, Func<Weapon, int?> count)
    {
        int? total = null;
        foreach (var w in e.Weapons)
            if (w.Class == cls && count(w) is { } n)
                total = (total ?? 0) + n;
        return total;
    }

    /// <summary>Name under which figures no claimant is given for are kept.</summary>
    public const string Unattributed = "unattributed";

    private static List<ClaimantFigure> ByClaimant(IReadOnlyList<SourceFigure> figures) =>
        figures.GroupBy(f => (Claimant: f.ClaimedBy ?? Unattributed, f.Figure))
               .OrderBy(g => g.Key.Claimant, StringComparer.Ordinal).ThenBy(g => g.Key.Figure, StringComparer.Ordinal)
               .Select(g => new ClaimantFigure(g.Key.Claimant, g.Key.Figure, Best(g.ToList(), g.Key.Figure)!, g.Count()))
               .ToList();

    private static BestFigure? Best(IReadOnlyList<SourceFigure> figures, string measure)
    {
        var values = figures.Where(f => f.Figure == measure).Select(f => f.Value).ToList();
        if (values.Count == 0)
            return null;
        var min = values.Min();
        return new BestFigure(min, min, values.Max(), ConservativeRule);
    }

    private static T? MostCommon<T>(IEnumerable<T?> values) =>
        values.Where(v => v is not null)
              .Select((v, i) => (v, i))
              .GroupBy(x => x.v)
              .OrderByDescending(g => g.Count())
              .ThenBy(g => g.Min(x => x.i))
              .Select(g => g.Key)
              .FirstOrDefault();
}

/// <summary>Names of the figures an incident carries, as they appear in outputs.</summary>
public static class Measures
{
    public const string Killed = "killed";
    public const string Injured = "injured";
    public const string MissilesLaunched = "missiles_launched";
    public const string MissilesIntercepted = "missiles_intercepted";
    public const string DronesLaunched = "drones_launched";
    public const string DronesIntercepted = "drones_intercepted";
}
