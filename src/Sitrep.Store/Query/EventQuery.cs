using Sitrep.Events;

namespace Sitrep.Store;

/// <summary>A point and a radius: "within 30 km of Kharkiv".</summary>
public readonly record struct GeoCircle(double Lat, double Lon, double Km);

/// <summary>
/// Which events an analyst wants; every filter left null lets everything through. Filters
/// combine with AND; an incident matches when any of its reports does.
/// </summary>
public sealed record EventQuery
{
    public IReadOnlyList<EventType> Types { get; init; } = [];
    /// <summary>First day, inclusive (yyyy-MM-dd).</summary>
    public string? From { get; init; }
    /// <summary>Last day, inclusive (yyyy-MM-dd).</summary>
    public string? To { get; init; }

    /// <summary>Every event dated from <paramref name="from"/> to <paramref name="to"/>: what the run prior reads of a store.</summary>
    public static EventQuery Between(DateOnly from, DateOnly to) => new()
    {
        From = from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        To = to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
    /// <summary>A place's canonical name, any case: "Kharkiv" finds the city, not the oblast.</summary>
    public string? Place { get; init; }
    /// <summary>With <see cref="Place"/>: other names the place goes by (from the gazetteer), matched like it.</summary>
    public IReadOnlyList<string> PlaceNames { get; init; } = [];
    /// <summary>With <see cref="Place"/>: GeoNames ids the name can stand for; an event at any of them matches.</summary>
    public IReadOnlyList<long> PlaceIds { get; init; } = [];
    /// <summary>An oblast, as "Kharkiv", "Kharkiv Oblast" or "kharkiv region".</summary>
    public string? Oblast { get; init; }
    /// <summary>With <see cref="Oblast"/>: other names of the oblast (from the gazetteer).</summary>
    public IReadOnlyList<string> OblastNames { get; init; } = [];
    public GeoCircle? Near { get; init; }
    /// <summary>An actor code, matched on either side (initiator or target), as ACLED's actor filter does.</summary>
    public string? Actor { get; init; }
    /// <summary>A weapon model ("Shahed-136") or class ("drone").</summary>
    public string? Weapon { get; init; }
    /// <summary>An FTS5 query over the evidence sentences: words, "phrases", AND/OR/NOT, prefix*.</summary>
    public string? Text { get; init; }
    /// <summary>Who the reports attribute the facts to, as an actor code ("RU" for Russia's defence ministry).</summary>
    public string? ClaimedBy { get; init; }
    /// <summary>Only events with killed or injured above zero.</summary>
    public bool WithCasualties { get; init; }
    /// <summary>Only events whose incident's sources give different figures for the same measure.</summary>
    public bool Conflicting { get; init; }
    /// <summary>Only events without a date.</summary>
    public bool Undated { get; init; }
    /// <summary>Let undated events through <see cref="From"/> and <see cref="To"/>, which otherwise leave them out.</summary>
    public bool IncludeUndated { get; init; }
    /// <summary>Leave out events the document only mentions as past context.</summary>
    public bool ExcludeBackground { get; init; }
    public int? Limit { get; init; }
    /// <summary>
    /// With <see cref="Text"/>: best matches first (SQLite's bm25, PostgreSQL's ts_rank), ranked
    /// and limited inside the database, instead of by date.
    /// </summary>
    public bool Rank { get; init; }
}
