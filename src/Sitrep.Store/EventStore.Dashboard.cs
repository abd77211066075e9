using Dapper;
using Sitrep.Store.Query;

namespace Sitrep.Store;

/// <summary>
/// What the dashboard asks for: the CLI's filters plus who claims it. Type and date filter the
/// incident's own summary (the type the map colours it by, its first day); the other filters
/// pass an incident when any of its reports matches, as <c>sitrep incidents</c> does.
/// </summary>
public sealed record DashboardQuery
{
    public EventQuery Filter { get; init; } = new();
    /// <summary>Who a report attributes the facts to (an actor code such as UA or RU).</summary>
    public string? Claimant { get; init; }
    /// <summary>Only incidents known no finer than an oblast (true), only finer ones (false), or both.</summary>
    public bool? OblastLevel { get; init; }
}

/// <summary>A latitude/longitude rectangle, the map's view.</summary>
public readonly record struct MapBox(double South, double West, double North, double East);

/// <summary>One incident as a map marker.</summary>
public sealed record MapPoint
{
    public long Id { get; init; }
    public string Type { get; init; } = "";
    public string? Subtype { get; init; }
    public string? Date { get; init; }
    public string? Place { get; init; }
    public double Lat { get; init; }
    public double Lon { get; init; }
    public long? Killed { get; init; }
    public long? Injured { get; init; }
    public long Reports { get; init; }
}

/// <summary>Incidents of one grid cell and one type, summed; the cell's markers are merged by the caller.</summary>
public sealed record MapCellCount
{
    public long Gy { get; init; }
    public long Gx { get; init; }
    public string Type { get; init; } = "";
    public long Count { get; init; }
    public double SumLat { get; init; }
    public double SumLon { get; init; }
    public long Casualties { get; init; }
}

/// <summary>Incidents known only as an oblast, summed per oblast and type: drawn as the oblast's outline.</summary>
public sealed record OblastCount
{
    public string Admin1 { get; init; } = "";
    public string Type { get; init; } = "";
    public long Count { get; init; }
    public long Casualties { get; init; }
}

/// <summary>Incidents of one day and type.</summary>
public sealed record DailyTypeCount
{
    public string Date { get; init; } = "";
    public string Type { get; init; } = "";
    public long Count { get; init; }
}

/// <summary>Missiles and drones launched and intercepted, by who claims the figures.</summary>
public sealed record ClaimantFigures
{
    public string Claimant { get; init; } = "";
    public long Incidents { get; init; }
    public long MissilesLaunched { get; init; }
    public long MissilesIntercepted { get; init; }
    public long DronesLaunched { get; init; }
    public long DronesIntercepted { get; init; }
    public long Killed { get; init; }
    public long Injured { get; init; }
}

/// <summary>One report's claim that a side took, retook or lost a settlement.</summary>
public sealed record ControlClaim
{
    public long Incident { get; init; }
    public string Date { get; init; } = "";
    public string? Subtype { get; init; }
    public string? Actor { get; init; }
    public string? ClaimedBy { get; init; }
    public string? Source { get; init; }
    public string Doc { get; init; } = "";
    public string Place { get; init; } = "";
    public string? Admin1 { get; init; }
    public double Lat { get; init; }
    public double Lon { get; init; }
    public long? GeonamesId { get; init; }
}

/// <summary>One day's incidents and their best figures summed. (Properties, not a positional record: Dapper cannot type the columns of an empty result.)</summary>
public sealed record DayFigures
{
    public string Date { get; init; } = "";
    public long Incidents { get; init; }
    public long MissilesLaunched { get; init; }
    public long MissilesIntercepted { get; init; }
    public long DronesLaunched { get; init; }
    public long DronesIntercepted { get; init; }
    public long Killed { get; init; }
    public long Injured { get; init; }
}

/// <summary>Where a stored report's text lives, so it can be shown with its evidence.</summary>
public sealed record DocumentFile
{
    public string Id { get; init; } = "";
    public string Path { get; init; } = "";
    public string? Title { get; init; }
    public string ContentHash { get; init; } = "";
}

public sealed partial class EventStore
{
    /// <summary>Counts of located, finer-than-oblast incidents in the box, per grid cell of <paramref name="cellDegrees"/> and type.</summary>
    public IReadOnlyList<MapCellCount> MapCells(DashboardQuery query, MapBox box, double cellDegrees)
    {
        var (where, p) = IncidentWhere(query with { OblastLevel = false });
        AddBox(p, box);
        p.Add("cell", cellDegrees);
        return Run(() => _connection.Query<MapCellCount>($"""
            SELECT CAST((i.lat + 90) / $cell AS INTEGER) AS Gy, CAST((i.lon + 180) / $cell AS INTEGER) AS Gx, i.type AS Type,
                   count(*) AS Count, sum(i.lat) AS SumLat, sum(i.lon) AS SumLon,
                   coalesce(sum(i.killed_best), 0) + coalesce(sum(i.injured_best), 0) AS Casualties
            FROM incidents i
            WHERE {where} AND {InBox}
            GROUP BY Gy, Gx, i.type
            """, p).ToList());
    }

    /// <summary>Located, finer-than-oblast incidents in the box, at most <paramref name="limit"/>, newest first.</summary>
    public IReadOnlyList<MapPoint> MapPoints(DashboardQuery query, MapBox box, int limit)
    {
        var (where, p) = IncidentWhere(query with { OblastLevel = false });
        AddBox(p, box);
        p.Add("limit", limit);
        return Run(() => _connection.Query<MapPoint>($"""
            SELECT i.id, i.type, i.subtype, i.date_min AS Date, i.place, i.lat, i.lon, i.killed_best AS Killed, i.injured_best AS Injured,
                   i.report_count AS Reports
            FROM incidents i
            WHERE {where} AND {InBox}
            ORDER BY i.date_min DESC, i.id
            LIMIT $limit
            """, p).ToList());
    }

    /// <summary>Incidents known only as an oblast, counted per oblast and type.</summary>
    public IReadOnlyList<OblastCount> OblastCounts(DashboardQuery query)
    {
        var (where, p) = IncidentWhere(query with { OblastLevel = true });
        return Run(() => _connection.Query<OblastCount>($"""
            SELECT i.admin1 AS Admin1, i.type AS Type, count(*) AS Count,
                   coalesce(sum(i.killed_best), 0) + coalesce(sum(i.injured_best), 0) AS Casualties
            FROM incidents i
            WHERE {where} AND i.admin1 IS NOT NULL
            GROUP BY i.admin1, i.type
            """, p).ToList());
    }

    /// <summary>How many incidents match, and how many of them the map cannot draw: no coordinates, or known as an oblast but not which.</summary>
    public (long Total, long Unlocated) CountIncidents(DashboardQuery query)
    {
        var (where, p) = IncidentWhere(query);
        return Run(() => _connection.QuerySingle<(long, long)>($"""
            SELECT count(*),
                   coalesce(sum(NOT ((i.place_kind IS NOT 'region' AND i.lat IS NOT NULL) OR (i.place_kind = 'region' AND i.admin1 IS NOT NULL))), 0)
            FROM incidents i
            WHERE {where}
            """, p));
    }

    /// <summary>A page of matching incidents, newest first.</summary>
    public IReadOnlyList<IncidentRow> IncidentPage(DashboardQuery query, int offset, int size)
    {
        var (where, p) = IncidentWhere(query);
        p.Add("offset", offset);
        p.Add("size", size);
        return Run(() => _connection.Query<IncidentRow>(
            $"SELECT i.* FROM incidents i WHERE {where} ORDER BY i.date_min IS NULL, i.date_min DESC, i.id DESC LIMIT $size OFFSET $offset", p).ToList());
    }

    /// <summary>A page of matching events as their JSON records, by date (undated last).</summary>
    public IReadOnlyList<string> EventPage(DashboardQuery query, int offset, int size)
    {
        var (where, p) = EventWhere(query);
        p.Add("offset", offset);
        p.Add("size", size);
        return Run(() => _connection.Query<string>(
            $"SELECT e.record FROM events e WHERE {where} ORDER BY e.date IS NULL, e.date, e.key LIMIT $size OFFSET $offset", p).ToList());
    }

    /// <summary>Matching incidents per day and type, for the timeline.</summary>
    public IReadOnlyList<DailyTypeCount> DailyByType(DashboardQuery query)
    {
        var (where, p) = IncidentWhere(query);
        return Run(() => _connection.Query<DailyTypeCount>(
            $"SELECT i.date_min AS Date, i.type AS Type, count(*) AS Count FROM incidents i WHERE {where} AND i.date_min IS NOT NULL GROUP BY i.date_min, i.type ORDER BY i.date_min", p).ToList());
    }

    /// <summary>Matching incidents' best figures summed per day: launched and intercepted by weapon class, killed, injured.</summary>
    public IReadOnlyList<DayFigures> DailyFigures(DashboardQuery query)
    {
        var (where, p) = IncidentWhere(query);
        return Run(() => _connection.Query<DayFigures>($"""
            SELECT i.date_min AS Date, count(*) AS Incidents,
                   coalesce(sum(i.missiles_launched), 0) AS MissilesLaunched, coalesce(sum(i.missiles_intercepted), 0) AS MissilesIntercepted,
                   coalesce(sum(i.drones_launched), 0) AS DronesLaunched, coalesce(sum(i.drones_intercepted), 0) AS DronesIntercepted,
                   coalesce(sum(i.killed_best), 0) AS Killed, coalesce(sum(i.injured_best), 0) AS Injured
            FROM incidents i
            WHERE {where} AND i.date_min IS NOT NULL
            GROUP BY i.date_min
            ORDER BY i.date_min
            """, p).ToList());
    }

    /// <summary>Matching incidents' launched and intercepted figures by who claims them.</summary>
    public IReadOnlyList<ClaimantFigures> FiguresByClaimant(DashboardQuery query)
    {
        var (where, p) = IncidentWhere(query);
        return Run(() => _connection.Query<ClaimantFigures>($"""
            SELECT coalesce(i.claimed_by, '') AS Claimant, count(*) AS Incidents,
                   coalesce(sum(i.missiles_launched), 0) AS MissilesLaunched, coalesce(sum(i.missiles_intercepted), 0) AS MissilesIntercepted,
                   coalesce(sum(i.drones_launched), 0) AS DronesLaunched, coalesce(sum(i.drones_intercepted), 0) AS DronesIntercepted,
                   coalesce(sum(i.killed_best), 0) AS Killed, coalesce(sum(i.injured_best), 0) AS Injured
            FROM incidents i
            WHERE {where}
            GROUP BY coalesce(i.claimed_by, '')
            ORDER BY count(*) DESC
            """, p).ToList());
    }

    /// <summary>Every dated report that a side took or retook a located settlement (the event's first place; later ones are context such as "near Pokrovsk"), up to the query's last day, oldest first.</summary>
    public IReadOnlyList<ControlClaim> ControlClaims(DashboardQuery query, IReadOnlyCollection<string> controlSubtypes)
    {
        var filter = query.Filter with { Types = [Events.EventType.TerritorialChange], From = null };
        var (where, p) = EventWhere(query with { Filter = filter });
        p.Add("subtypes", controlSubtypes);
        return Run(() => _connection.Query<ControlClaim>($"""
            SELECT m.incident AS Incident, e.date AS Date, e.subtype AS Subtype, e.actor AS Actor, e.claimed_by AS ClaimedBy,
                   d.source AS Source, e.doc AS Doc, pl.name AS Place, pl.admin1 AS Admin1, pl.lat AS Lat, pl.lon AS Lon, pl.geonames_id AS GeonamesId
            FROM events e
            JOIN event_places pl ON pl.event = e.key AND pl.ord = 0 AND pl.kind = 'settlement' AND pl.lat IS NOT NULL
            JOIN documents d ON d.id = e.doc
            JOIN incident_members m ON m.event = e.key
            WHERE {where} AND e.date IS NOT NULL AND e.subtype IN @subtypes
            ORDER BY e.date, e.key
            """, p).ToList());
    }

    /// <summary>Where the given documents' texts were read from.</summary>
    public IReadOnlyList<DocumentFile> DocumentFiles(IEnumerable<string> ids) =>
        _connection.Query<DocumentFile>("SELECT id AS Id, path AS Path, title AS Title, content_hash AS ContentHash FROM documents WHERE id IN @ids", new { ids = ids.ToList() }).ToList();

    private const string InBox = "i.lat BETWEEN $south AND $north AND i.lon BETWEEN $west AND $east";

    private static void AddBox(DynamicParameters p, MapBox box)
    {
        p.Add("south", box.South);
        p.Add("north", box.North);
        p.Add("west", box.West);
        p.Add("east", box.East);
    }

    // Type and dates on the incident's summary columns (an index scan on date); everything else
    // through the events of the incident, reusing the CLI's event filter.
    private static (string Where, DynamicParameters Parameters) IncidentWhere(DashboardQuery query)
    {
        var q = query.Filter;
        var perReport = q with { Types = [], From = null, To = null, Limit = null };
        var (eventWhere, p) = EventFilterSql.Build(perReport);
        var clauses = new List<string>();
        if (q.Types.Count > 0)
        {
            clauses.Add("i.type IN @incident_types");
            p.Add("incident_types", q.Types.Select(EventJsonNames.Type).ToList());
        }
        if (q.From is not null)
        {
            clauses.Add("i.date_min >= $incident_from");
            p.Add("incident_from", q.From);
        }
        if (q.To is not null)
        {
            clauses.Add("i.date_min <= $incident_to");
            p.Add("incident_to", q.To);
        }
        if (query.OblastLevel is { } oblastLevel)
            clauses.Add(oblastLevel ? "i.place_kind = 'region'" : "i.place_kind IS NOT 'region' AND i.lat IS NOT NULL");
        if (query.Claimant is not null)
        {
            eventWhere = $"({eventWhere}) AND e.claimed_by = $claimant COLLATE NOCASE";
            p.Add("claimant", query.Claimant);
        }
        if (eventWhere != "1 = 1")
            clauses.Add($"i.id IN (SELECT m.incident FROM incident_members m JOIN events e ON e.key = m.event WHERE {eventWhere})");
        return (clauses.Count == 0 ? "1 = 1" : string.Join("\n  AND ", clauses), p);
    }

    private static (string Where, DynamicParameters Parameters) EventWhere(DashboardQuery query)
    {
        var (where, p) = EventFilterSql.Build(query.Filter with { Limit = null });
        if (query.Claimant is not null)
        {
            where = $"({where}) AND e.claimed_by = $claimant COLLATE NOCASE";
            p.Add("claimant", query.Claimant);
        }
        return (where, p);
    }

    // SQLite reports a bad full-text expression as an error when the statement runs.
    private static T Run<T>(Func<T> query)
    {
        try
        {
            return query();
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw new QueryException(e.Message);
        }
    }
}
