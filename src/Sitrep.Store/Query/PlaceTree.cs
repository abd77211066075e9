using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sitrep.Store.Query;

/// <summary>
/// The R*Tree of located places (event_places_tree in Schema.sql): its day numbering, and
/// filling it once for a database made before it existed.
/// </summary>
internal static class PlaceTree
{
    /// <summary>The day bounds a place without a whole date spans, so that no day range leaves it out.</summary>
    public const long Before = -10_000_000, After = 10_000_000;

    /// <summary>Days since 1970-01-01, as the schema's triggers number them; null for anything but a whole yyyy-MM-dd date.</summary>
    public static long? Day(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber
            : null;

    public static bool Exists(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'event_places_tree'";
        return (long)command.ExecuteScalar()! > 0;
    }

    /// <summary>Every located place already stored, boxed as the insert trigger boxes a new one.</summary>
    public const string Fill = """
        INSERT INTO event_places_tree (id, lat_min, lat_max, lon_min, lon_max, day_min, day_max)
        SELECT event * 65536 + ord, lat, lat, lon, lon, coalesce(day, -10000000), coalesce(day, 10000000)
        FROM (SELECT event, ord, lat, lon, CASE WHEN date(date) IS date THEN CAST(julianday(date) - 2440587.5 AS INTEGER) END AS day
              FROM event_places WHERE lat IS NOT NULL AND lon IS NOT NULL)
        """;
}
