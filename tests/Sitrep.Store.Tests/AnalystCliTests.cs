using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Dapper;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Export;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>A small database of known content, ingested through the CLI, that the analyst-facing tests query.</summary>
public sealed class AnalystDatabase : IDisposable
{
    public static readonly Place Kramatorsk = City("Kramatorsk", "Donetsk", 48.7389, 37.5848, 704508);
    public static readonly Place Sloviansk = City("Sloviansk", "Donetsk", 48.8700, 37.6250, 700019);

    public AnalystDatabase()
    {
        Db = new TempDatabase();
        var events = Path.Combine(Db.Folder, "events.jsonl");
        File.WriteAllLines(events, new[]
        {
            Strike("ua-1", "e1", Kharkiv, killed: 4, injured: 10, claimedBy: "UA"),
            Strike("ua-2", "e1", Kharkiv, killed: 6, claimedBy: "UA"),
            Strike("ru-1", "e1", Sloviansk, actor: "UA", claimedBy: "RU", weapons: [new Weapon(WeaponClass.Drone, null, 20, 18)]) with { TargetActor = "RU" },
            Event("un-1", "e1", EventType.Diplomacy, null, null, actor: "FI", subtype: "visit"),
            Strike("ua-3", "e1", Odesa, date: "2024-06-01", injured: 2, claimedBy: "UA"),
        }.Select(EventJson.Serialize));
        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", Db.Path);
        Assert.True(exit == 0, stderr);
    }

    public TempDatabase Db { get; }

    public (int Exit, string Stdout, string Stderr) Run(params string[] args) => SitrepProcess.Run([.. args, "--db", Db.Path]);

    public void Dispose() => Db.Dispose();
}

public sealed class AnalystFilterTests(AnalystDatabase data) : IClassFixture<AnalystDatabase>
{
    private static string[] Docs(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()!).Order().ToArray();

    [Fact]
    public void Actor_accepts_a_country_name_as_well_as_its_code()
    {
        var byName = data.Run("query", "--actor", "Russia", "--format", "jsonl");
        var byCode = data.Run("query", "--actor", "RU", "--format", "jsonl");

        Assert.Equal(0, byName.Exit);
        Assert.Equal(Docs(byCode.Stdout), Docs(byName.Stdout));
        Assert.Equal(["ru-1", "ua-1", "ua-2", "ua-3"], Docs(byName.Stdout));
    }

    [Fact]
    public void An_unknown_actor_name_is_a_usage_error_naming_the_option()
    {
        var run = data.Run("query", "--actor", "Atlantis");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--actor 'Atlantis'", run.Stderr);
    }

    [Fact]
    public void Claimed_by_finds_only_what_that_side_claims() =>
        Assert.Equal(["ru-1"], Docs(data.Run("query", "--claimed-by", "Russia", "--format", "jsonl").Stdout));

    [Fact]
    public void With_casualties_finds_events_with_killed_or_injured() =>
        Assert.Equal(["ua-1", "ua-2", "ua-3"], Docs(data.Run("query", "--with-casualties", "--format", "jsonl").Stdout));

    [Fact]
    public void Conflicting_finds_the_incident_whose_sources_disagree() =>
        Assert.Equal(["ua-1", "ua-2"], Docs(data.Run("query", "--conflicting", "--format", "jsonl").Stdout));

    [Fact]
    public void Date_filters_leave_undated_events_out_unless_asked_and_undated_finds_them()
    {
        Assert.Equal(["ua-3"], Docs(data.Run("query", "--from", "2024-05-20", "--format", "jsonl").Stdout));
        Assert.Equal(["ua-3", "un-1"], Docs(data.Run("query", "--from", "2024-05-20", "--include-undated", "--format", "jsonl").Stdout));
        Assert.Equal(["un-1"], Docs(data.Run("query", "--undated", "--format", "jsonl").Stdout));
        Assert.Contains("1 undated events match the other filters", data.Run("query", "--from", "2024-05-20").Stderr);
    }

    [Fact]
    public void From_after_to_is_a_usage_error_not_an_empty_answer()
    {
        var run = data.Run("query", "--from", "2024-06-01", "--to", "2024-05-01");

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--from 2024-06-01 is after --to 2024-05-01", run.Stderr);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("-3")]
    [InlineData("Infinity")]
    public void A_radius_that_is_not_a_distance_is_a_usage_error(string km)
    {
        var run = data.Run("query", "--near", "49.99,36.23", "--km", km);

        Assert.Equal(2, run.Exit);
        Assert.Contains("--km", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [FactRequiresGazetteer]
    public void Place_accepts_any_spelling_the_gazetteer_knows() =>
        Assert.Equal(["ua-1", "ua-2"], Docs(data.Run("query", "--place", "Kharkov", "--format", "jsonl").Stdout));

    [FactRequiresGazetteer]
    public void Near_accepts_a_place_the_database_has_never_seen()
    {
        var run = data.Run("query", "--near", "Kramatorsk", "--km", "20", "--format", "jsonl");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["ru-1"], Docs(run.Stdout));
    }

    [Fact]
    public void Stats_prints_unknown_figures_as_unknown_and_an_empty_result_as_an_empty_table()
    {
        var all = data.Run("stats");
        var none = data.Run("stats", "--from", "2030-01-01");

        Assert.Equal(0, all.Exit);
        Assert.Matches(@"2024-06-01\s+1\s+-\s+2", all.Stdout);
        Assert.Equal(0, none.Exit);
        Assert.Contains("date  incidents  killed  injured", none.Stdout);
    }

    [Fact]
    public void Stats_filters_by_claimant_and_keeps_each_sides_counts_apart()
    {
        var run = data.Run("stats", "--claimed-by", "RU", "--format", "jsonl");

        Assert.Equal(0, run.Exit);
        var stats = JsonDocument.Parse(run.Stdout).RootElement;
        var weapon = Assert.Single(stats.GetProperty("weapons").EnumerateArray());
        Assert.Equal(("UA", "RU", 20, 18), (weapon.GetProperty("launched_by").GetString(), weapon.GetProperty("claimant").GetString(),
            weapon.GetProperty("launched").GetInt32(), weapon.GetProperty("intercepted").GetInt32()));
    }

    [Theory]
    [InlineData("csv", "event_id_cnty")]
    [InlineData("geojson", "FeatureCollection")]
    [InlineData("parquet", "PAR1")]
    public void Incidents_speak_the_export_formats_too(string format, string mark)
    {
        var run = data.Run("incidents", "--format", format);

        Assert.Equal(0, run.Exit);
        Assert.Contains(mark, run.Stdout);
    }

    [Fact]
    public void Every_verb_speaks_jsonl_for_json_lines()
    {
        Assert.Equal(0, data.Run("incidents", "--format", "jsonl").Exit);
        Assert.Equal(0, data.Run("query", "--format", "jsonl").Exit);
        Assert.Equal(0, data.Run("stats", "--format", "jsonl").Exit);
        Assert.Equal(2, data.Run("incidents", "--format", "json").Exit);
    }
}

public sealed class CliCommandLineTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("extract")]
    [InlineData("ingest")]
    [InlineData("query")]
    [InlineData("incidents")]
    [InlineData("export")]
    [InlineData("stats")]
    public void A_misspelt_option_exits_2_with_the_usage_on_every_verb(string verb)
    {
        var (exit, stdout, stderr) = SitrepProcess.Run(verb, "--formt", "table", _db.Folder);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("--formt", stderr);
        Assert.Contains("Usage:", stderr);
        Assert.DoesNotContain("no such file", stderr);
    }

    [Theory]
    [InlineData("query", "--limit", "ten", "--limit 'ten' is not a whole number")]
    [InlineData("query", "--km", "far", "--km 'far' is not a number")]
    [InlineData("ingest", "--batch", "many", "--batch 'many' is not a whole number")]
    public void A_value_of_the_wrong_kind_is_named_in_plain_words(string verb, string option, string value, string message)
    {
        var (exit, _, stderr) = SitrepProcess.Run(verb, option, value, "--db", _db.Path);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("System.", stderr);
    }

    [Fact]
    public void A_huge_batch_is_a_usage_error_naming_the_option()
    {
        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--batch", "2147483647", "--events", "x.jsonl", "--db", _db.Path);

        Assert.Equal(2, exit);
        Assert.Contains("--batch 2147483647", stderr);
    }

    [Fact]
    public void Sitrep_db_names_the_database_when_no_db_option_is_given()
    {
        var events = Path.Combine(_db.Folder, "e.jsonl");
        File.WriteAllLines(events, [EventJson.Serialize(Strike("a", "e1", Kharkiv))]);
        var env = new Dictionary<string, string> { ["SITREP_DB"] = _db.Path };

        Assert.Equal(0, SitrepProcess.RunWith(env, "ingest", "--events", events).Exit);
        var (exit, stdout, _) = SitrepProcess.RunWith(env, "query", "--format", "jsonl");

        Assert.Equal(0, exit);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [FactRequiresGazetteer]
    public void Ingest_published_anchors_relative_dates_of_reports_without_a_sidecar()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_db.Folder, "r")).FullName;
        File.WriteAllText(Path.Combine(reports, "a.txt"), "Russian drones struck Odesa on Tuesday, injuring two people, the regional governor said.\n");

        var (exit, _, stderr) = SitrepProcess.Run("ingest", reports, "--published", "2024-05-10", "--db", _db.Path);

        Assert.True(exit == 0, stderr);
        using var store = _db.Open();
        Assert.Equal("2024-05-07", store.Query(new EventQuery()).First().Date);
    }

    [Fact]
    public void Ingest_events_names_an_impossible_record_by_file_and_line_and_stores_the_rest()
    {
        var events = Path.Combine(_db.Folder, "e.jsonl");
        File.WriteAllLines(events,
        [
            EventJson.Serialize(Strike("a", "e1", Kharkiv)),
            EventJson.Serialize(Strike("b", "e1", Kharkiv with { Lat = 999 })),
            EventJson.Serialize(Strike("c", "e1", Odesa, killed: -5)),
        ]);

        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, "--db", _db.Path);

        Assert.Equal(1, exit);
        Assert.Contains($"{events}:2: event e1: place 'Kharkiv' has latitude 999", stderr);
        Assert.Contains($"{events}:3: event e1 has a negative casualty figure", stderr);
        using var store = _db.Open();
        Assert.Equal(1, store.Count("events"));
    }
}

public sealed class CliDatabaseSafetyTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public CliDatabaseSafetyTests()
    {
        var events = Path.Combine(_db.Folder, "e.jsonl");
        File.WriteAllLines(events, [EventJson.Serialize(Strike("a", "e1", Kharkiv, killed: 4)), EventJson.Serialize(Strike("b", "e1", Odesa))]);
        Assert.Equal(0, SitrepProcess.Run("ingest", "--events", events, "--db", _db.Path).Exit);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Export_onto_its_own_database_is_refused_and_the_database_survives()
    {
        var before = File.ReadAllBytes(_db.Path);

        var (exit, _, stderr) = SitrepProcess.Run("export", "--format", "csv", "-o", _db.Path, "--db", _db.Path);

        Assert.Equal(2, exit);
        Assert.Contains("is the database itself", stderr);
        Assert.Equal(before, File.ReadAllBytes(_db.Path));
        Assert.Equal(0, SitrepProcess.Run("stats", "--db", _db.Path).Exit);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("incidents", "--id", "1")]
    [InlineData("query", "--near", "49.99,36.23")]
    public void A_foreign_sqlite_file_is_named_as_such_without_a_stack_trace(string verb, params string[] more)
    {
        var foreign = Path.Combine(_db.Folder, "foreign.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={foreign};Pooling=false"))
        {
            connection.Open();
            connection.Execute("CREATE TABLE birds (name TEXT); INSERT INTO birds VALUES ('heron');");
        }

        var (exit, _, stderr) = SitrepProcess.Run([verb, .. more, "--db", foreign]);

        Assert.Equal(2, exit);
        Assert.Contains("not a Sitrep database", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("--text", stderr);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("incidents", "--id", "1")]
    [InlineData("query", "--near", "49.99,36.23")]
    public void A_file_that_is_not_a_database_is_named_as_such(string verb, params string[] more)
    {
        var broken = Path.Combine(_db.Folder, "broken.db");
        File.WriteAllBytes(broken, Enumerable.Range(0, 8192).Select(i => (byte)(i * 37)).ToArray());

        var (exit, _, stderr) = SitrepProcess.Run([verb, .. more, "--db", broken]);

        Assert.Equal(2, exit);
        Assert.Contains("not a database", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void A_database_of_an_older_schema_is_named_as_such()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            connection.Execute("UPDATE store_meta SET value = '3' WHERE key = 'schema_version'");
        }

        var (exit, _, stderr) = SitrepProcess.Run("stats", "--db", _db.Path);

        Assert.Equal(2, exit);
        Assert.Contains("made by another version of Sitrep (schema 3, this one reads 2)", stderr);
    }

    [Fact]
    public void A_record_changed_behind_sitreps_back_is_an_error_naming_it()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=false"))
        {
            connection.Open();
            connection.Execute("""UPDATE events SET record = replace(record, '"killed":4', '"killed":7') WHERE doc = 'a'""");
        }

        var query = SitrepProcess.Run("query", "--format", "jsonl", "--db", _db.Path);
        var incident = SitrepProcess.Run("incidents", "--id", "1", "--db", _db.Path);

        Assert.Equal(2, query.Exit);
        Assert.Contains("event e1 of document a: the stored record does not match its checksum", query.Stderr);
        Assert.DoesNotContain("\"killed\":7", query.Stdout);
        Assert.Equal(2, incident.Exit);
        Assert.Contains("does not match its checksum", incident.Stderr);
    }

    [Fact]
    public async Task A_database_in_a_folder_the_user_cannot_write_to_can_still_be_read()
    {
        if (!OperatingSystem.IsLinux())
            return; // Unix file modes; Sitrep's CI runs on Linux.
        var folder = Path.GetDirectoryName(_db.Path)!;
        var asRoot = Environment.UserName == "root";
        // root writes anywhere, so as root the reader runs as 'nobody' in root's folder.
        File.SetUnixFileMode(folder, asRoot
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute
            : UnixFileMode.UserRead | UnixFileMode.UserExecute);
        File.SetUnixFileMode(_db.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            var start = asRoot ? new ProcessStartInfo("runuser") : new ProcessStartInfo("dotnet");
            if (asRoot)
                foreach (var arg in new[] { "-u", "nobody", "--", "env", "HOME=/tmp", "dotnet" })
                    start.ArgumentList.Add(arg);
            foreach (var arg in new[] { SitrepProcess.Dll, "query", "--format", "jsonl", "--db", _db.Path })
                start.ArgumentList.Add(arg);
            start.RedirectStandardOutput = start.RedirectStandardError = true;
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            Assert.True(process.ExitCode == 0, await stderr);
            Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Debians_sqlite3_reads_the_database_its_full_text_index_and_its_views()
    {
        var sqlite3 = FindOnPath("sqlite3");
        Assert.True(sqlite3 is not null, "sqlite3 is not installed; .ci/run installs Debian's sqlite3 (apt-get install sqlite3)");

        var start = new ProcessStartInfo(sqlite3) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { _db.Path, "PRAGMA integrity_check; SELECT count(*) FROM evidence WHERE evidence MATCH 'rockets'; SELECT place, killed_best FROM incident_summary ORDER BY place; SELECT count(*) FROM event_places_view; SELECT claimant, measure, best FROM incident_claims;" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal(["ok", "2", "Kharkiv|4", "Odesa|", "2", "unattributed|killed|4"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [OgrinfoFact]
    public void Gdals_ogrinfo_lists_the_tables_and_views_and_reads_the_analyst_views()
    {
        string Ogrinfo(params string[] args)
        {
            var start = new ProcessStartInfo(FindOnPath("ogrinfo")!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, stderr.Result);
            return stdout;
        }

        var layers = Ogrinfo("-ro", "-so", _db.Path);
        foreach (var layer in new[] { "incidents", "events", "documents", "incident_summary", "incident_claims", "event_places_view" })
            Assert.Contains($": {layer} (", layers);

        var summary = Ogrinfo("-ro", "-q", _db.Path, "-sql", "SELECT place, killed_best FROM incident_summary ORDER BY place");
        Assert.Equal(["place (String) = Kharkiv", "killed_best (Integer) = 4", "place (String) = Odesa", "killed_best (Integer) = (null)"],
            summary.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("place") || l.StartsWith("killed_best")));
        var places = Ogrinfo("-ro", "-q", _db.Path, "-sql", "SELECT count(*) AS n FROM event_places_view");
        Assert.Contains("n (Integer) = 2", places);
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}

/// <summary>A test that needs GDAL's ogrinfo; skipped, saying so, where gdal-bin is not installed.</summary>
public sealed class OgrinfoFactAttribute : FactAttribute
{
    public OgrinfoFactAttribute()
    {
        if (CliDatabaseSafetyTests.FindOnPath("ogrinfo") is null)
            Skip = "GDAL's ogrinfo is not installed (apt-get install gdal-bin); the database's GDAL reading is untested here";
    }
}

public sealed class CliExportTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public CliExportTests()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_db.Folder, "reports")).FullName;
        File.WriteAllText(Path.Combine(reports, "a.txt"), "Synthetic report text.\n");
        File.WriteAllText(Path.Combine(reports, "a.meta.json"), """{"published": "2024-05-10", "source": "=HYPERLINK(\"http://x\")", "url": "https://example.org/a", "title": "A strike"}""");
        File.WriteAllText(Path.Combine(reports, "b.txt"), "Another synthetic report.\n");
        File.WriteAllText(Path.Combine(reports, "b.meta.json"), """{"published": "2024-05-10", "source": "Reuters", "url": "https://example.org/b", "title": "Visit"}""");
        File.WriteAllText(Path.Combine(reports, "c.txt"), "A third synthetic report.\n");
        File.WriteAllText(Path.Combine(reports, "c.meta.json"), """{"published": "2024-05-10", "source": "Reuters", "url": "https://example.org/c", "title": "Cyber"}""");
        var events = Path.Combine(_db.Folder, "e.jsonl");
        File.WriteAllLines(events,
        [
            EventJson.Serialize(Strike("a", "e1", Kharkiv, killed: 3)),
            EventJson.Serialize(Event("b", "e1", EventType.Diplomacy, Kyiv, "2024-05-10", actor: "FI", subtype: "visit")),
            EventJson.Serialize(Event("c", "e1", EventType.Cyber, new Place("Ukraine", PlaceKind.Country, "UA", null, 49.0, 32.0, 690791, "Ukraine"), "2024-05-10", actor: "RU")),
        ]);
        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, reports, "--db", _db.Path);
        Assert.True(exit == 0, stderr);
    }

    public void Dispose() => _db.Dispose();

    private List<Dictionary<string, string>> Csv()
    {
        var (exit, stdout, stderr) = SitrepProcess.Run("export", "--format", "csv", "--db", _db.Path);
        Assert.True(exit == 0, stderr);
        using var csv = new CsvReader(new StringReader(stdout), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    [Fact]
    public void The_acled_csv_follows_acleds_conventions_with_sitreps_own_ids()
    {
        var rows = Csv();
        var strike = rows.Single(r => r["location"] == "Kharkiv");
        var visit = rows.Single(r => r["location"] == "Kyiv");

        Assert.StartsWith("SITREP-UKR", strike["event_id_cnty"]);
        Assert.Equal(("Military Forces of Finland", "External/Other forces"), (visit["actor1"], visit["inter1"]));
        Assert.Equal("International", visit["source_scale"]);
        Assert.Equal(("https://example.org/a", "A strike"), (strike["source_urls"], strike["source_titles"]));
    }

    [Fact]
    public void A_cell_that_starts_like_a_formula_is_escaped_and_negative_numbers_are_not()
    {
        var strike = Csv().Single(r => r["location"] == "Kharkiv");

        Assert.Equal("'=HYPERLINK(\"http://x\")", strike["source"]);
        Assert.Equal("'-", Spreadsheets.Escape("-"));
        Assert.Equal("-33.5", Spreadsheets.Escape("-33.5"));
        Assert.Equal("'@SUM(A1)", Spreadsheets.Escape("@SUM(A1)"));
    }

    [Fact]
    public void The_geojson_carries_geo_precision_and_sources_and_leaves_country_level_incidents_out()
    {
        var (exit, stdout, stderr) = SitrepProcess.Run("export", "--format", "geojson", "--db", _db.Path);

        Assert.Equal(0, exit);
        Assert.Contains("1 known only by country left out", stderr);
        var features = JsonDocument.Parse(stdout).RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var strike = features.Single(f => f.GetProperty("properties").GetProperty("place").GetString() == "Kharkiv").GetProperty("properties");
        Assert.Equal(1, strike.GetProperty("geo_precision").GetInt32());
        Assert.Equal("https://example.org/a", strike.GetProperty("source_urls").GetString());
    }

    [Fact]
    public void Event_exports_carry_the_reports_address_and_title()
    {
        var (exit, stdout, _) = SitrepProcess.Run("export", "--format", "jsonl", "--type", "strike", "--db", _db.Path);

        Assert.Equal(0, exit);
        var line = JsonDocument.Parse(stdout.Trim()).RootElement;
        Assert.Equal(("https://example.org/a", "A strike"), (line.GetProperty("source_url").GetString(), line.GetProperty("source_title").GetString()));
    }

    [Fact]
    public async Task The_parquet_export_reads_back_with_one_row_per_incident()
    {
        var path = Path.Combine(_db.Folder, "incidents.parquet");

        var (exit, _, stderr) = SitrepProcess.Run("export", "--format", "parquet", "-o", path, "--db", _db.Path);

        Assert.True(exit == 0, stderr);
        await using var file = File.OpenRead(path);
        var rows = (await Parquet.Serialization.ParquetSerializer.DeserializeAsync<ParquetExporter.IncidentRecord>(file)).Data.ToList();
        Assert.Equal(3, rows.Count);
        var strike = rows.Single(r => r.Place == "Kharkiv");
        Assert.Equal((3L, 1, "https://example.org/a"), (strike.Killed!.Value, strike.GeoPrecision!.Value, strike.SourceUrls));
        Assert.Null(rows.Single(r => r.Place == "Kyiv").Killed);
    }
}

/// <summary>The README's five analyst questions, each run as written against a database that holds an answer to it.</summary>
public sealed class ReadmeQuestionTests(AnalystDatabase data) : IClassFixture<AnalystDatabase>
{
    public static TheoryData<string> Commands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("<!-- analyst-questions", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /analyst-questions -->", StringComparison.Ordinal);
        var data = new TheoryData<string>();
        foreach (var line in readme[start..end].Split('\n').Where(l => l.StartsWith("./sitrep ", StringComparison.Ordinal)))
            data.Add(line["./sitrep ".Length..].Trim());
        return data;
    }

    [Fact]
    public void The_readme_asks_five_questions() => Assert.Equal(5, Commands().Count);

    [TheoryRequiresGazetteer]
    [MemberData(nameof(Commands))]
    public void Each_readme_question_is_answered_by_its_one_command(string command)
    {
        var (exit, stdout, stderr) = data.Run(command.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(exit == 0, stderr);
        // At least one row of answer: a line that starts with a date (after the incident id, in incident tables).
        Assert.Matches(@"(?m)^(\d+\s+)?2024-\d\d-\d\d\s", stdout);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Sitrep.sln not found above " + AppContext.BaseDirectory);
    }
}
