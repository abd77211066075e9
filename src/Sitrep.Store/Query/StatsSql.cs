using System.Data;
using System.Globalization;
using Dapper;
using Sitrep.Store.Incidents;

namespace Sitrep.Store.Query;

/// <summary>
/// Statements behind <c>sitrep stats</c>, in either store's dialect; all figures come from
/// incidents, so a strike told by three outlets counts once. Sums keep unknown apart from zero:
/// SQL's sum() of nothing but nulls is null, and no figure is coalesced to 0. Sums are cast to
/// BIGINT because PostgreSQL's sum of BIGINT is NUMERIC.
/// </summary>
/// <param name="weaponColumns">
/// Whether event_weapons carries its event's type, actors and claimant (a file made before them,
/// opened read-only where it cannot be upgraded, does not; its weapons are read with their events).
/// </param>
internal sealed class StatsSql(ReadDialect dialect, bool weaponColumns = true)
{
    public const string Totals = """
        SELECT (SELECT count(*) FROM documents) AS Documents,
               (SELECT count(*) FROM events) AS Events,
               (SELECT count(*) FROM incidents) AS Incidents
        """;

    /// <summary>The incidents' oblast names, to pick those whose folded name is the asked oblast's.</summary>
    public const string Oblasts = "SELECT DISTINCT admin1 FROM incidents WHERE admin1 IS NOT NULL";

    /// <summary>A WITH clause naming the incidents the query picks, with the killed and injured figures to count for each.</summary>
    /// <param name="oblasts">The stored oblast names (see <see cref="Oblasts"/>), read only when the query names an oblast.</param>
    public (string Sql, DynamicParameters Parameters) Picked(StatsQuery q, Func<IEnumerable<string>> oblasts)
    {
        var where = new List<string> { "coalesce(i.date_min, '') >= @from", "coalesce(i.date_min, '') <= @to" };
        var p = new DynamicParameters();
        p.Add("from", q.From ?? "");
        p.Add("to", q.To ?? "9999-12-31");
        if (q.Types.Count > 0)
        {
            where.Add(dialect.In("i.type", "@types"));
            p.Add("types", q.Types.Select(EventJsonNames.Type).ToList());
        }
        if (q.Actor is not null)
        {
            where.Add($"({dialect.EqualsIgnoringCase("i.actor", "@actor")} OR {dialect.EqualsIgnoringCase("i.target_actor", "@actor")})");
            p.Add("actor", q.Actor);
        }
        if (q.Oblast is not null)
        {
            // The names are folded here, not in SQL: the folding rule is C#, and a store holds few oblast names.
            var key = IncidentRule.OblastKey(q.Oblast);
            where.Add(dialect.In("i.admin1", "@oblasts"));
            p.Add("oblasts", oblasts().Where(name => IncidentRule.OblastKey(name) == key).ToList());
        }
        // A claimant's view: its incidents, and its own best figures in them.
        var killed = "i.killed_best";
        var injured = "i.injured_best";
        if (q.ClaimedBy is not null)
        {
            where.Add($"i.id IN (SELECT m.incident FROM incident_members m JOIN events e ON e.key = m.event WHERE {dialect.EqualsIgnoringCase("e.claimed_by", "@claimant")})");
            killed = $"(SELECT f.best FROM incident_figures f WHERE f.incident = i.id AND {dialect.EqualsIgnoringCase("f.claimant", "@claimant")} AND f.measure = 'killed')";
            injured = $"(SELECT f.best FROM incident_figures f WHERE f.incident = i.id AND {dialect.EqualsIgnoringCase("f.claimant", "@claimant")} AND f.measure = 'injured')";
        }
        // Typed, so that PostgreSQL knows what a null claimant is.
        p.Add("claimant", q.ClaimedBy, DbType.String);
        return ($"WITH picked AS (SELECT i.*, {killed} AS killed, {injured} AS injured FROM incidents i WHERE {string.Join(" AND ", where)})\n", p);
    }

    public const string Daily = """
        SELECT date_min AS Date, count(*) AS Incidents, CAST(sum(killed) AS BIGINT) AS Killed, CAST(sum(injured) AS BIGINT) AS Injured
        FROM picked
        WHERE date_min IS NOT NULL
        GROUP BY date_min
        ORDER BY date_min
        """;

    /// <summary>
    /// Per incident, claimant and weapon the claimant's lowest count (its most conservative),
    /// then summed by day. The launching side of an interception is its target: the defender is
    /// the actor of an air_defense event. Each weapon row carries its event's type, actors and
    /// claimant, so the tally never reads the events' wide rows.
    /// </summary>
    public string Weapons => $"""
        , per AS (
            SELECT p.date_min AS day,
                   CASE WHEN w.type = 'air_defense' THEN w.target_actor ELSE coalesce(w.actor, p.actor) END AS launched_by,
                   coalesce(w.claimed_by, 'unattributed') AS claimant,
                   coalesce(w.model, w.class) AS weapon,
                   m.incident AS incident, min(w.launched) AS launched, min(w.intercepted) AS intercepted
            FROM picked p
            JOIN incident_members m ON m.incident = p.id
            JOIN {WeaponRows} ON w.event = m.event
            WHERE p.date_min IS NOT NULL AND (w.launched IS NOT NULL OR w.intercepted IS NOT NULL)
              AND (@claimant IS NULL OR {dialect.EqualsIgnoringCase("w.claimed_by", "@claimant")})
            GROUP BY m.incident, day, launched_by, claimant, weapon)
        SELECT day AS Date, launched_by AS LaunchedBy, claimant AS Claimant, weapon AS Weapon, count(*) AS Incidents,
               CAST(sum(launched) AS BIGINT) AS Launched, CAST(sum(intercepted) AS BIGINT) AS Intercepted
        FROM per
        GROUP BY day, launched_by, claimant, weapon
        ORDER BY day, {dialect.Ascending("launched_by")}, {dialect.Ascending("claimant")}, {dialect.Ascending("weapon")}
        """;

    private string WeaponRows => weaponColumns
        ? "event_weapons w"
        : """
          (SELECT ew.event, ew.class, ew.model, ew.launched, ew.intercepted, e.type, e.actor, e.target_actor, e.claimed_by
           FROM event_weapons ew JOIN events e ON e.key = ew.event) w
          """;

    public string ByType => $"""
        SELECT type AS Key, count(*) AS Incidents, CAST(sum(report_count) AS BIGINT) AS Reports,
               CAST(sum(killed) AS BIGINT) AS Killed, CAST(sum(injured) AS BIGINT) AS Injured
        FROM picked
        GROUP BY type
        ORDER BY count(*) DESC, {dialect.Ascending("type")}
        """;

    public string ByOblast => $"""
        SELECT coalesce(admin1, '(unknown)') AS Key, count(*) AS Incidents, CAST(sum(report_count) AS BIGINT) AS Reports,
               CAST(sum(killed) AS BIGINT) AS Killed, CAST(sum(injured) AS BIGINT) AS Injured
        FROM picked
        GROUP BY coalesce(admin1, '(unknown)')
        ORDER BY count(*) DESC, {dialect.Ascending("coalesce(admin1, '(unknown)')")}
        """;

    /// <summary>Whether the query filters by first day alone, so SQLite can sum the writer's per-day copies (see <see cref="StoreSummaries"/>).</summary>
    public static bool ByDaysOnly(StatsQuery q) => q is { Types.Count: 0, Actor: null, Oblast: null, ClaimedBy: null };

    /// <summary>The day bounds as <see cref="Picked"/> binds them: undated incidents (day '') count only without a lower bound.</summary>
    public static DynamicParameters Days(StatsQuery q)
    {
        var (from, to) = DayBounds(q);
        var p = new DynamicParameters();
        p.Add("from", from);
        p.Add("to", to);
        return p;
    }

    /// <summary>The values <see cref="Days"/> binds to @from and @to.</summary>
    public static (string From, string To) DayBounds(StatsQuery q) => (q.From ?? "", q.To ?? "9999-12-31");

    public const string SummaryDaily = """
        SELECT day AS Date, sum(incidents) AS Incidents, CAST(sum(killed) AS BIGINT) AS Killed, CAST(sum(injured) AS BIGINT) AS Injured
        FROM stats_days
        WHERE kind = 'type' AND day >= @from AND day <= @to AND day <> ''
        GROUP BY day
        ORDER BY day
        """;

    /// <summary>The weapons tally of the days in the bounds, one packed value a day (see Schema.sql), in day order.</summary>
    public const string SummaryWeaponPacks = """
        SELECT day, rows FROM stats_day_weapon_packs
        WHERE day >= @from AND day <= @to
        ORDER BY day
        """;

    /// <summary>By type or by oblast (<paramref name="kind"/>), ordered as <see cref="ByType"/> and <see cref="ByOblast"/> order.</summary>
    /// <param name="kind">'type' or 'oblast'.</param>
    /// <param name="days">The bounds, as <see cref="DayBounds"/> gives them.</param>
    /// <param name="keyIndex">Whether the file has stats_days_by_key (a file made before it, opened where it cannot be upgraded, has not).</param>
    public static string SummaryGroups(string kind, (string From, string To) days, bool keyIndex)
    {
        var byKey = keyIndex && Wide(days);
        return $"""
            SELECT key AS Key, sum(incidents) AS Incidents, CAST(sum(reports) AS BIGINT) AS Reports,
                   CAST(sum(killed) AS BIGINT) AS Killed, CAST(sum(injured) AS BIGINT) AS Injured
            FROM stats_days {(byKey ? $"INDEXED BY {KeyIndex}" : "")}
            WHERE kind = '{kind}' AND day >= @from AND day <= @to
            GROUP BY {(byKey ? "key" : "+key")}
            ORDER BY sum(incidents) DESC, key
            """;
    }

    /// <summary>The index of stats_days in key order (see Schema.sql).</summary>
    public const string KeyIndex = "stats_days_by_key";

    /// <summary>
    /// Whether a span is long enough that by type and by oblast should walk stats_days_by_key,
    /// every day of the kind in key order, summed without sorting (all time on the 1 M store:
    /// 10 → 6 ms by oblast), rather than the primary key's days in the span, sorted by key (one
    /// month: 0.7 ms against 2.2 through the index). The two cross at about a year. The choice is
    /// made here because SQLite's planner cannot tell a month's range from four years': given the
    /// bare column it took the index for a month too. A short span groups by +key, which no index
    /// orders, so the planner keeps to the days. Either way gives the same rows.
    /// </summary>
    internal static bool Wide((string From, string To) days) =>
        !DateOnly.TryParseExact(days.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
        || !DateOnly.TryParseExact(days.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
        || to.DayNumber - from.DayNumber > WideDays;

    private const int WideDays = 366;
}
