using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Sitrep.Events;
using Sitrep.Store.Export;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly EventStore _store;

    public ExportTests()
    {
        _store = _db.Open();
        _store.Ingest(Doc("a", "RTE"), [
            Strike("a", "e1", Kharkiv, killed: 5, claimedBy: "UA") with { Subtype = "drone" },
            Event("a", "e2", EventType.Diplomacy, null, "2024-05-10", actor: "US", subtype: "agreement"),
        ]);
        _store.Ingest(Doc("b", "BBC"), [Strike("b", "e1", Kharkiv, killed: 6) with { Subtype = "drone" }]);
        _store.Ingest(Doc("c", "Kyiv Independent"), [Event("c", "e1", EventType.GroundCombat, Chuhuiv, "2024-05-11", actor: "RU")]);
    }

    public void Dispose()
    {
        _store.Dispose();
        _db.Dispose();
    }

    private List<Dictionary<string, string>> ReadCsv(out string[] header)
    {
        var text = new StringWriter();
        AcledCsvExporter.Write(_store.QueryIncidents(new EventQuery()), text);
        using var csv = new CsvReader(new StringReader(text.ToString()), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    [Fact]
    public void The_csv_parses_with_acleds_headers_in_acleds_order()
    {
        ReadCsv(out var header);
        Assert.Equal(
        [
            "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
            "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
            "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
            "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
        ], header.Take(31));
        Assert.Equal(["source_urls", "source_titles"], header.Skip(31));
    }

    [Fact]
    public void A_drone_strike_told_twice_is_one_acled_air_drone_strike_with_the_conservative_fatalities()
    {
        var rows = ReadCsv(out _);
        var strike = Assert.Single(rows, r => r["location"] == "Kharkiv");

        Assert.Equal(("Political violence", "Explosions/Remote violence", "Air/drone strike"),
            (strike["disorder_type"], strike["event_type"], strike["sub_event_type"]));
        Assert.Equal("5", strike["fatalities"]);
        Assert.Equal("RTE; BBC", strike["source"]);
        Assert.Contains("5-6", strike["notes"]);
        Assert.Contains("By claimant: UA killed 5; unattributed killed 6.", strike["notes"]);
        Assert.Equal(("2024-05-10", "2024", "1", "1"), (strike["event_date"], strike["year"], strike["time_precision"], strike["geo_precision"]));
        Assert.Equal(("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", "State forces-State forces"),
            (strike["actor1"], strike["actor2"], strike["interaction"]));
        Assert.Equal(("804", "Ukraine", "Kharkiv"), (strike["iso"], strike["country"], strike["admin1"]));
        Assert.StartsWith("SITREP-UKR", strike["event_id_cnty"]);
        Assert.Equal(49.9935, double.Parse(strike["latitude"], CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public void Other_types_map_to_their_acled_types()
    {
        var rows = ReadCsv(out _);
        Assert.Equal(("Battles", "Armed clash"), (rows.Single(r => r["location"] == "Chuhuiv")["event_type"], rows.Single(r => r["location"] == "Chuhuiv")["sub_event_type"]));
        var agreement = rows.Single(r => r["location"] == "");
        Assert.Equal(("Strategic developments", "Agreement", "0"), (agreement["event_type"], agreement["sub_event_type"], agreement["fatalities"]));
    }

    [Fact]
    public void Every_sitrep_type_has_its_own_row_in_the_acled_mapping() =>
        Assert.All(Enum.GetValues<EventType>(), type => Assert.True(AcledCodebook.Default.HasRow(EventJsonNames.Type(type)), $"{type} has no '*' row"));

    [Theory]
    [InlineData("strike", "missile", "Shelling/artillery/missile attack")]
    [InlineData("strike", "glide_bomb", "Air/drone strike")]
    [InlineData("air_defense", "interception", "Disrupted weapons use")]
    [InlineData("territorial_change", "liberated", "Government regains territory")]
    [InlineData("aid", "military", "Other")]
    public void Subtypes_pick_the_acled_sub_event_type(string type, string subtype, string subEvent) =>
        Assert.Equal(subEvent, AcledCodebook.Default.Type(type, subtype).SubEventType);

    [Fact]
    public void The_geojson_is_a_feature_collection_of_incidents_with_valid_coordinates()
    {
        using var stream = new MemoryStream();
        var (written, unlocated, _) = GeoJsonExporter.Write(_store.QueryIncidents(new EventQuery()), stream);

        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal((2, 1), (written, unlocated));
        Assert.Equal(2, features.Count);
        foreach (var f in features)
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString());
            var c = f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.Equal(2, c.Length);
            Assert.InRange(c[0], -180, 180);
            Assert.InRange(c[1], -90, 90);
        }
        var kharkiv = features.Single(f => f.GetProperty("properties").GetProperty("place").GetString() == "Kharkiv");
        Assert.Equal([36.2304, 49.9935], kharkiv.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal((5, 5, 6, 2), (kharkiv.GetProperty("properties").GetProperty("killed").GetInt32(), kharkiv.GetProperty("properties").GetProperty("killed_min").GetInt32(),
            kharkiv.GetProperty("properties").GetProperty("killed_max").GetInt32(), kharkiv.GetProperty("properties").GetProperty("reports").GetInt32()));
    }
}

/// <summary>ACLED's civilian_targeting and source_scale as an analyst meets them: ingested, then exported by the CLI.</summary>
public sealed class CliAcledConventionTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void An_incident_whose_target_is_civilians_is_civilian_targeting_and_each_outlet_gives_its_source_scale()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_db.Folder, "reports")).FullName;
        foreach (var (doc, source) in new[] { ("a", "Reuters"), ("b", "Ukrinform"), ("c", "Unlisted Weekly") })
        {
            File.WriteAllText(Path.Combine(reports, $"{doc}.txt"), $"Synthetic report {doc}.\n");
            File.WriteAllText(Path.Combine(reports, $"{doc}.meta.json"), $$"""{"published": "2024-05-10", "source": "{{source}}"}""");
        }
        var events = Path.Combine(_db.Folder, "e.jsonl");
        File.WriteAllLines(events,
        [
            EventJson.Serialize(Strike("a", "e1", Kharkiv, killed: 3) with { TargetActor = "civilians" }),
            EventJson.Serialize(Strike("b", "e1", Odesa, killed: 1)),
            EventJson.Serialize(Strike("c", "e1", Kyiv)),
        ]);
        var (exit, _, stderr) = SitrepProcess.Run("ingest", "--events", events, reports, "--db", _db.Path);
        Assert.True(exit == 0, stderr);

        var rows = ExportedByLocation(csv => (csv.GetField("actor2")!, csv.GetField("civilian_targeting")!, csv.GetField("source_scale")!));

        Assert.Equal(("Civilians (Ukraine)", "Civilian targeting", "International"), rows["Kharkiv"]);
        Assert.Equal(("Military Forces of Ukraine (2019-)", "", "National"), rows["Odesa"]);
        Assert.Equal("", rows["Kyiv"].Item3);
    }

    [Fact]
    public void A_strike_whose_reports_name_homes_a_market_or_residents_as_its_target_is_civilian_targeting_and_one_on_a_military_target_is_not()
    {
        var reports = Directory.CreateDirectory(Path.Combine(_db.Folder, "texts")).FullName;
        var texts = new Dictionary<string, string>
        {
            ["flats"] = "On May 6, 2024, a Russian missile struck an apartment block in Kharkiv, killing four civilians.",
            ["market"] = "Russian artillery shelled a market in Kherson on May 7, 2024, killing two residents and wounding eleven.",
            ["border"] = "A Ukrainian drone struck a residential building in Belgorod on May 7, 2024, injuring three residents, the governor said.",
            ["trenches"] = "On May 8, 2024, Ukrainian forces shelled Russian positions near Bakhmut, the general staff said.",
            ["airfield"] = "A Russian missile hit a military airfield near Myrhorod on May 8, 2024, injuring two residents of a nearby village.",
        };
        foreach (var (doc, text) in texts)
        {
            File.WriteAllText(Path.Combine(reports, $"{doc}.txt"), text + "\n");
            File.WriteAllText(Path.Combine(reports, $"{doc}.meta.json"), """{"published": "2024-05-09", "source": "Reuters"}""");
        }
        var (exit, _, stderr) = SitrepProcess.Run("ingest", reports, "--db", _db.Path);
        Assert.True(exit == 0, stderr);

        var rows = ExportedByLocation(csv => (csv.GetField("actor2")!, csv.GetField("civilian_targeting")!));

        Assert.Equal(("Civilians (Ukraine)", "Civilian targeting"), rows["Kharkiv"]);
        Assert.Equal(("Civilians (Ukraine)", "Civilian targeting"), rows["Kherson"]);
        Assert.Equal(("Civilians (Russia)", "Civilian targeting"), rows["Belgorod"]);
        Assert.Equal("", rows["Bakhmut"].Item2);
        Assert.Equal(("Military Forces of Ukraine (2019-)", ""), rows["Myrhorod"]);
    }

    /// <summary>The ACLED CSV the CLI exports, one picked tuple per row, keyed by the row's location.</summary>
    private Dictionary<string, T> ExportedByLocation<T>(Func<CsvReader, T> pick)
    {
        var (exit, stdout, stderr) = SitrepProcess.Run("export", "--format", "csv", "--db", _db.Path);
        Assert.True(exit == 0, stderr);
        using var csv = new CsvReader(new StringReader(stdout), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new Dictionary<string, T>();
        while (csv.Read())
            rows[csv.GetField("location")!] = pick(csv);
        return rows;
    }
}
