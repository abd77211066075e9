using System.Text.Json;
using Sitrep.Core.Tests.Support;
using Sitrep.Events;

namespace Sitrep.Core.Tests.Events;

/// <summary>
/// The event rules (EventBuilder: triggers, actors, sources, weapons, figures, dates) read
/// through the pipeline without a gazetteer, on reports published Thursday 2024-03-07.
/// </summary>
public sealed class EventBuilderTests
{
    private sealed record ExpectedEvent(string Type, string? Subtype, string? Actor, string? ClaimedBy, string[]? Weapons,
        int? Killed, int? Injured, double? AmountUsd, string? Date, bool Background);

    private sealed record EventCase(string Note, string Input, ExpectedEvent[] Expected);

    private static readonly Lazy<EventCase[]> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Events", "Specs", "events.json");
        return JsonSerializer.Deserialize<EventCase[]>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException("events.json is empty");
    });

    public static TheoryData<int, string> Specs()
    {
        var data = new TheoryData<int, string>();
        var cases = Cases.Value;
        for (var i = 0; i < cases.Length; i++)
            data.Add(i, cases[i].Note);
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Spec_case_yields_expected_events(int index, string note)
    {
        Assert.NotNull(note);
        var spec = Cases.Value[index];
        var expected = spec.Expected.Select(e => Reports.Format(e.Type, e.Subtype, e.Actor, e.ClaimedBy, e.Weapons ?? [],
            e.Killed, e.Injured, e.AmountUsd, e.Date, e.Background)).ToArray();
        var actual = Reports.Extract(spec.Input).Select(Reports.Describe).ToArray();
        Assert.Equal(expected, actual);
    }

    private static EventRecord Single(string text, bool includeBackground = false) =>
        Assert.Single(Reports.Extract(text, includeBackground));

    // ---- references back, totals, defenders ----

    [Fact]
    public void A_definite_visit_with_nothing_to_join_reports_no_new_event()
    {
        Assert.Empty(Reports.Extract("The minister's visit came as allies argued over the next aid package in Vienna."));
    }

    [Fact]
    public void A_definite_strike_that_brings_its_own_figures_still_stands()
    {
        var e = Single("The strike killed four people on Tuesday.");
        Assert.Equal(EventType.Strike, e.Type);
        Assert.Equal(4, e.Killed);
    }

    [Fact]
    public void A_total_over_the_past_day_is_left_out_by_default()
    {
        Assert.Empty(Reports.Extract("Russian attacks killed 12 people and injured 40 over the past day, officials said."));
        var total = Single("Russian attacks killed 12 people and injured 40 over the past day, officials said.", includeBackground: true);
        Assert.True(total.Background);
    }

    [Fact]
    public void An_office_that_names_no_side_speaks_for_the_attacked_side()
    {
        var e = Single("Russian missiles hit an energy facility overnight, the air force said.");
        Assert.Equal("RU", e.Actor);
        Assert.Equal("UA", e.ClaimedBy);
    }

    [Fact]
    public void Drones_launched_of_which_some_were_downed_is_one_weapon()
    {
        var e = Single("Russia launched 60 drones overnight, of which 45 were shot down.");
        var drone = Assert.Single(e.Weapons);
        Assert.Equal((60, 45), (drone.Launched, drone.Intercepted));
    }

    // ---- weapons ----

    [Fact]
    public void A_shot_down_helicopter_is_named_by_class_and_model()
    {
        var e = Single("A Russian Mi-8 helicopter was shot down on Tuesday.");
        Assert.Equal(EventType.AirDefense, e.Type);
        Assert.Equal(new[] { "helicopter Mi-8 -/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void An_air_defence_system_is_not_listed_as_a_weapon_fired_at_the_target()
    {
        var e = Single("A Patriot battery shot down an Iskander ballistic missile over the capital on Tuesday.");
        Assert.Equal(EventType.AirDefense, e.Type);
        Assert.Equal(new[] { "missile Iskander-M -/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void Multiple_rocket_launchers_are_mlrs_and_make_an_artillery_strike()
    {
        var e = Single("HIMARS rockets hit a command post on Tuesday.");
        Assert.Equal("artillery", e.Subtype);
        Assert.Equal(new[] { "mlrs HIMARS -/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void A_defender_named_after_by_is_not_a_launched_weapon()
    {
        var e = Single("Five Shahed drones were intercepted by F-16 jets overnight.");
        Assert.Equal(new[] { "drone Shahed-136 -/5" }, e.Weapons.Select(Reports.Describe));
    }

    // ---- launched and intercepted ----

    [Fact]
    public void Launched_drones_are_counted_as_launched()
    {
        var e = Single("Russia launched 12 drones overnight.");
        Assert.Equal(new[] { "drone 12/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void Shot_down_x_of_y_counts_y_launched_and_x_intercepted()
    {
        var e = Single("Air defences shot down 40 of the 52 drones launched by Russia overnight.");
        Assert.Equal(new[] { "drone 52/40" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void Downed_x_of_y_models_counts_both()
    {
        var e = Single("Ukraine's air force said it downed 38 of 45 Shahed drones.");
        Assert.Equal(new[] { "drone Shahed-136 45/38" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void Of_which_were_intercepted_counts_the_interceptions()
    {
        var e = Single("Russia launched 30 drones overnight, 25 of which were intercepted, the air force said.");
        Assert.Equal(new[] { "drone 30/25" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void A_bare_count_shot_down_after_the_launch_counts_as_intercepted()
    {
        var e = Single("Russia fired 10 missiles at the city overnight; nine were shot down.");
        Assert.Equal(new[] { "missile 10/9" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void Of_the_y_fired_x_were_shot_down_counts_both()
    {
        var e = Single("Of the 25 missiles fired at the city, 20 were shot down.");
        Assert.Equal(new[] { "missile 25/20" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void A_strike_merged_with_its_interception_keeps_a_strike_subtype()
    {
        var e = Single("Russia launched 30 drones overnight, 25 of which were intercepted, the air force said.");
        Assert.Equal((EventType.Strike, "drone"), (e.Type, e.Subtype));
    }

    [Fact]
    public void A_casualty_figure_is_not_a_count_of_weapons()
    {
        var e = Single("Five people were killed and 11 injured when a glide bomb hit an apartment block on Tuesday.");
        Assert.Equal((5, 11), (e.Killed, e.Injured));
        Assert.Equal(new[] { "glide_bomb -/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void A_fighter_that_shoots_down_missiles_is_not_a_weapon_met_by_air_defence()
    {
        var e = Single("F-16 jets shot down six cruise missiles on Tuesday, the air force said.");
        Assert.Equal(new[] { "missile -/6" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void Shahed_type_drones_are_Shahed_136()
    {
        var e = Single("Russian forces attacked the region with Shahed-type drones overnight.");
        Assert.Equal(new[] { "drone Shahed-136 -/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact(Skip = "not yet: the mass in '300-kilogram bomb' is read as a count of 300 bombs launched")]
    public void A_bomb_weight_is_not_a_count()
    {
        var e = Single("A 300-kilogram bomb hit the school on Tuesday.");
        Assert.Equal(new[] { "glide_bomb -/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void An_aircraft_named_by_its_model_is_the_weapon_of_its_strike()
    {
        var e = Single("A Ukrainian F-16 struck a Russian command post on Tuesday.");
        Assert.Equal((EventType.Strike, "air", "UA"), (e.Type, e.Subtype, e.Actor));
        Assert.Equal(new[] { "aircraft F-16 -/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void Patriot_missiles_shooting_down_a_Kinzhal_is_air_defence()
    {
        var e = Single("Ukrainian forces used Patriot missiles to shoot down a Kinzhal on Tuesday.");
        Assert.Equal((EventType.AirDefense, "UA"), (e.Type, e.Actor));
        Assert.Equal(new[] { "missile Kinzhal -/-" }, e.Weapons.Select(Reports.Describe));
    }

    // ---- casualties ----

    [Fact]
    public void An_age_is_not_a_casualty_count()
    {
        var e = Single("A Russian drone attack on the city injured a 10-year-old boy on Tuesday.");
        Assert.NotEqual(10, e.Injured);
    }

    [Fact]
    public void A_single_victim_after_the_cue_counts_one()
    {
        var e = Single("A Russian drone attack on the city injured a 10-year-old boy on Tuesday.");
        Assert.Equal(1, e.Injured);
    }

    [Fact(Skip = "not yet: 'killed a woman and injured her son' gives killed 1 but injured null ('her son' is not counted)")]
    public void Killed_a_woman_and_injured_her_son_counts_one_each()
    {
        var e = Single("The missile strike on Tuesday killed a woman and injured her son.");
        Assert.Equal((1, 1), (e.Killed, e.Injured));
    }

    [Fact(Skip = "not yet: the figure search before a casualty cue stops at the comma of an inserted 'including ...' phrase")]
    public void A_figure_before_an_including_phrase_is_the_count()
    {
        var e = Single("Three people, including two children, were killed in the shelling on Tuesday.");
        Assert.Equal(3, e.Killed);
    }

    [Fact]
    public void A_death_toll_that_rose_to_a_figure_is_the_count()
    {
        var e = Single("The death toll from Tuesday's missile strike rose to 14.");
        Assert.Equal(14, e.Killed);
    }

    // ---- actors and sources ----

    [Fact]
    public void The_side_whose_aircraft_was_shot_down_is_the_target_not_the_actor()
    {
        var e = Single("A Russian Mi-8 helicopter was shot down on Tuesday.");
        Assert.Equal(("UA", "RU"), (e.Actor, e.TargetActor));
    }

    [Theory]
    [InlineData("Moscow said its forces had shot down 14 Ukrainian drones over the Belgorod region on Tuesday.")]
    [InlineData("Russia's defence ministry said air defences destroyed 9 Ukrainian drones overnight.")]
    public void An_interception_Russia_reports_of_Ukrainian_drones_is_done_by_Russia(string text)
    {
        var e = Single(text);
        Assert.Equal((EventType.AirDefense, "RU", "UA", "RU"), (e.Type, e.Actor, e.TargetActor, e.ClaimedBy));
    }

    [Fact]
    public void The_US_in_capitals_is_the_source_of_an_aid_package()
    {
        var e = Single("The US announced a $300 million military aid package for Ukraine on Tuesday.");
        Assert.Equal((EventType.Aid, "US", 300_000_000d), (e.Type, e.ClaimedBy, e.AmountUsd));
    }

    [Fact]
    public void The_US_written_with_full_stops_is_the_US()
    {
        var e = Single("The U.S. announced a $300 million military aid package for Ukraine on Tuesday.");
        Assert.Equal((EventType.Aid, "US", 300_000_000d), (e.Type, e.ClaimedBy, e.AmountUsd));
    }

    [Fact]
    public void The_subject_of_a_reported_clause_is_not_its_source()
    {
        var e = Single("Analysts said Russian drones hit a fuel depot overnight.");
        Assert.Equal(("RU", null), (e.Actor, e.ClaimedBy));
    }

    [Fact]
    public void Moscow_blaming_Kyiv_is_a_Russian_claim_of_a_Ukrainian_strike()
    {
        var e = Single("Moscow blamed Kyiv for the drone attack on the refinery on Tuesday.");
        Assert.Equal(("UA", "RU"), (e.Actor, e.ClaimedBy));
    }

    [Fact]
    public void According_to_DeepState_is_a_Ukrainian_claim()
    {
        var e = Single("Russian missiles hit a power plant on Tuesday, according to DeepState.");
        Assert.Equal(("RU", "UA"), (e.Actor, e.ClaimedBy));
    }

    [Fact]
    public void The_target_is_the_opponent_of_the_actor()
    {
        var e = Single("Russian forces shelled the village on Tuesday.");
        Assert.Equal(("RU", "UA"), (e.Actor, e.TargetActor));
    }

    [Fact]
    public void A_national_office_speaks_for_the_side_last_named_in_the_section()
    {
        var events = Reports.Extract("Ukraine's military reported heavy losses on Tuesday. Drones struck a depot overnight, the ministry said.");
        Assert.Equal("UA", Assert.Single(events).ClaimedBy);
    }

    [Fact]
    public void A_local_office_without_a_place_names_no_source()
    {
        var e = Single("A missile struck a school on Tuesday, the governor said.");
        Assert.Null(e.ClaimedBy);
    }

    [Fact]
    public void A_source_named_earlier_in_the_paragraph_carries_to_the_next_sentence()
    {
        var e = Assert.Single(Reports.Extract("The Russian Defence Ministry said on Tuesday that the night had been difficult. Ukrainian drones struck a depot in the border region."));
        Assert.Equal((EventType.Strike, "UA", "RU"), (e.Type, e.Actor, e.ClaimedBy));
    }

    [Fact]
    public void A_source_does_not_carry_into_the_next_paragraph()
    {
        var e = Assert.Single(Reports.Extract("The Russian Defence Ministry said on Tuesday that the night had been difficult.\nUkrainian drones struck a depot in the border region."));
        Assert.Null(e.ClaimedBy);
    }

    // ---- background ----

    [Fact]
    public void Background_events_are_kept_and_marked_when_asked_for()
    {
        var e = Single("Russia has previously threatened to strike government buildings in Kyiv.", includeBackground: true);
        Assert.Equal((EventType.Threat, "RU", true), (e.Type, e.Actor, e.Background));
    }

    [Fact]
    public void Totals_since_february_are_background()
    {
        var e = Single("Since February, Russian forces have launched more than 3,000 drones at the region.", includeBackground: true);
        Assert.True(e.Background);
        Assert.Equal(new[] { "drone 3000/-" }, e.Weapons.Select(Reports.Describe));
    }

    [Fact]
    public void An_event_of_last_week_is_news_not_background()
    {
        var e = Single("On March 1, Russian drones struck the port.");
        Assert.Equal(("2024-03-01", false), (e.Date, e.Background));
    }

    // ---- dates ----

    [Fact]
    public void A_weekday_resolves_against_the_publication_date()
    {
        var events = Reports.Extract("Russian drones struck the port on Tuesday.", published: new DateOnly(2024, 3, 11));
        Assert.Equal("2024-03-05", Assert.Single(events).Date);
    }

    [Fact]
    public void Past_tense_without_a_date_leaves_the_date_open()
    {
        var e = Single("Ukrainian air defence shot down 18 missiles, the air force said.");
        Assert.Null(e.Date);
    }

    [Fact]
    public void A_headline_event_is_dated_the_day_of_publication()
    {
        var events = Reports.Extract("Missile strike hits port city");
        var e = Assert.Single(events);
        Assert.Equal("2024-03-07", e.Date);
        Assert.Equal(DatePrecision.Day, e.DatePrecision);
    }

    [Fact]
    public void A_date_in_an_earlier_sentence_of_the_paragraph_carries_over()
    {
        var events = Reports.Extract("On Monday, sirens sounded across the east. Russian drones struck a depot.");
        Assert.Equal("2024-03-04", Assert.Single(events).Date);
    }

    // ---- evidence ----

    [Fact]
    public void Evidence_is_the_sentence_with_offsets_into_the_text()
    {
        const string text = "Lead line about nothing.\nRussian drones struck a depot overnight.";
        var e = Assert.Single(Reports.Extract(text));
        var ev = Assert.Single(e.Evidence);
        Assert.Equal("Russian drones struck a depot overnight.", ev.Text);
        Assert.Equal(ev.Text, text[ev.Start..ev.End]);
    }
}
