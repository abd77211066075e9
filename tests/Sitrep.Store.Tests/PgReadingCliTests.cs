namespace Sitrep.Store.Tests;

/// <summary>query, incidents, export and stats on <c>--db postgres://...</c>, run as users run them, against the same verbs on SQLite.</summary>
[Collection("postgres")]
public sealed class PgReadingCliTests(PgServer server) : IDisposable
{
    private readonly TempDatabase _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    [PgFact]
    public void Reading_verbs_print_the_same_from_postgres_as_from_sqlite()
    {
        var records = Path.Combine(_sqlite.Folder, "records.jsonl");
        SyntheticCorpus.WriteJsonl(records, documents: 30, eventsPerDocument: 3);
        var uri = server.CreateDatabase();
        Assert.Equal(0, SitrepProcess.Run("ingest", "--events", records, "--db", _sqlite.Path).Exit);
        Assert.Equal(0, SitrepProcess.Run("ingest", "--events", records, "--db", uri).Exit);

        string[][] verbs =
        [
            ["query", "--format", "jsonl", "--oblast", "Kharkiv", "--from", "2024-03-01"],
            ["query", "--text", "\"number 2\" OR report*", "--with-casualties", "--limit", "20"],
            ["export", "--format", "jsonl", "--type", "strike", "--near", "49.99,36.23", "--km", "30"],
            ["incidents", "--format", "csv", "--place", "Odesa"],
            ["stats", "--format", "jsonl", "--from", "2024-06-01"],
        ];
        foreach (var verb in verbs)
        {
            var fromSqlite = SitrepProcess.Run([.. verb, "--db", _sqlite.Path]);
            var fromPg = SitrepProcess.Run([.. verb, "--db", uri]);
            Assert.Equal((0, ""), (fromSqlite.Exit, fromSqlite.Stdout.Length == 0 ? "empty output" : ""));
            // Incident ids are each store's own and the time of writing differs; the rows' order is compared.
            Assert.Equal(WithoutIncidentIds(fromSqlite.Stdout), WithoutIncidentIds(fromPg.Stdout));
            Assert.Equal(fromSqlite.Exit, fromPg.Exit);
        }

        // SITREP_DB names the server as --db does, and a bad --text is the user's mistake, said as such.
        var bad = SitrepProcess.RunWith(new Dictionary<string, string> { ["SITREP_DB"] = uri }, "query", "--text", "(unclosed");
        Assert.Equal(2, bad.Exit);
        Assert.StartsWith("sitrep query: --text: ", bad.Stderr);
    }

    private static string WithoutIncidentIds(string output) =>
        System.Text.RegularExpressions.Regex.Replace(output, @"SITREP-[A-Z]{3}\d+|sitrep_incident=\d+|(?<=reports=\d+""?,)\d+", "");
}
