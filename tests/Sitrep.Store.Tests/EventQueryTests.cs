using Sitrep.Events;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>One small database, each filter asked for the rows it must return and no others.</summary>
public sealed class EventQueryTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly EventStore _store;

    public EventQueryTests()
    {
        _store = _db.Open();
        _store.Ingest(Doc("d1", "A"), [
            Strike("d1", "kharkiv-missile", Kharkiv, date: "2024-05-10", evidence: "Ballistic missiles hit an apartment block."),
            Strike("d1", "odesa-drone", Odesa, date: "2024-05-12", evidence: "Attack drones struck the port overnight.",
                weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", 30, 25)]),
        ]);
        _store.Ingest(Doc("d2", "B"), [
            Strike("d2", "merefa-artillery", Merefa, date: "2024-06-01", actor: "RU", evidence: "Shelling damaged a school.",
                weapons: [new Weapon(WeaponClass.Artillery, null, null, null)]),
            Event("d2", "kyiv-talks", EventType.Diplomacy, Kyiv, "2024-06-02", actor: "US"),
            Event("d2", "chuhuiv-assault", EventType.GroundCombat, Chuhuiv, "2024-06-03", actor: "UA"),
            Strike("d2", "oblast-glide", KharkivOblast, date: "2024-06-04", evidence: "Glide bombs fell on villages.",
                weapons: [new Weapon(WeaponClass.GlideBomb, "KAB-500", null, null)]) with { Background = true },
        ]);
    }

    public void Dispose()
    {
        _store.Dispose();
        _db.Dispose();
    }

    private string[] Ids(EventQuery q) => _store.Query(q).Select(e => e.Id).ToArray();

    [Fact]
    public void No_filter_returns_every_event_by_date() =>
        Assert.Equal(["kharkiv-missile", "odesa-drone", "merefa-artillery", "kyiv-talks", "chuhuiv-assault", "oblast-glide"], Ids(new EventQuery()));

    [Fact]
    public void Type_and_date_range_select_strikes_of_june() =>
        Assert.Equal(["merefa-artillery", "oblast-glide"], Ids(new EventQuery { Types = [EventType.Strike], From = "2024-06-01", To = "2024-06-30" }));

    [Fact]
    public void Date_bounds_are_inclusive() =>
        Assert.Equal(["odesa-drone", "merefa-artillery"], Ids(new EventQuery { From = "2024-05-12", To = "2024-06-01" }));

    [Fact]
    public void Place_matches_the_place_name_in_any_case() =>
        Assert.Equal(["odesa-drone"], Ids(new EventQuery { Place = "odesa" }));

    [Fact]
    public void Oblast_matches_towns_in_it_and_the_oblast_itself() =>
        Assert.Equal(["kharkiv-missile", "merefa-artillery", "chuhuiv-assault", "oblast-glide"], Ids(new EventQuery { Oblast = "Kharkiv Oblast" }));

    [Fact]
    public void Within_30_km_of_Kharkiv_finds_Kharkiv_and_Merefa_but_not_Chuhuiv() =>
        Assert.Equal(["kharkiv-missile", "merefa-artillery"], Ids(new EventQuery { Near = new GeoCircle(49.9935, 36.2304, 30), Types = [EventType.Strike, EventType.GroundCombat] }));

    [Fact]
    public void Within_40_km_of_Kharkiv_also_finds_Chuhuiv() =>
        Assert.Contains("chuhuiv-assault", Ids(new EventQuery { Near = new GeoCircle(49.9935, 36.2304, 40) }));

    [Fact]
    public void Actor_matches_either_side() =>
        Assert.Equal(["chuhuiv-assault"], Ids(new EventQuery { Actor = "ua", Types = [EventType.GroundCombat, EventType.Diplomacy] }));

    [Fact]
    public void Weapon_matches_a_model_or_a_class()
    {
        Assert.Equal(["odesa-drone"], Ids(new EventQuery { Weapon = "shahed-136" }));
        Assert.Equal(["merefa-artillery"], Ids(new EventQuery { Weapon = "artillery" }));
    }

    [Fact]
    public void Full_text_search_finds_words_in_the_evidence() =>
        Assert.Equal(["odesa-drone"], Ids(new EventQuery { Text = "port" }));

    [Fact]
    public void Full_text_search_takes_phrases_and_prefixes()
    {
        Assert.Equal(["kharkiv-missile"], Ids(new EventQuery { Text = "\"apartment block\"" }));
        Assert.Equal(["merefa-artillery"], Ids(new EventQuery { Text = "shell*" }));
    }

    [Fact]
    public void A_malformed_full_text_query_is_a_query_error() =>
        Assert.Throws<QueryException>(() => Ids(new EventQuery { Text = "\"unclosed" }));

    [Fact]
    public void Background_mentions_can_be_left_out() =>
        Assert.DoesNotContain("oblast-glide", Ids(new EventQuery { ExcludeBackground = true }));

    [Fact]
    public void Filters_combine() =>
        Assert.Equal(["merefa-artillery"], Ids(new EventQuery { Oblast = "kharkiv", Actor = "RU", From = "2024-06-01", Types = [EventType.Strike], ExcludeBackground = true }));

    [Fact]
    public void Limit_caps_the_rows() => Assert.Equal(2, Ids(new EventQuery { Limit = 2 }).Length);

    [Fact]
    public void Incidents_match_when_any_report_matches() =>
        Assert.Equal(["Odesa"], _store.QueryIncidents(new EventQuery { Weapon = "Shahed-136" }).Select(i => i.Place));
}

public sealed class EventQueryOrderTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Undated_events_and_incidents_come_last()
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Event("a", "undated", Sitrep.Events.EventType.Threat, null, null), Reports.Strike("a", "dated", Reports.Kyiv)]);

        Assert.Equal(["dated", "undated"], store.Query(new EventQuery()).Select(e => e.Id));
        Assert.Equal(["2024-05-10", null], store.QueryIncidents(new EventQuery()).Select(i => i.DateMin));
    }

    [Fact]
    public void A_limit_counts_dated_and_undated_rows_together()
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Event("a", "undated", Sitrep.Events.EventType.Threat, null, null), Reports.Strike("a", "dated", Reports.Kyiv)]);

        Assert.Equal(["dated"], store.Query(new EventQuery { Limit = 1 }).Select(e => e.Id));
        Assert.Equal(["dated", "undated"], store.Query(new EventQuery { Limit = 5 }).Select(e => e.Id));
        Assert.Single(store.QueryIncidents(new EventQuery { Limit = 1 }));
    }
}

public sealed class EventQueryPlaceNameTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_place_name_matches_whichever_apostrophe_the_query_uses()
    {
        using var store = _db.Open();
        var maryinka = Reports.City("Mar'yinka", "Donetsk", 47.9414, 37.5058);
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "e1", maryinka)]);

        Assert.Single(store.Query(new EventQuery { Place = "mar’yinka" }));
        Assert.Equal((47.9414, 37.5058), store.Locate(" MAR'YINKA "));
    }
}
