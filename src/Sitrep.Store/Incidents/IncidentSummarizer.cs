using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Incidents;

/// <summary>Builds an incident's summary (type, place, best figures, ranges) from its reports.</summary>
internal static class IncidentSummarizer
{
    /// <summary>ACLED's rule: when sources disagree, code the most conservative figure.</summary>
    public const string ConservativeRule = "lowest figure any source gives (ACLED: most conservative)";

    // Loops rather than LINQ: the writer summarizes every incident a batch touches (about one
    // per stored document), and the query chains cost several times the work they described.
    public static Incident Summarize(long id, IReadOnlyList<IncidentReport> reports)
    {
        var digested = new DigestedReport[reports.Count];
        for (var i = 0; i < digested.Length; i++)
            digested[i] = new DigestedReport(reports[i].Doc, reports[i].Source, EventDigest.Of(reports[i].Event));
        return Summarize(id, digested) with { Reports = reports };
    }

    /// <summary>The summary of reports whose events were digested before; it lists no reports.</summary>
    internal static Incident Summarize(long id, IReadOnlyList<DigestedReport> reports)
    {
        if (reports.Count == 0)
            throw new ArgumentException("An incident has at least one report.", nameof(reports));

        var events = new EventDigest[reports.Count];
        for (var i = 0; i < events.Length; i++)
            events[i] = reports[i].Event;
        var type = MostCommonType(events);
        var place = FinestPlace(events);
        string? dateFirst = null, dateLast = null;
        DatePrecision? precision = null;
        foreach (var e in events)
        {
            if (e.Date is not { } date)
                continue;
            if (dateFirst is null || string.CompareOrdinal(date, dateFirst) < 0)
                dateFirst = date;
            if (dateLast is null || string.CompareOrdinal(date, dateLast) > 0)
                dateLast = date;
            var p = e.DatePrecision ?? Events.DatePrecision.Day;
            if (precision is null || p < precision)
                precision = p;
        }
        var figures = new List<SourceFigure>();
        foreach (var r in reports)
            figures.AddRange(FiguresOf(r));

        return new Incident
        {
            Id = id,
            Type = type,
            Subtype = MostCommon(events, e => e.Type == type ? e.Subtype : null),
            DateFirst = dateFirst,
            DateLast = dateLast,
            DatePrecision = precision is { } finest ? EventJsonNames.Precision(finest) : null,
            Actor = MostCommon(events, e => e.Actor),
            // ACLED's actor2 of a strike on civilians is the civilians, not the state they live in.
            TargetActor = CivilianTargets.Targeted(events) ? CivilianTargets.Code : MostCommon(events, e => e.TargetActor),
            Place = place?.Name,
            PlaceKind = place is null ? null : EventJsonNames.Kind(place.Kind),
            Country = place?.Country,
            Admin1 = place?.Admin1 ?? (place?.Kind == Geo.PlaceKind.Region ? place.Name : null),
            Admin2 = place?.Admin2,
            Lat = place?.Lat,
            Lon = place?.Lon,
            Sources = Distinct(reports, r => r.Source ?? r.Doc),
            ClaimedBy = Distinct(reports, r => r.Event.ClaimedBy),
            Killed = Best(figures, Measures.Killed),
            Injured = Best(figures, Measures.Injured),
            MissilesLaunched = Best(figures, Measures.MissilesLaunched),
            MissilesIntercepted = Best(figures, Measures.MissilesIntercepted),
            DronesLaunched = Best(figures, Measures.DronesLaunched),
            DronesIntercepted = Best(figures, Measures.DronesIntercepted),
            Figures = figures,
            ByClaimant = ByClaimant(figures),
        };
    }

    /// <summary>
    /// The finest place of all the reports' places, the first given among equals: each event's
    /// own finest is the first of its places at that precision, so taking the events' in turn
    /// gives what taking all their places in turn gives.
    /// </summary>
    private static Place? FinestPlace(EventDigest[] events)
    {
        Place? best = null;
        var bestPrecision = int.MaxValue;
        foreach (var e in events)
            if (e.PlacePrecision < bestPrecision)
                (best, bestPrecision) = (e.Place, e.PlacePrecision);
        return best;
    }

    /// <summary>The values that are not null, each once (case aside), in the order first given.</summary>
    private static List<string> Distinct(IReadOnlyList<DigestedReport> reports, Func<DigestedReport, string?> value)
    {
        var values = new List<string>(reports.Count);
        foreach (var r in reports)
        {
            if (value(r) is not { } v)
                continue;
            var seen = false;
            foreach (var known in values)
                if (string.Equals(known, v, StringComparison.OrdinalIgnoreCase))
                {
                    seen = true;
                    break;
                }
            if (!seen)
                values.Add(v);
        }
        return values;
    }

    /// <summary>Every figure one report gives, named; a figure the text does not state is absent, not zero.</summary>
    public static IEnumerable<SourceFigure> FiguresOf(IncidentReport report) =>
        FiguresOf(new DigestedReport(report.Doc, report.Source, EventDigest.Of(report.Event)));

    private static IEnumerable<SourceFigure> FiguresOf(DigestedReport report)
    {
        var e = report.Event;
        SourceFigure Figure(string name, int value) => new(name, value, report.Doc, report.Source, e.ClaimedBy);

        if (e.Killed is { } killed)
            yield return Figure(Measures.Killed, killed);
        if (e.Injured is { } injured)
            yield return Figure(Measures.Injured, injured);
        if (e.MissilesLaunched is { } ml)
            yield return Figure(Measures.MissilesLaunched, ml);
        if (e.MissilesIntercepted is { } mi)
            yield return Figure(Measures.MissilesIntercepted, mi);
        if (e.DronesLaunched is { } dl)
            yield return Figure(Measures.DronesLaunched, dl);
        if (e.DronesIntercepted is { } di)
            yield return Figure(Measures.DronesIntercepted, di);
    }

    /// <summary>Name under which figures no claimant is given for are kept.</summary>
    public const string Unattributed = "unattributed";

    private static List<ClaimantFigure> ByClaimant(List<SourceFigure> figures)
    {
        var groups = new List<(string Claimant, string Figure, int Min, int Max, int Count)>();
        foreach (var f in figures)
        {
            var claimant = f.ClaimedBy ?? Unattributed;
            var at = groups.FindIndex(g => g.Claimant == claimant && g.Figure == f.Figure);
            if (at < 0)
                groups.Add((claimant, f.Figure, f.Value, f.Value, 1));
            else
            {
                var g = groups[at];
                groups[at] = (g.Claimant, g.Figure, Math.Min(g.Min, f.Value), Math.Max(g.Max, f.Value), g.Count + 1);
            }
        }
        groups.Sort((a, b) => string.CompareOrdinal(a.Claimant, b.Claimant) is var byClaimant and not 0
            ? byClaimant : string.CompareOrdinal(a.Figure, b.Figure));
        var result = new List<ClaimantFigure>(groups.Count);
        foreach (var g in groups)
            result.Add(new ClaimantFigure(g.Claimant, g.Figure, new BestFigure(g.Min, g.Min, g.Max, ConservativeRule), g.Count));
        return result;
    }

    private static BestFigure? Best(List<SourceFigure> figures, string measure)
    {
        int? min = null, max = null;
        foreach (var f in figures)
        {
            if (f.Figure != measure)
                continue;
            min = min is { } lo && lo <= f.Value ? lo : f.Value;
            max = max is { } hi && hi >= f.Value ? hi : f.Value;
        }
        return min is { } least ? new BestFigure(least, least, max!.Value, ConservativeRule) : null;
    }

    /// <summary>The most frequent value that is not null; among equally frequent ones, the first given.</summary>
    private static string? MostCommon(EventDigest[] events, Func<EventDigest, string?> value) =>
        MostCommonAt(events, value) is var at and >= 0 ? value(events[at]) : null;

    // Every event has a type, so there is always a most common one.
    private static EventType MostCommonType(EventDigest[] events) => events[MostCommonAt(events, TypeOf)].Type;

    private static readonly Func<EventDigest, EventType> TypeOf = e => e.Type;

    /// <summary>
    /// The first event giving the most frequent value (nulls aside), or -1 when none gives one:
    /// one count for the strings and the type alike.
    /// </summary>
    private static int MostCommonAt<T>(EventDigest[] events, Func<EventDigest, T?> value) where T : notnull
    {
        var best = -1;
        var bestCount = 0;
        if (events.Length > ManyReports)
        {
            var counts = new Dictionary<T, int>();
            foreach (var e in events)
                if (value(e) is { } v)
                    counts[v] = counts.GetValueOrDefault(v) + 1;
            for (var i = 0; i < events.Length; i++)
                if (value(events[i]) is { } v && counts[v] > bestCount)
                    (best, bestCount) = (i, counts[v]);
            return best;
        }
        var same = EqualityComparer<T>.Default;
        for (var i = 0; i < events.Length; i++)
        {
            if (value(events[i]) is not { } v)
                continue;
            // Counted at its first appearance only, so a later value wins a tie with an earlier one never.
            var first = true;
            for (var j = 0; j < i && first; j++)
                first = !(value(events[j]) is { } u && same.Equals(u, v));
            if (!first)
                continue;
            var count = 1;
            for (var j = i + 1; j < events.Length; j++)
                if (value(events[j]) is { } u && same.Equals(u, v))
                    count++;
            if (count > bestCount)
                (best, bestCount) = (i, count);
        }
        return best;
    }

    // Most incidents have a few reports, where counting by pairs allocates nothing; a large one is counted in a table.
    private const int ManyReports = 16;
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
