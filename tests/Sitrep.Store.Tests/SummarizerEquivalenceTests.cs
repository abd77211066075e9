using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Incidents;

namespace Sitrep.Store.Tests;

/// <summary>
/// The summarizer and the clustering profile written as loops give what their former LINQ
/// forms gave (kept here as the reference), on random incidents made to hit ties: equally
/// frequent types, subtypes and actors, places of one precision, sources that differ by case,
/// claimants with several figures, civilian and military cues in strike evidence.
/// </summary>
public sealed class SummarizerEquivalenceTests
{
    private static readonly string[] Actors = ["RU", "UA", "ru", "BY"];
    private static readonly string[] Subtypes = ["missile", "drone", "shelling"];
    private static readonly string[] Dates = ["2024-05-09", "2024-05-10", "2024-05-11"];
    private static readonly string[] Sources = ["Reuters", "reuters", "BBC", "Ukrinform"];
    private static readonly string[] Texts =
    [
        "Rockets hit an apartment block overnight.", "A MARKET was shelled; residents fled.", "Strikes on military positions, last night.",
        "The power plant’s turbine hall burned.", "Nothing of note", "children's hospital hit-and-run night-time raid", "",
        "Überfall auf Wohnhaus, Nacht", "drone-strike on energy facility at night",
    ];
    private static readonly Place[] Places =
    [
        Reports.Kharkiv, Reports.Merefa, Reports.KharkivOblast, Reports.Odesa,
        new("Kharkiv Oblast", PlaceKind.Region, "UA", null, null, null, null, "the region"),
        new("Ukraine", PlaceKind.Country, "UA", null, 49.0, 32.0, 690791, "Ukraine"),
        new("Black Sea", PlaceKind.Water, null, null, 43.0, 35.0, null, "the sea"),
        new("Vovchansk", PlaceKind.Settlement, "UA", "Kharkiv Oblast", null, null, null, "Vovchansk"),
    ];

    [Fact]
    public void Summaries_are_those_of_the_former_rule_on_random_incidents()
    {
        var random = new Random(12);
        for (var n = 0; n < 3000; n++)
        {
            var reports = Enumerable.Range(0, 1 + random.Next(n % 10 == 0 ? 40 : 6)).Select(i => Report(random, i)).ToList();
            Assert.Equal(Describe(Reference(n, reports)), Describe(IncidentSummarizer.Summarize(n, reports)));
        }
    }

    [Fact]
    public void Profiles_are_those_of_the_former_rule_on_random_events()
    {
        var random = new Random(25);
        for (var n = 0; n < 3000; n++)
        {
            var e = Report(random, n).Event;
            Assert.Equal(ReferenceFinest(e.Places), IncidentRule.FinestPlace(e.Places));
            var split = e.Evidence.Any(x => x.Text.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries).Any(NightCues.Contains));
            Assert.Equal(split, IncidentRule.TellsANight(e));
        }
    }

    private static readonly char[] WordBreaks = [' ', ',', '.', ';', ':', '-', '(', ')', '"', '\'', '’', '\n', '\t'];
    private static readonly HashSet<string> NightCues = IncidentRule.LoadWords("night-cues.txt");

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static IncidentReport Report(Random random, int i)
    {
        T? Maybe<T>(T value) where T : class => random.Next(4) == 0 ? null : value;
        int? Figure() => random.Next(3) == 0 ? null : random.Next(4);
        var type = random.Next(5) switch { 0 => EventType.AirDefense, 1 => EventType.GroundCombat, _ => EventType.Strike };
        var e = new EventRecord
        {
            Id = $"e{i}",
            Doc = $"d{i}",
            Type = type,
            Subtype = Maybe(Pick(random, Subtypes)),
            Date = Maybe(Pick(random, Dates)),
            DatePrecision = random.Next(4) switch { 0 => null, 1 => DatePrecision.Week, 2 => DatePrecision.Month, _ => DatePrecision.Day },
            Places = [.. Enumerable.Range(0, random.Next(4)).Select(_ => Pick(random, Places))],
            Actor = Maybe(Pick(random, Actors)),
            TargetActor = random.Next(10) == 0 ? "Civilians" : Maybe(Pick(random, Actors)),
            ClaimedBy = Maybe(Pick(random, Actors)),
            Killed = Figure(),
            Injured = Figure(),
            Weapons = [.. Enumerable.Range(0, random.Next(3)).Select(_ =>
                new Weapon(random.Next(2) == 0 ? WeaponClass.Missile : WeaponClass.Drone, null, Figure(), Figure()))],
            Evidence = [.. Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, Texts)).Select(t => new Evidence(0, t.Length, t))],
        };
        return new IncidentReport(e.Doc, Maybe(Pick(random, Sources)), null, null, e);
    }

    private static string Describe(Incident s) => string.Join(" | ",
        s.Type, s.Subtype, s.DateFirst, s.DateLast, s.DatePrecision, s.Actor, s.TargetActor, s.Place, s.PlaceKind, s.Country,
        s.Admin1, s.Admin2, s.Lat, s.Lon, string.Join(";", s.Sources), string.Join(";", s.ClaimedBy),
        s.Killed, s.Injured, s.MissilesLaunched, s.MissilesIntercepted, s.DronesLaunched, s.DronesIntercepted,
        string.Join(";", s.Figures), string.Join(";", s.ByClaimant), s.Reports.Count);

    // The former rule, as it was written with LINQ.
    private static Incident Reference(long id, IReadOnlyList<IncidentReport> reports)
    {
        var events = reports.Select(r => r.Event).ToList();
        var type = MostCommon(events.Select(e => (EventType?)e.Type)) ?? events[0].Type;
        var place = ReferenceFinest(events.SelectMany(e => e.Places));
        var dates = events.Select(e => e.Date).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var figures = reports.SelectMany(IncidentSummarizer.FiguresOf).ToList();
        return new Incident
        {
            Id = id,
            Type = type,
            Subtype = MostCommon(events.Where(e => e.Type == type).Select(e => e.Subtype)),
            DateFirst = dates.FirstOrDefault(),
            DateLast = dates.LastOrDefault(),
            DatePrecision = events.Where(e => e.Date is not null).Select(e => e.DatePrecision ?? DatePrecision.Day)
                .Order().Select(p => (DatePrecision?)p).FirstOrDefault() is { } precision ? EventJsonNames.Precision(precision) : null,
            Actor = MostCommon(events.Select(e => e.Actor)),
            TargetActor = ReferenceTargeted(events) ? CivilianTargets.Code : MostCommon(events.Select(e => e.TargetActor)),
            Place = place?.Name,
            PlaceKind = place is null ? null : EventJsonNames.Kind(place.Kind),
            Country = place?.Country,
            Admin1 = place?.Admin1 ?? (place?.Kind == PlaceKind.Region ? place.Name : null),
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
            ByClaimant = figures.GroupBy(f => (Claimant: f.ClaimedBy ?? IncidentSummarizer.Unattributed, f.Figure))
                .OrderBy(g => g.Key.Claimant, StringComparer.Ordinal).ThenBy(g => g.Key.Figure, StringComparer.Ordinal)
                .Select(g => new ClaimantFigure(g.Key.Claimant, g.Key.Figure, Best(g.ToList(), g.Key.Figure)!, g.Count()))
                .ToList(),
            Reports = reports,
        };
    }

    private static Place? ReferenceFinest(IEnumerable<Place> places) =>
        places.Select((p, i) => (p, i)).OrderBy(x => IncidentRule.Precision(x.p)).ThenBy(x => x.i).Select(x => x.p).FirstOrDefault();

    private static readonly HashSet<string> Cues = IncidentRule.LoadWords("civilian-targets.txt");
    private static readonly string[] Civilian = [.. Cues.Where(c => !c.StartsWith('-')).Select(c => $" {c.ToLowerInvariant()} ")];
    private static readonly string[] NotCivilian = [.. Cues.Where(c => c.StartsWith('-')).Select(c => $" {c[1..].ToLowerInvariant()} ")];

    private static bool ReferenceTargeted(IReadOnlyList<EventRecord> events)
    {
        if (events.Any(e => string.Equals(e.TargetActor, CivilianTargets.Code, StringComparison.OrdinalIgnoreCase)))
            return true;
        var strikes = events.Where(e => e.Type == EventType.Strike).Select(e => Words(e.Evidence)).ToList();
        return strikes.Any(t => Civilian.Any(t.Contains)) && !strikes.Any(t => NotCivilian.Any(t.Contains));
    }

    private static string Words(IEnumerable<Evidence> evidence)
    {
        var text = string.Join(" ", evidence.Select(e => e.Text)).ToLowerInvariant().Replace('’', '\'');
        var chars = text.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : ' ').ToArray();
        return " " + string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
    }

    private static BestFigure? Best(IReadOnlyList<SourceFigure> figures, string measure)
    {
        var values = figures.Where(f => f.Figure == measure).Select(f => f.Value).ToList();
        return values.Count == 0 ? null : new BestFigure(values.Min(), values.Min(), values.Max(), IncidentSummarizer.ConservativeRule);
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
