using System.Data.Common;

namespace Sitrep.Store.Query;

/// <summary>
/// Incident rows read by hand from SQLite: a month's listing is thousands of rows of some thirty
/// columns, and reading each value typed, by a position found once, costs a fraction of a general
/// mapper's boxed read of every value. Same values as Dapper gives, column for column.
/// </summary>
internal sealed class IncidentRows
{
    private readonly int _id, _family, _type, _subtype, _dateMin, _dateMax, _datePrecision, _actor, _targetActor, _place, _placeKind,
        _country, _admin1, _admin2, _lat, _lon, _reportCount, _sources, _claimedBy, _killedBest, _killedMin, _killedMax,
        _injuredBest, _injuredMin, _injuredMax, _missilesLaunched, _missilesIntercepted, _dronesLaunched, _dronesIntercepted,
        _updatedAt, _urls, _titles, _claims;

    private IncidentRows(DbDataReader rows)
    {
        var at = Enumerable.Range(0, rows.FieldCount).ToDictionary(rows.GetName, i => i, StringComparer.OrdinalIgnoreCase);
        (_id, _family, _type, _subtype, _dateMin, _dateMax, _datePrecision) = (at["id"], at["family"], at["type"], at["subtype"], at["date_min"], at["date_max"], at["date_precision"]);
        (_actor, _targetActor, _place, _placeKind, _country, _admin1, _admin2) = (at["actor"], at["target_actor"], at["place"], at["place_kind"], at["country"], at["admin1"], at["admin2"]);
        (_lat, _lon, _reportCount, _sources, _claimedBy) = (at["lat"], at["lon"], at["report_count"], at["sources"], at["claimed_by"]);
        (_killedBest, _killedMin, _killedMax, _injuredBest, _injuredMin, _injuredMax) = (at["killed_best"], at["killed_min"], at["killed_max"], at["injured_best"], at["injured_min"], at["injured_max"]);
        (_missilesLaunched, _missilesIntercepted, _dronesLaunched, _dronesIntercepted) = (at["missiles_launched"], at["missiles_intercepted"], at["drones_launched"], at["drones_intercepted"]);
        (_updatedAt, _urls, _titles, _claims) = (at["updated_at"], at["Urls"], at["Titles"], at["Claims"]);
    }

    /// <summary>The rows of the reader <paramref name="open"/> runs when the first row is asked for; closed at the end.</summary>
    public static IEnumerable<IncidentRow> Read(Func<DbDataReader> open)
    {
        using var rows = open();
        IncidentRows? map = null;
        while (rows.Read())
        {
            map ??= new IncidentRows(rows);
            yield return map.Row(rows);
        }
    }

    private IncidentRow Row(DbDataReader r) => new()
    {
        Id = r.GetInt64(_id),
        Family = r.GetString(_family),
        Type = r.GetString(_type),
        Subtype = Text(r, _subtype),
        DateMin = Text(r, _dateMin),
        DateMax = Text(r, _dateMax),
        DatePrecision = Text(r, _datePrecision),
        Actor = Text(r, _actor),
        TargetActor = Text(r, _targetActor),
        Place = Text(r, _place),
        PlaceKind = Text(r, _placeKind),
        Country = Text(r, _country),
        Admin1 = Text(r, _admin1),
        Admin2 = Text(r, _admin2),
        Lat = r.IsDBNull(_lat) ? null : r.GetDouble(_lat),
        Lon = r.IsDBNull(_lon) ? null : r.GetDouble(_lon),
        ReportCount = r.GetInt64(_reportCount),
        Sources = Text(r, _sources),
        ClaimedBy = Text(r, _claimedBy),
        KilledBest = Number(r, _killedBest),
        KilledMin = Number(r, _killedMin),
        KilledMax = Number(r, _killedMax),
        InjuredBest = Number(r, _injuredBest),
        InjuredMin = Number(r, _injuredMin),
        InjuredMax = Number(r, _injuredMax),
        MissilesLaunched = Number(r, _missilesLaunched),
        MissilesIntercepted = Number(r, _missilesIntercepted),
        DronesLaunched = Number(r, _dronesLaunched),
        DronesIntercepted = Number(r, _dronesIntercepted),
        UpdatedAt = r.GetString(_updatedAt),
        Urls = Text(r, _urls),
        Titles = Text(r, _titles),
        Claims = Text(r, _claims),
    };

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? Number(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
