using Dapper;
using Sitrep.Store.Incidents;

namespace Sitrep.Store.Query;

/// <summary>
/// Turns an <see cref="EventQuery"/> into a WHERE clause over <c>events e</c> and its parameters,
/// in either store's dialect. Filters on child tables are uncorrelated <c>e.key IN (SELECT ...)</c>
/// subqueries, so each is one index scan and the outer query is a primary-key probe.
/// </summary>
/// <param name="placeTree">Whether the SQLite database has the R*Tree of places (event_places_tree) to find --near candidates by.</param>
internal sealed class EventFilterSql(ReadDialect dialect, bool placeTree = false)
{
    public static readonly EventFilterSql Sqlite = new(ReadDialect.Sqlite);

    private const string ByFrom = "e.date >= @from";
    private const string ByTo = "e.date <= @to";
    private const string ByFromOrUndated = "(e.date >= @from OR e.date IS NULL)";
    private const string ByToOrUndated = "(e.date <= @to OR e.date IS NULL)";
    private const string ByUndated = "e.date IS NULL";
    private const string WithCasualties = "(e.killed > 0 OR e.injured > 0)";
    // Sources disagree when one measure of the incident has more than one value, whoever claims it.
    private const string Conflicting = """
        e.key IN (SELECT m.event FROM incident_members m WHERE m.incident IN
                  (SELECT incident FROM incident_figures GROUP BY incident, measure HAVING min(min) <> max(max)))
        """;
    private const string ByNear = """
        e.key IN (SELECT event FROM event_places
                  WHERE lat BETWEEN @lat_min AND @lat_max AND lon BETWEEN @lon_min AND @lon_max
                    AND distance_km(lat, lon, @lat, @lon) <= @km)
        """;
    // The same test, with candidates found by the R*Tree (latitude, longitude, day) and checked on
    // the exact point; CROSS JOIN keeps SQLite from starting at the (lat, lon) index instead.
    private const string ByNearInTree = """
        e.key IN (SELECT p.event FROM event_places_tree t CROSS JOIN event_places p
                  WHERE t.lat_max >= @lat_min AND t.lat_min <= @lat_max AND t.lon_max >= @lon_min AND t.lon_min <= @lon_max
                    AND t.day_max >= @day_min AND t.day_min <= @day_max
                    AND p.event = t.id >> 16 AND p.ord = (t.id & 65535)
                    AND p.lat BETWEEN @lat_min AND @lat_max AND p.lon BETWEEN @lon_min AND @lon_max
                    AND distance_km(p.lat, p.lon, @lat, @lon) <= @km)
        """;
    private const string NotBackground = "e.background = 0";
    // event_places carries its event's date, so place filters narrow by date inside their index.
    // Undated places pass only when the query lets undated events through (the lower bound is
    // then ''); otherwise the bounds are a plain range, which the index can seek (coalesce() cannot).
    private const string PlaceDatesOrUndated = "coalesce(date, '') BETWEEN @place_from AND @place_to";
    private const string PlaceDatesOnly = "date BETWEEN @place_from AND @place_to";

    private static string PlaceFrom(EventQuery q) => q.From is null || q.IncludeUndated ? "" : q.From;

    public (string Where, DynamicParameters Parameters) Build(EventQuery q)
    {
        var clauses = new List<string>();
        var p = new DynamicParameters();
        if (q.Types.Count > 0)
        {
            clauses.Add(dialect.In("e.type", "@types"));
            p.Add("types", q.Types.Select(EventJsonNames.Type).ToList());
        }
        if (q.From is not null)
        {
            clauses.Add(q.IncludeUndated ? ByFromOrUndated : ByFrom);
            p.Add("from", q.From);
        }
        if (q.To is not null)
        {
            clauses.Add(q.IncludeUndated ? ByToOrUndated : ByTo);
            p.Add("to", q.To);
        }
        if (q.Undated)
            clauses.Add(ByUndated);
        if (q.Place is not null || q.Oblast is not null)
        {
            // Undated events pass when no bound is given, or when asked for (coalesce makes them '').
            p.Add("place_from", PlaceFrom(q));
            p.Add("place_to", q.To ?? "9999-12-31");
        }
        var placeDates = PlaceFrom(q) == "" ? PlaceDatesOrUndated : PlaceDatesOnly;
        if (q.Place is not null)
        {
            // Two covering index scans, as for weapons below.
            clauses.Add($"e.key IN (SELECT event FROM event_places WHERE {dialect.In("name_key", "@places")} AND {placeDates} " +
                        $"UNION ALL SELECT event FROM event_places WHERE {dialect.In("geonames_id", "@place_ids")} AND {placeDates})");
            p.Add("places", q.PlaceNames.Prepend(q.Place).Select(IncidentRule.Fold).Distinct().ToList());
            p.Add("place_ids", q.PlaceIds.ToList());
        }
        if (q.Oblast is not null)
        {
            clauses.Add($"e.key IN (SELECT event FROM event_places WHERE {dialect.In("admin1_key", "@oblasts")} AND {placeDates})");
            p.Add("oblasts", q.OblastNames.Prepend(q.Oblast).Select(IncidentRule.OblastKey).Distinct().ToList());
        }
        if (q.ClaimedBy is not null)
        {
            clauses.Add(dialect.EqualsIgnoringCase("e.claimed_by", "@claimant"));
            p.Add("claimant", q.ClaimedBy);
        }
        if (q.WithCasualties)
            clauses.Add(WithCasualties);
        if (q.Conflicting)
            clauses.Add(Conflicting);
        if (q.Near is { } near)
        {
            var box = GeoMath.BoundingBox(near.Lat, near.Lon, near.Km);
            clauses.Add(placeTree ? ByNearInTree : ByNear);
            if (placeTree)
            {
                // Undated places span every day in the tree; the date filters above decide for them.
                p.Add("day_min", PlaceTree.Day(q.From) ?? PlaceTree.Before);
                p.Add("day_max", PlaceTree.Day(q.To) ?? PlaceTree.After);
            }
            p.Add("lat_min", box.LatMin);
            p.Add("lat_max", box.LatMax);
            p.Add("lon_min", box.LonMin);
            p.Add("lon_max", box.LonMax);
            p.Add("lat", near.Lat);
            p.Add("lon", near.Lon);
            p.Add("km", near.Km);
        }
        if (q.Actor is not null)
        {
            clauses.Add($"({dialect.EqualsIgnoringCase("e.actor", "@actor")} OR {dialect.EqualsIgnoringCase("e.target_actor", "@actor")})");
            p.Add("actor", q.Actor);
        }
        // A weapon or a text matches events of every day: tens of thousands in a large store, each
        // a read of a whole events row if SQLite started from them. With a date bound or a limit
        // it should walk the date index instead and test each key against the (covering) list.
        var key = dialect == ReadDialect.Sqlite && (q.From is not null || q.To is not null || q.Limit is not null) ? "+e.key" : "e.key";
        if (q.Weapon is not null)
        {
            // Two covering index scans; an OR would look up each row of the table.
            clauses.Add($"{key} IN (SELECT event FROM event_weapons WHERE {dialect.EqualsIgnoringCase("model", "@weapon")} UNION ALL SELECT event FROM event_weapons WHERE class = lower(@weapon))");
            p.Add("weapon", q.Weapon);
        }
        if (q.Text is not null)
        {
            clauses.Add($"{key} IN ({dialect.EvidenceMatching})");
            p.Add("text", dialect.FullText(q.Text));
        }
        if (q.ExcludeBackground)
            clauses.Add(NotBackground);
        return (clauses.Count == 0 ? "1 = 1" : string.Join("\n  AND ", clauses), p);
    }
}
