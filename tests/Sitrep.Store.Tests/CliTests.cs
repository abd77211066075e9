using System.Globalization;
using CsvHelper;
using Sitrep.Events;
using Sitrep.Store.Export;

namespace Sitrep.Store.Tests;

/// <summary>The verbs end to end through the real CLI process: exit codes, stdout for data, stderr for the rest.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private string Events(params EventRecord[] records)
    {
        var path = Path.Combine(_db.Folder, "events.jsonl");
        File.WriteAllLines(path, records.Select(EventJson.Serialize));
        return path;
    }

    [Fact]
    public void Ingest_names_a_bad_line_on_stderr_stores_the_rest_and_exits_1()
    {
        var path = Events(Reports.Strike("a", "a-1", Reports.Kharkiv), Reports.Strike("b", "b-1", Reports.Kharkiv));
        File.AppendAllText(path, "{not json\n");

        var (exit, stdout, stderr) = SitrepProcess.Run("ingest", "--events", path, "--db", _db.Path);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"{path}:3: not an event record", stderr);
        using var store = _db.Open();
        Assert.Equal(2, store.Count("documents"));
    }

    [Fact]
    public void Ingesting_the_same_file_twice_reports_everything_unchanged()
    {
        var path = Events(Reports.Strike("a", "a-1", Reports.Kharkiv), Reports.Strike("a", "a-2", Reports.Odesa));
        SitrepProcess.Run("ingest", "--events", path, "--db", _db.Path);

        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", path, "--db", _db.Path);

        Assert.Equal(0, exit);
        Assert.Contains("0 added, 0 replaced, 1 unchanged", stderr);
    }

    [Fact]
    public void A_document_whose_events_are_split_across_the_file_is_refused_not_half_stored()
    {
        var path = Events(Reports.Strike("a", "a-1", Reports.Kharkiv), Reports.Strike("b", "b-1", Reports.Odesa), Reports.Strike("a", "a-2", Reports.Kyiv));

        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", path, "--db", _db.Path);

        Assert.Equal(1, exit);
        Assert.Contains("'a' appear again", stderr);
        using var store = _db.Open();
        Assert.Equal(2, store.Count("documents"));
        Assert.Equal(0, store.Orphans());
    }

    [Fact]
    public void Query_writes_jsonl_records_that_read_back()
    {
        var record = Reports.Strike("a", "a-1", Reports.Kharkiv, killed: 4);
        SitrepProcess.Run("ingest", "--events", Events(record, Reports.Strike("b", "b-1", Reports.Odesa)), "--db", _db.Path);

        var (exit, stdout, _) = SitrepProcess.Run("query", "--db", _db.Path, "--near", "Kharkiv", "--km", "10", "--format", "jsonl");

        Assert.Equal(0, exit);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(EventJson.Serialize(record), EventJson.Serialize(EventJson.Deserialize(line)!));
    }

    [Fact]
    public void Export_csv_through_the_cli_parses_with_acleds_headers()
    {
        SitrepProcess.Run("ingest", "--events", Events(Reports.Strike("a", "a-1", Reports.Kharkiv, killed: 4)), "--db", _db.Path);

        var (exit, stdout, _) = SitrepProcess.Run("export", "--db", _db.Path, "--format", "csv");

        Assert.Equal(0, exit);
        using var csv = new CsvReader(new StringReader(stdout), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(AcledCsvExporter.Columns, csv.HeaderRecord);
        Assert.True(csv.Read());
        Assert.Equal("4", csv.GetField("fatalities"));
    }

    [Theory]
    [InlineData("query")]
    [InlineData("export", "--format", "csv")]
    [InlineData("stats")]
    [InlineData("incidents")]
    public void Reading_verbs_refuse_a_missing_database_with_exit_code_2(string verb, params string[] more)
    {
        var (exit, stdout, stderr) = SitrepProcess.Run([verb, "--db", Path.Combine(_db.Folder, "none.db"), .. more]);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("no database at", stderr);
    }

    [Fact]
    public void A_malformed_full_text_query_is_a_usage_error_on_stderr()
    {
        SitrepProcess.Run("ingest", "--events", Events(Reports.Strike("a", "a-1", Reports.Kharkiv)), "--db", _db.Path);

        var (exit, _, stderr) = SitrepProcess.Run("query", "--db", _db.Path, "--text", "\"open");

        Assert.Equal(2, exit);
        Assert.Contains("--text", stderr);
    }
}

public sealed class CliReportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Records_ingested_with_their_reports_carry_the_reports_source_and_date()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_db.Folder, "reports")).FullName;
        File.WriteAllText(Path.Combine(reports, "kh-1.txt"), "Synthetic report text about a strike on a city.\n");
        File.WriteAllText(Path.Combine(reports, "kh-1.meta.json"), """{"published": "2024-05-11", "source": "Test Wire", "url": "https://example.org/kh-1", "title": "Strike"}""");
        var events = Path.Combine(_db.Folder, "events.jsonl");
        File.WriteAllLines(events, [EventJson.Serialize(Reports.Strike("kh-1", "e1", Reports.Kharkiv, killed: 2)), EventJson.Serialize(Reports.Strike("ghost", "e1", Reports.Odesa))]);

        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, reports, "--db", _db.Path);

        Assert.Equal(1, exit);
        Assert.Contains("'ghost', which is not among the reports given", stderr);
        using var store = _db.Open();
        var incident = store.GetIncident(store.IncidentOf("kh-1", "e1")!.Value)!;
        var report = Assert.Single(incident.Reports);
        Assert.Equal(("Test Wire", "2024-05-11", "https://example.org/kh-1"), (report.Source, report.Published, report.Url));
        Assert.Equal(1, store.Count("documents"));
    }
}

public sealed class CliDuplicateIdTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Two_reports_with_one_file_name_in_one_run_store_the_first_and_name_the_second()
    {
        foreach (var (folder, text) in new[] { ("x", "First account of a strike.\n"), ("y", "Second, different account.\n") })
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_db.Folder, folder)).FullName, "same.txt"), text);
        var events = Path.Combine(_db.Folder, "events.jsonl");
        File.WriteAllLines(events, [EventJson.Serialize(Reports.Strike("same", "e1", Reports.Kharkiv))]);

        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, Path.Combine(_db.Folder, "x"), Path.Combine(_db.Folder, "y"), "--db", _db.Path);

        Assert.Equal(1, exit);
        Assert.Contains("document id 'same' is already taken", stderr);
        using var store = _db.Open();
        Assert.Equal(1, store.Count("documents"));
        Assert.Equal(1, store.Count("events"));
    }
}
