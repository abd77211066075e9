using Sitrep.Events;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>
/// query --rank: full-text matches best first, ranked and limited by the database (SQLite's
/// bm25, PostgreSQL's ts_rank), instead of by date; the same events either way.
/// </summary>
public sealed class RankedTextTests(PgServer server) : StoreSuite(server)
{
    // The event saying the word most, in the fewest words, is the best match; the dates run the other way.
    private static readonly (string Id, string Date, string Evidence)[] Told =
    [
        ("weak", "2024-05-01", "Air defence worked through the night over the region, and one Kinzhal was among the many missiles launched at the capital."),
        ("middle", "2024-05-02", "A Kinzhal struck the airfield; a second Kinzhal was shot down."),
        ("best", "2024-05-03", "Kinzhal, Kinzhal, Kinzhal."),
        ("other", "2024-05-04", "Drones hit a substation."),
    ];

    private IEventReader Store(string kind) => Holding(kind, [.. Told.Select(t =>
        (Doc(t.Id, published: t.Date), new[] { Strike(t.Id, "e1", Kyiv, date: t.Date, evidence: t.Evidence) }))]);

    [Theory, MemberData(nameof(Kinds))]
    public void Ranked_matches_come_best_first_and_the_limit_keeps_the_best(string kind)
    {
        var store = Store(kind);
        var byDate = store.Query(new EventQuery { Text = "Kinzhal" }).Select(e => e.Doc).ToList();
        Assert.Equal(["weak", "middle", "best"], byDate);

        var ranked = store.Query(new EventQuery { Text = "Kinzhal", Rank = true }).Select(e => e.Doc).ToList();
        Assert.Equal(["best", "middle", "weak"], ranked);
        Assert.Equal(["best"], store.Query(new EventQuery { Text = "Kinzhal", Rank = true, Limit = 1 }).Select(e => e.Doc));
        // The other filters still apply.
        Assert.Equal(["middle", "weak"], store.Query(new EventQuery { Text = "Kinzhal", Rank = true, To = "2024-05-02" }).Select(e => e.Doc));
        Assert.Empty(store.Query(new EventQuery { Text = "Kinzhal", Rank = true, From = "2024-05-04" }));
    }

    [Fact]
    public void A_malformed_expression_is_still_a_query_error_when_ranked()
    {
        var store = Store("sqlite");
        var e = Assert.Throws<QueryException>(() => store.Query(new EventQuery { Text = "\"open", Rank = true }).ToList());
        Assert.True(e.InText);
    }

    [Fact]
    public void Rank_without_text_is_a_usage_error()
    {
        var path = Path.Combine(Folder, "events.jsonl");
        File.WriteAllLines(path, [EventJson.Serialize(Strike("a", "a-1", Kharkiv, evidence: "Kinzhal struck."))]);
        var db = Path.Combine(Folder, "cli.db");
        SitrepProcess.Run("ingest", "--events", path, "--db", db);

        var (exit, _, stderr) = SitrepProcess.Run("query", "--db", db, "--rank");
        Assert.Equal(2, exit);
        Assert.Contains("--text", stderr);

        var (ok, stdout, _) = SitrepProcess.Run("query", "--db", db, "--text", "kinzhal", "--rank", "--format", "jsonl");
        Assert.Equal(0, ok);
        Assert.Contains("a-1", stdout);
    }
}
