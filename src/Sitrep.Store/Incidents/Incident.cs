using Sitrep.Events;

namespace Sitrep.Store.Incidents;

/// <summary>A figure as one source gives it: "Ukrinform says 6 killed, claimed by the governor".</summary>
public sealed record SourceFigure(string Figure, int Value, string Doc, string? Source, string? ClaimedBy);

/// <summary>
/// The figure an incident reports for one measure, the range the sources span, and the rule
/// that chose it, so an analyst can see why 5 and not 6.
/// </summary>
public sealed record BestFigure(int Value, int Min, int Max, string Rule)
{
    public override string ToString() => Min == Max ? $"{Value}" : $"{Value} ({Min}-{Max})";
}

/// <summary>One report of an incident: a document and the event read from it.</summary>
public sealed record IncidentReport(string Doc, string? Source, string? Published, string? Url, EventRecord Event)
{
    public string? Title { get; init; }
}

/// <summary>
/// One claimant's figure for one measure, kept apart from every other claimant's: what Ukraine
/// says and what Russia says of the same night are two figures, never one.
/// </summary>
public sealed record ClaimantFigure(string Claimant, string Figure, BestFigure Best, int Reports);

/// <summary>Reports of the same incident from different documents, clustered into one.</summary>
public sealed record Incident
{
    public required long Id { get; init; }
    public required EventType Type { get; init; }
    public string? Subtype { get; init; }
    public string? DateFirst { get; init; }
    public string? DateLast { get; init; }
    /// <summary>The finest precision any report gives the date: day, week, month or year.</summary>
    public string? DatePrecision { get; init; }
    public string? Actor { get; init; }
    public string? TargetActor { get; init; }
    public string? Place { get; init; }
    public string? PlaceKind { get; init; }
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
    public string? Admin2 { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    /// <summary>Who the reports attribute the facts to ("UA", "RU", a governor's office as an actor code).</summary>
    public IReadOnlyList<string> ClaimedBy { get; init; } = [];
    public BestFigure? Killed { get; init; }
    public BestFigure? Injured { get; init; }
    public BestFigure? MissilesLaunched { get; init; }
    public BestFigure? MissilesIntercepted { get; init; }
    public BestFigure? DronesLaunched { get; init; }
    public BestFigure? DronesIntercepted { get; init; }
    public IReadOnlyList<SourceFigure> Figures { get; init; } = [];
    /// <summary>Each claimant's best figure per measure; reports that name no claimant are "unattributed".</summary>
    public IReadOnlyList<ClaimantFigure> ByClaimant { get; init; } = [];
    public IReadOnlyList<IncidentReport> Reports { get; init; } = [];
}
