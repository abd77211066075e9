using Sitrep.Events;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>One small database in each store, each filter asked for the rows it must return and no others.</summary>
public sealed class EventQueryTests(PgServer server) : StoreSuite(server)
{
    private IEventReader Seeded(string kind) => Holding(kind,
        (Doc("d1", "A"), [
            Strike("d1", "kharkiv-missile", Kharkiv, date: "2024-05-10", evidence: "Ballistic missiles hit an apartment block."),
            Strike("d1", "odesa-drone", Odesa, date: "2024-05-12", evidence: "Attack drones struck the port overnight.",
                weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", 30, 25)]),
        ]),
        (Doc("d2", "B"), [
            Strike("d2", "merefa-artillery", Merefa, date: "2024-06-01", actor: "RU", evidence: "Shelling damaged a school.",
                weapons: [new Weapon(WeaponClass.Artillery, null, null, null)]),
            Event("d2", "kyiv-talks", EventType.Diplomacy, Kyiv, "2024-06-02", actor: "US"),
            Event("d2", "chuhuiv-assault", EventType.GroundCombat, Chuhuiv, "2024-06-03", actor: "UA"),
            Strike("d2", "oblast-glide", KharkivOblast, date: "2024-06-04", evidence: "Glide bombs fell on villages.",
                weapons: [new Weapon(WeaponClass.GlideBomb, "KAB-500", null, null)]) with { Background = true },
        ]));

    private string[] Ids(string kind, EventQuery q) => Seeded(kind).Query(q).Select(e => e.Id).ToArray();

    [Theory, MemberData(nameof(Kinds))]
    public void No_filter_returns_every_event_by_date(string kind) =>
        Assert.Equal(["kharkiv-missile", "odesa-drone", "merefa-artillery", "kyiv-talks", "chuhuiv-assault", "oblast-glide"], Ids(kind, new EventQuery()));

    [Theory, MemberData(nameof(Kinds))]
    public void Type_and_date_range_select_strikes_of_june(string kind) =>
        Assert.Equal(["merefa-artillery", "oblast-glide"], Ids(kind, new EventQuery { Types = [EventType.Strike], From = "2024-06-01", To = "2024-06-30" }));

    [Theory, MemberData(nameof(Kinds))]
    public void Date_bounds_are_inclusive(string kind) =>
        Assert.Equal(["odesa-drone", "merefa-artillery"], Ids(kind, new EventQuery { From = "2024-05-12", To = "2024-06-01" }));

    [Theory, MemberData(nameof(Kinds))]
    public void Place_matches_the_place_name_in_any_case(string kind) =>
        Assert.Equal(["odesa-drone"], Ids(kind, new EventQuery { Place = "odesa" }));

    [Theory, MemberData(nameof(Kinds))]
    public void Place_matches_a_geonames_id_the_name_can_stand_for(string kind) =>
        Assert.Equal(["merefa-artillery"], Ids(kind, new EventQuery { Place = "Merefa town", PlaceIds = [Merefa.GeonamesId!.Value] }));

    [Theory, MemberData(nameof(Kinds))]
    public void Oblast_matches_towns_in_it_and_the_oblast_itself(string kind) =>
        Assert.Equal(["kharkiv-missile", "merefa-artillery", "chuhuiv-assault", "oblast-glide"], Ids(kind, new EventQuery { Oblast = "Kharkiv Oblast" }));

    [Theory, MemberData(nameof(Kinds))]
    public void Within_30_km_of_Kharkiv_finds_Kharkiv_and_Merefa_but_not_Chuhuiv(string kind) =>
        Assert.Equal(["kharkiv-missile", "merefa-artillery"], Ids(kind, new EventQuery { Near = new GeoCircle(49.9935, 36.2304, 30), Types = [EventType.Strike, EventType.GroundCombat] }));

    [Theory, MemberData(nameof(Kinds))]
    public void Within_40_km_of_Kharkiv_also_finds_Chuhuiv(string kind) =>
        Assert.Contains("chuhuiv-assault", Ids(kind, new EventQuery { Near = new GeoCircle(49.9935, 36.2304, 40) }));

    [Theory, MemberData(nameof(Kinds))]
    public void Actor_matches_either_side(string kind) =>
        Assert.Equal(["chuhuiv-assault"], Ids(kind, new EventQuery { Actor = "ua", Types = [EventType.GroundCombat, EventType.Diplomacy] }));

    [Theory, MemberData(nameof(Kinds))]
    public void Weapon_matches_a_model_or_a_class(string kind)
    {
        Assert.Equal(["odesa-drone"], Ids(kind, new EventQuery { Weapon = "shahed-136" }));
        Assert.Equal(["merefa-artillery"], Ids(kind, new EventQuery { Weapon = "artillery" }));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Full_text_search_finds_words_in_the_evidence(string kind) =>
        Assert.Equal(["odesa-drone"], Ids(kind, new EventQuery { Text = "port" }));

    [Theory, MemberData(nameof(Kinds))]
    public void Full_text_search_takes_phrases_and_prefixes(string kind)
    {
        var store = Seeded(kind);
        Assert.Equal(["kharkiv-missile"], store.Query(new EventQuery { Text = "\"apartment block\"" }).Select(e => e.Id));
        Assert.Equal(["merefa-artillery"], store.Query(new EventQuery { Text = "shell*" }).Select(e => e.Id));
        Assert.Equal(["kharkiv-missile"], store.Query(new EventQuery { Text = "\"Apartment blo\"*" }).Select(e => e.Id));
        Assert.Empty(store.Query(new EventQuery { Text = "\"block apartment\"" }));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Full_text_search_takes_and_or_not_and_parentheses(string kind)
    {
        var store = Seeded(kind);
        string[] Find(string text) => store.Query(new EventQuery { Text = text }).Select(e => e.Id).ToArray();
        Assert.Equal(["odesa-drone"], Find("drones port"));
        Assert.Equal(["odesa-drone"], Find("drones AND port"));
        Assert.Equal(["kharkiv-missile", "merefa-artillery"], Find("school OR missiles"));
        Assert.Equal(["kharkiv-missile"], Find("hit NOT school"));
        Assert.Equal(["odesa-drone", "merefa-artillery"], Find("(port OR school) NOT apartment"));
        // OR binds looser than the implied AND: school, or both block and missiles.
        Assert.Equal(["kharkiv-missile", "merefa-artillery"], Find("school OR block missiles"));
        // Lower-case "or" is a word to find, not an operator.
        Assert.Empty(Find("school or missiles"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Full_text_search_parts_words_at_hyphens_and_apostrophes_alike_in_both_stores(string kind)
    {
        var store = Holding(kind,
            (Doc("a"), [Strike("a", "hyphen", Odesa, evidence: "The army used Shahed-136 drones overnight.")]),
            (Doc("b"), [Strike("b", "apostrophe", Kyiv, evidence: "Kyiv’s mayor said debris fell.")]));
        string[] Find(string text) => store.Query(new EventQuery { Text = text }).Select(e => e.Id).ToArray();

        Assert.Equal(["hyphen"], Find("\"used shahed\""));
        Assert.Equal(["hyphen"], Find("\"shahed-136 drones\""));
        Assert.Equal(["hyphen"], Find("\"136 drones\""));
        Assert.Empty(Find("\"used drones\""));
        Assert.Equal(["apostrophe"], Find("\"kyiv s mayor\""));
        Assert.Equal(["apostrophe"], Find("kyiv"));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_malformed_full_text_query_is_a_query_error_about_the_text(string kind)
    {
        var store = Seeded(kind);
        foreach (var text in new[] { "\"unclosed", "(port", "port)", "NOT port", "port AND", "Shahed-136" })
            Assert.True(Assert.Throws<QueryException>(() => store.Query(new EventQuery { Text = text }).ToList()).InText, text);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Background_mentions_can_be_left_out(string kind) =>
        Assert.DoesNotContain("oblast-glide", Ids(kind, new EventQuery { ExcludeBackground = true }));

    [Theory, MemberData(nameof(Kinds))]
    public void Filters_combine(string kind) =>
        Assert.Equal(["merefa-artillery"], Ids(kind, new EventQuery { Oblast = "kharkiv", Actor = "RU", From = "2024-06-01", Types = [EventType.Strike], ExcludeBackground = true }));

    [Theory, MemberData(nameof(Kinds))]
    public void Limit_caps_the_rows(string kind) => Assert.Equal(2, Ids(kind, new EventQuery { Limit = 2 }).Length);

    [Theory, MemberData(nameof(Kinds))]
    public void Count_counts_what_query_returns(string kind)
    {
        var store = Seeded(kind);
        var query = new EventQuery { Oblast = "Kharkiv", Text = "school OR glide" };
        Assert.Equal(2, store.Count(query));
        Assert.Equal(store.Query(query).Count(), store.Count(query));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Incidents_match_when_any_report_matches(string kind) =>
        Assert.Equal(["Odesa"], Seeded(kind).QueryIncidents(new EventQuery { Weapon = "Shahed-136" }).Select(i => i.Place));

    [Theory, MemberData(nameof(Kinds))]
    public void Undated_events_and_incidents_come_last(string kind)
    {
        var store = Holding(kind, (Doc("a"), [Event("a", "undated", EventType.Threat, null, null), Strike("a", "dated", Kyiv)]));

        Assert.Equal(["dated", "undated"], store.Query(new EventQuery()).Select(e => e.Id));
        Assert.Equal(["2024-05-10", null], store.QueryIncidents(new EventQuery()).Select(i => i.DateMin));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_limit_counts_dated_and_undated_rows_together(string kind)
    {
        var store = Holding(kind, (Doc("a"), [Event("a", "undated", EventType.Threat, null, null), Strike("a", "dated", Kyiv)]));

        Assert.Equal(["dated"], store.Query(new EventQuery { Limit = 1 }).Select(e => e.Id));
        Assert.Equal(["dated", "undated"], store.Query(new EventQuery { Limit = 5 }).Select(e => e.Id));
        Assert.Single(store.QueryIncidents(new EventQuery { Limit = 1 }));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void A_place_name_matches_whichever_apostrophe_the_query_uses(string kind)
    {
        var maryinka = City("Mar'yinka", "Donetsk", 47.9414, 37.5058);
        var store = Holding(kind, (Doc("a"), [Strike("a", "e1", maryinka)]));

        Assert.Single(store.Query(new EventQuery { Place = "mar’yinka" }));
        Assert.Equal((47.9414, 37.5058), store.Locate(" MAR'YINKA "));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void An_incident_is_shown_with_its_reports_and_a_merged_id_leads_on(string kind)
    {
        var store = Holding(kind,
            (Doc("a", "A"), [Strike("a", "e1", Kharkiv, killed: 5, claimedBy: "UA")]),
            (Doc("b", "B"), [Strike("b", "e1", Kharkiv, killed: 6, claimedBy: "UA")]));
        var id = store.IncidentOf("a", "e1")!.Value;

        Assert.Equal(id, store.IncidentOf("b", "e1"));
        var incident = store.GetIncident(id)!;
        Assert.Equal(["a", "b"], incident.Reports.Select(r => r.Doc).Order());
        Assert.Null(store.GetIncident(id + 1000));
        Assert.Null(store.MergedInto(id));
        Assert.Equal(("A", "https://example.org/a", "Report a"), store.DocumentSource("a"));
    }
}
