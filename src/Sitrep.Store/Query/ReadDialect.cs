using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sitrep.Store.Query;

/// <summary>
/// The few places where SQLite and PostgreSQL read the same question in different SQL. Every
/// reading statement is written once (<see cref="EventFilterSql"/>, <see cref="StatsSql"/>,
/// <see cref="StoreReader"/>) with <c>@name</c> parameters, which both drivers bind, and asks
/// the dialect for these pieces; so both stores give the same rows in the same order.
/// </summary>
internal abstract class ReadDialect
{
    public static readonly ReadDialect Sqlite = new SqliteDialect();
    public static readonly ReadDialect Postgres = new PostgresDialect();

    /// <summary>Whether a column's value is one of a list parameter's.</summary>
    public abstract string In(string column, string parameter);

    /// <summary>Equality that ignores ASCII case, as actor and claimant codes are compared.</summary>
    public abstract string EqualsIgnoringCase(string column, string parameter);

    /// <summary>Keys of events whose evidence matches the full-text parameter @text.</summary>
    public abstract string EvidenceMatching { get; }

    /// <summary>FROM the evidence matching @text, joined to its events <c>e</c>, for ranking (see <see cref="Relevance"/>).</summary>
    public abstract string RankedMatches { get; }

    /// <summary>FROM the evidence alone, with <see cref="MatchKey"/> its event's key.</summary>
    public abstract string Matches { get; }

    public abstract string MatchKey { get; }

    /// <summary>The condition that picks the rows of <see cref="RankedMatches"/> or <see cref="Matches"/> that match @text.</summary>
    public abstract string Matching { get; }

    /// <summary>A score of each match of <see cref="RankedMatches"/>, lower for a better match.</summary>
    public abstract string Relevance { get; }

    /// <summary>A join that keeps the table before it as the outer loop (SQLite's planner may otherwise reorder).</summary>
    public abstract string ThenJoin { get; }

    /// <summary>The --text expression as the database's full-text search takes it.</summary>
    public abstract string FullText(string expression);

    /// <summary>Values of a subquery joined by a separator, in the order of <paramref name="orderBy"/>.</summary>
    public abstract string Joined(string value, string separator, params string[] orderBy);

    /// <summary>
    /// A text sort key ordered as SQLite orders it: by code point, nulls first. PostgreSQL would
    /// otherwise follow the database's locale and put nulls last.
    /// </summary>
    public abstract string Ascending(string expression);

    /// <summary>The query error a database error means, or null when it is not one this reader knows.</summary>
    public abstract QueryException? Problem(DbException e, bool textGiven);

    private sealed class SqliteDialect : ReadDialect
    {
        public override string In(string column, string parameter) => $"{column} IN {parameter}";

        public override string EqualsIgnoringCase(string column, string parameter) => $"{column} = {parameter} COLLATE NOCASE";

        public override string EvidenceMatching => "SELECT rowid FROM evidence WHERE evidence MATCH @text";

        public override string FullText(string expression) => expression;

        // From the index to the events, never the other way: bm25 is computed only for the matches.
        public override string RankedMatches => "FROM evidence CROSS JOIN events e ON e.key = evidence.rowid";

        public override string Matches => "FROM evidence";

        public override string MatchKey => "evidence.rowid";

        public override string Matching => "evidence MATCH @text";

        // FTS5's bm25 is lower for a better match.
        public override string Relevance => "bm25(evidence)";

        public override string ThenJoin => "CROSS JOIN";

        // group_concat takes its rows in the order the subquery gives them.
        public override string Joined(string value, string separator, params string[] orderBy) => $"group_concat({value}, {separator})";

        public override string Ascending(string expression) => expression;

        // FTS5 reports a bad MATCH expression as a plain SQL error ("unterminated string", "fts5:
        // syntax error"); the other filters are bound values that cannot make one.
        public override QueryException? Problem(DbException e, bool textGiven) => e is SqliteException s
            ? s.SqliteErrorCode == 1 && textGiven
                ? new QueryException(s.Message.Replace("SQLite Error 1: ", ""), inText: true)
                : new QueryException(EventStore.Describe(s), inText: false)
            : null;
    }

    private sealed class PostgresDialect : ReadDialect
    {
        public override string In(string column, string parameter) => $"{column} = ANY({parameter})";

        public override string EqualsIgnoringCase(string column, string parameter) => $"lower({column}) = lower({parameter})";

        public override string EvidenceMatching => "SELECT event FROM evidence WHERE tsv @@ to_tsquery('simple', @text)";

        public override string FullText(string expression) => FullTextQuery.ToTsQuery(expression);

        public override string RankedMatches => "FROM evidence v JOIN events e ON e.key = v.event";

        public override string Matches => "FROM evidence v";

        public override string MatchKey => "v.event";

        public override string Matching => "v.tsv @@ to_tsquery('simple', @text)";

        // ts_rank is higher for a better match, and weighs the same counts as bm25 differently, so
        // the two stores' orders may differ.
        public override string Relevance => "-ts_rank(v.tsv, to_tsquery('simple', @text))";

        public override string ThenJoin => "JOIN";

        public override string Joined(string value, string separator, params string[] orderBy) =>
            $"string_agg({value}, {separator} ORDER BY {string.Join(", ", orderBy.Select(o => $"{o} COLLATE \"C\""))})";

        public override string Ascending(string expression) => $"{expression} COLLATE \"C\" NULLS FIRST";

        public override QueryException? Problem(DbException e, bool textGiven) => e is NpgsqlException n
            ? new QueryException(global::Sitrep.Store.Postgres.PgEventStore.Describe(n), inText: textGiven && n is PostgresException { SqlState: "42601" })
            : null;
    }
}
