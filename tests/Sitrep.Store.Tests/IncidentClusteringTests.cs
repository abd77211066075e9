using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Incidents;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

public sealed class IncidentClusteringTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Three_outlets_reporting_one_strike_make_one_incident_that_keeps_every_figure()
    {
        using var store = _db.Open();
        // RTE dates the night by its evening and tells it the morning after; BBC dates it by that morning.
        store.Ingest(Doc("rte", "RTE", published: "2024-05-11"), [Strike("rte", "e1", Kharkiv, killed: 5, injured: 20, claimedBy: "UA", evidence: "Rockets hit the city last night.")]);
        store.Ingest(Doc("bbc", "BBC", published: "2024-05-11"), [Strike("bbc", "e1", Kharkiv, date: "2024-05-11", killed: 6, claimedBy: "UA")]);
        store.Ingest(Doc("tass", "TASS", published: "2024-05-11"), [Strike("tass", "e1", Kharkiv, actor: null, claimedBy: "RU")]);

        var id = Assert.Single(store.QueryIncidents(new EventQuery())).Id;
        var incident = store.GetIncident(id)!;

        Assert.Equal(3, incident.Reports.Count);
        Assert.Equal(["RTE", "BBC", "TASS"], incident.Sources);
        Assert.Equal(["UA", "RU"], incident.ClaimedBy);
        Assert.Equal(new BestFigure(5, 5, 6, IncidentSummarizer.ConservativeRule), incident.Killed);
        Assert.Equal("5 (5-6)", incident.Killed!.ToString());
        Assert.Equal(20, incident.Injured!.Value);
        Assert.Contains(new SourceFigure(Measures.Killed, 5, "rte", "RTE", "UA"), incident.Figures);
        Assert.Contains(new SourceFigure(Measures.Killed, 6, "bbc", "BBC", "UA"), incident.Figures);
        Assert.Equal(("2024-05-10", "2024-05-11"), (incident.DateFirst, incident.DateLast));
        Assert.Equal("RU", incident.Actor);
    }

    [Fact]
    public void The_stored_summary_carries_the_best_figure_and_the_range()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a", "A"), [Strike("a", "e1", Kharkiv, killed: 6)]);
        store.Ingest(Doc("b", "B"), [Strike("b", "e1", Kharkiv, killed: 5)]);

        var row = Assert.Single(store.QueryIncidents(new EventQuery()));

        Assert.Equal((5L, 5L, 6L), (row.KilledBest!.Value, row.KilledMin!.Value, row.KilledMax!.Value));
        Assert.Equal(2, row.ReportCount);
        Assert.Equal("A; B", row.Sources);
    }

    [Fact]
    public void A_report_from_a_town_23_km_away_is_another_incident()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv)]);
        store.Ingest(Doc("b"), [Strike("b", "e1", Merefa)]);

        Assert.Equal(2, store.QueryIncidents(new EventQuery()).Count());
    }

    [Fact]
    public void Each_claimant_keeps_its_own_best_figure()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a", "A"), [Strike("a", "e1", Kharkiv, killed: 5, claimedBy: "UA")]);
        store.Ingest(Doc("b", "B"), [Strike("b", "e1", Kharkiv, killed: 7, claimedBy: "UA")]);
        store.Ingest(Doc("c", "C"), [Strike("c", "e1", Kharkiv, killed: 0, claimedBy: "RU")]);

        var incident = store.GetIncident(store.IncidentOf("a", "e1")!.Value)!;

        Assert.Equal(new ClaimantFigure("RU", Measures.Killed, new BestFigure(0, 0, 0, IncidentSummarizer.ConservativeRule), 1),
            incident.ByClaimant.Single(c => c.Claimant == "RU"));
        Assert.Equal(new ClaimantFigure("UA", Measures.Killed, new BestFigure(5, 5, 7, IncidentSummarizer.ConservativeRule), 2),
            incident.ByClaimant.Single(c => c.Claimant == "UA"));
        Assert.Equal(2, store.Count("incident_figures"));
    }

    [Fact]
    public void A_report_bridging_two_incidents_merges_them_under_the_older_id_and_records_the_other()
    {
        using var store = _db.Open();
        var west = City("Zakhidne", "Kharkiv", 49.90, 36.00, 1);
        var east = west with { GeonamesId = 2, Lon = 36.06 };             // ~4.3 km east: the same town, second entry
        var between = west with { GeonamesId = 3, Lon = 36.03 };          // between both, within 5 km of each
        store.Ingest(Doc("a"), [Strike("a", "e1", west with { Lon = 35.97 })]);
        store.Ingest(Doc("b"), [Strike("b", "e1", east with { Lon = 36.07 })]);
        var older = store.IncidentOf("a", "e1")!.Value;
        var newer = store.IncidentOf("b", "e1")!.Value;
        Assert.NotEqual(older, newer);

        store.Ingest(Doc("c"), [Strike("c", "e1", between)]);

        Assert.Equal(older, store.IncidentOf("b", "e1"));
        Assert.Equal(older, store.IncidentOf("c", "e1"));
        Assert.Equal(older, Dapper.SqlMapper.ExecuteScalar<long>(store.Connection, "SELECT merged_into FROM incident_merges WHERE id = $id", new { id = newer }));
    }

    [Fact]
    public void A_corrected_report_keeps_its_incident_id_and_a_changed_one_splits_off()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a", text: "v1"), [Strike("a", "e1", Kharkiv, killed: 3)]);
        store.Ingest(Doc("b"), [Strike("b", "e1", Kharkiv)]);
        var id = store.IncidentOf("a", "e1");

        store.Ingest(Doc("a", text: "v2"), [Strike("a", "e1", Kharkiv, killed: 4)]);
        Assert.Equal(id, store.IncidentOf("a", "e1"));

        store.Ingest(Doc("a", text: "v3"), [Strike("a", "e1", Odesa, killed: 4)]);
        Assert.Equal(id, store.IncidentOf("b", "e1"));
        Assert.NotEqual(id, store.IncidentOf("a", "e1"));
        Assert.Equal(0, store.Orphans());
    }

    [Fact]
    public void A_report_from_a_town_37_km_away_in_the_same_oblast_is_another_incident()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv)]);
        store.Ingest(Doc("b"), [Strike("b", "e1", Chuhuiv)]);

        Assert.Equal(2, store.QueryIncidents(new EventQuery()).Count());
    }

    [Fact]
    public void A_report_naming_only_the_oblast_joins_an_incident_in_that_oblast()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Chuhuiv)]);
        store.Ingest(Doc("b"), [Strike("b", "e1", KharkivOblast)]);

        var row = Assert.Single(store.QueryIncidents(new EventQuery()));
        Assert.Equal("Chuhuiv", row.Place);
    }

    [Theory]
    [InlineData("Drones struck the town overnight.", "Drones struck the town last night.")]
    [InlineData("The town was shelled during the night.", "Shells fell on the town during the night of the 10th.")]
    public void Two_nights_at_one_town_told_by_their_mornings_are_two_incidents_though_their_dates_touch(string morning, string evening)
    {
        using var store = _db.Open();
        // The night before the 10th, told that morning; the night after the 10th, told the next morning.
        store.Ingest(Doc("a", published: "2024-05-10"), [Strike("a", "e1", Kharkiv, date: "2024-05-10", evidence: morning)]);
        store.Ingest(Doc("b", published: "2024-05-11"), [Strike("b", "e1", Kharkiv, date: "2024-05-10", evidence: evening)]);
        // The second night again, dated by its morning.
        store.Ingest(Doc("c", published: "2024-05-11"), [Strike("c", "e1", Kharkiv, date: "2024-05-11", evidence: morning)]);

        Assert.NotEqual(store.IncidentOf("a", "e1"), store.IncidentOf("b", "e1"));
        Assert.Equal(store.IncidentOf("b", "e1"), store.IncidentOf("c", "e1"));
    }

    [Fact]
    public void Reports_two_days_apart_are_different_incidents()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv, date: "2024-05-10")]);
        store.Ingest(Doc("b"), [Strike("b", "e1", Kharkiv, date: "2024-05-12")]);

        Assert.Equal(2, store.QueryIncidents(new EventQuery()).Count());
    }

    [Fact]
    public void Reports_with_contradicting_actors_are_different_incidents()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv, actor: "RU")]);
        store.Ingest(Doc("b"), [Strike("b", "e1", Kharkiv, actor: "UA")]);

        Assert.Equal(2, store.QueryIncidents(new EventQuery()).Count());
    }

    [Fact]
    public void An_interception_joins_the_strike_it_was_part_of_but_a_battle_does_not()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kyiv)]);
        store.Ingest(Doc("b"), [Event("b", "e1", EventType.AirDefense, Kyiv, "2024-05-10", subtype: "interception")]);
        store.Ingest(Doc("c"), [Event("c", "e1", EventType.GroundCombat, Kyiv, "2024-05-10")]);

        Assert.Equal([2L, 1L], store.QueryIncidents(new EventQuery()).Select(i => i.ReportCount).Order().Reverse());
    }

    [Fact]
    public void Two_events_of_one_document_stay_two_incidents()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv), Strike("a", "e2", Merefa)]);

        Assert.Equal(2, store.QueryIncidents(new EventQuery()).Count());
    }

    [Fact]
    public void Events_without_a_day_stay_alone()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Event("a", "e1", EventType.Strike, Kharkiv, null)]);
        store.Ingest(Doc("b"), [Event("b", "e1", EventType.Strike, Kharkiv, null)]);

        Assert.Equal(2, store.QueryIncidents(new EventQuery()).Count());
    }

    [Fact]
    public void A_new_report_joins_an_existing_incident_without_renumbering_it()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv)]);
        store.Ingest(Doc("x"), [Strike("x", "e1", Odesa)]);
        var kharkiv = store.IncidentOf("a", "e1");
        var odesa = store.IncidentOf("x", "e1");

        store.Ingest(Doc("b"), [Strike("b", "e1", Kharkiv)]);

        Assert.Equal(kharkiv, store.IncidentOf("b", "e1"));
        Assert.Equal(odesa, store.IncidentOf("x", "e1"));
    }

    [Fact]
    public void Replacing_a_document_takes_its_figure_out_of_the_incident()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a", "A"), [Strike("a", "e1", Kharkiv, killed: 5)]);
        store.Ingest(Doc("b", "B", text: "v1"), [Strike("b", "e1", Kharkiv, killed: 6)]);

        store.Ingest(Doc("b", "B", text: "v2"), [Strike("b", "e1", Odesa, killed: 2)]);

        var kharkiv = store.GetIncident(store.IncidentOf("a", "e1")!.Value)!;
        Assert.Single(kharkiv.Reports);
        Assert.Equal(new BestFigure(5, 5, 5, IncidentSummarizer.ConservativeRule), kharkiv.Killed);
        Assert.Equal(2, store.Count("incidents"));
        Assert.Equal(0, store.Orphans());
    }

    [Fact]
    public void An_incident_whose_only_report_is_replaced_disappears()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a", text: "v1"), [Strike("a", "e1", Kharkiv)]);
        store.Ingest(Doc("a", text: "v2"), []);

        Assert.Equal(0, store.Count("incidents"));
        Assert.Equal(0, store.Orphans());
    }
}

public sealed class IncidentChainingTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Daily_strikes_on_one_city_do_not_chain_into_one_long_incident()
    {
        using var store = _db.Open();
        for (var day = 10; day <= 14; day++)
            store.Ingest(Reports.Doc($"d{day}"), [Reports.Strike($"d{day}", "e1", Reports.Kharkiv, date: $"2024-05-{day}")]);

        Assert.Equal(5, store.QueryIncidents(new EventQuery()).Count());
    }
}

public sealed class IncidentOblastTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void An_oblast_level_report_that_fits_two_town_incidents_joins_neither()
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "e1", Reports.Kharkiv)]);
        store.Ingest(Reports.Doc("b"), [Reports.Strike("b", "e1", Reports.KharkivOblast)]);
        store.Ingest(Reports.Doc("c"), [Reports.Strike("c", "e1", Reports.Chuhuiv)]);

        Assert.Equal(3, new[] { "a", "b", "c" }.Select(d => store.IncidentOf(d, "e1")).Distinct().Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_oblast_level_report_whose_death_toll_or_wounded_fit_only_one_town_incident_joins_it(bool killed)
    {
        EventRecord Told(string doc, Place place, int figure) =>
            killed ? Reports.Strike(doc, "e1", place, killed: figure) : Reports.Strike(doc, "e1", place, injured: figure);
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Told("a", Reports.Kharkiv, 2)]);
        store.Ingest(Reports.Doc("c"), [Told("c", Reports.Chuhuiv, 11)]);
        store.Ingest(Reports.Doc("b"), [Told("b", Reports.KharkivOblast, 12)]);

        Assert.Equal(store.IncidentOf("c", "e1"), store.IncidentOf("b", "e1"));
    }

    [Theory]
    [InlineData("Drones attacked the region overnight.")]
    [InlineData("The region came under fire last night.")]
    public void An_oblast_level_report_of_a_night_joins_the_one_town_incident_told_as_a_night(string evidence)
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "e1", Reports.Kharkiv, evidence: "Rockets hit the city in the afternoon.")]);
        store.Ingest(Reports.Doc("c"), [Reports.Strike("c", "e1", Reports.Chuhuiv, evidence: "Missiles struck the town overnight.")]);
        store.Ingest(Reports.Doc("b"), [Reports.Strike("b", "e1", Reports.KharkivOblast, evidence: evidence)]);

        Assert.Equal(store.IncidentOf("c", "e1"), store.IncidentOf("b", "e1"));
        Assert.NotEqual(store.IncidentOf("a", "e1"), store.IncidentOf("b", "e1"));
    }

    [Theory]
    [InlineData(WeaponClass.Drone, WeaponClass.Missile)]
    [InlineData(WeaponClass.GlideBomb, WeaponClass.Mlrs)]
    public void An_oblast_level_report_naming_a_weapon_joins_the_one_town_incident_told_with_it(WeaponClass told, WeaponClass other)
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "e1", Reports.Kharkiv, weapons: [new Weapon(other, null, null, null)])]);
        store.Ingest(Reports.Doc("c"), [Reports.Strike("c", "e1", Reports.Chuhuiv, weapons: [new Weapon(told, null, null, null)])]);
        store.Ingest(Reports.Doc("b"), [Reports.Strike("b", "e1", Reports.KharkivOblast, weapons: [new Weapon(told, null, 5, null)])]);

        Assert.Equal(store.IncidentOf("c", "e1"), store.IncidentOf("b", "e1"));
    }

    [Fact]
    public void Rocket_artillery_and_shelling_are_one_kind_of_weapon_and_an_air_defense_system_tells_nothing()
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "e1", Reports.Kharkiv, weapons: [new Weapon(WeaponClass.Mlrs, "Grad", null, null)])]);
        store.Ingest(Reports.Doc("c"), [Reports.Strike("c", "e1", Reports.Chuhuiv, weapons: [new Weapon(WeaponClass.Drone, null, null, null)])]);
        store.Ingest(Reports.Doc("b"), [Reports.Strike("b", "e1", Reports.KharkivOblast,
            weapons: [new Weapon(WeaponClass.Artillery, null, null, null), new Weapon(WeaponClass.AirDefenseSystem, "Patriot", null, null)])]);

        Assert.Equal(store.IncidentOf("a", "e1"), store.IncidentOf("b", "e1"));
    }

    [Fact]
    public void An_oblast_level_report_joins_no_incident_that_merely_does_not_contradict_it()
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "e1", Reports.Kharkiv, killed: 2)]);
        store.Ingest(Reports.Doc("c"), [Reports.Strike("c", "e1", Reports.Chuhuiv)]);
        store.Ingest(Reports.Doc("b"), [Reports.Strike("b", "e1", Reports.KharkivOblast, killed: 12, evidence: "Rockets hit the region.", weapons: [])]);

        Assert.Equal(3, new[] { "a", "b", "c" }.Select(d => store.IncidentOf(d, "e1")).Distinct().Count());
    }

    [Theory]
    [InlineData("Drones hit the region overnight, killing three.", true)]
    [InlineData("Three people died when drones struck the region last night.", true)]
    [InlineData("Drones hit the region overnight, killing three.", false)]
    [InlineData("Three people died when drones struck the region last night.", false)]
    public void An_oblast_level_report_joins_the_fitting_incident_that_shares_more_of_its_details_and_none_on_a_tie(string evidence, bool townNamesTheWeapon)
    {
        var drone = new Weapon(WeaponClass.Drone, null, null, null);
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "e1", Reports.Kharkiv, killed: 3, weapons: townNamesTheWeapon ? [drone] : [])]);
        store.Ingest(Reports.Doc("c"), [Reports.Strike("c", "e1", Reports.Chuhuiv, killed: 3, weapons: [])]);
        store.Ingest(Reports.Doc("b"), [Reports.Strike("b", "e1", Reports.KharkivOblast, killed: 3, evidence: evidence, weapons: [drone])]);

        Assert.Equal(townNamesTheWeapon, store.IncidentOf("a", "e1") == store.IncidentOf("b", "e1"));
        Assert.NotEqual(store.IncidentOf("c", "e1"), store.IncidentOf("b", "e1"));
    }

    [Fact]
    public void Town_reports_join_an_incident_known_only_at_oblast_level()
    {
        using var store = _db.Open();
        store.Ingest(Reports.Doc("a"), [Reports.Strike("a", "e1", Reports.KharkivOblast)]);
        store.Ingest(Reports.Doc("b"), [Reports.Strike("b", "e1", Reports.Chuhuiv)]);

        Assert.Equal(store.IncidentOf("a", "e1"), store.IncidentOf("b", "e1"));
    }
}
