using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

public class PlaceRecognizerTests
{
    private static readonly PlaceRecognizer R = new(MiniGazetteer.Gazetteer);

    private static IReadOnlyList<PlaceMention> Find(string text) => R.Find(text, 0, text.Length);

    [Fact]
    public void Mentions_carry_document_offsets_within_the_span()
    {
        var text = "Earlier news. Shelling hit Kharkiv overnight.";
        var start = text.IndexOf("Shelling", StringComparison.Ordinal);
        var m = Assert.Single(R.Find(text, start, text.Length));
        Assert.Equal("Kharkiv", text[m.Start..m.End]);
        Assert.Equal("Kharkiv", m.Text);
    }

    // A cue the lexicon marks "capitalized" names a person only as a byline writes it.
    [Theory]
    [InlineData("By Yarema Kupiansk\nShelling hit the city overnight.", "Kupiansk")]
    [InlineData("By Ostap Bakhmut, staff correspondent. Drones struck a depot.", "Bakhmut")]
    public void A_capitalized_byline_cue_makes_the_words_after_it_a_name(string text, string surname) =>
        Assert.DoesNotContain(Find(text), m => m.Text.Contains(surname, StringComparison.Ordinal));

    [Theory]
    [InlineData("Trenches dug by Kupiansk volunteers were shelled.", "Kupiansk")]
    [InlineData("The road used by Bakhmut residents was mined overnight.", "Bakhmut")]
    public void The_same_word_in_lower_case_is_no_cue(string text, string place) =>
        Assert.Contains(Find(text), m => m.Text == place);

    [Theory]
    [InlineData("Fighting raged in the Kharkiv oblast on Monday.", "Kharkiv oblast")]
    [InlineData("Drones struck the Donetsk region overnight.", "Donetsk region")]
    public void A_region_word_after_a_name_makes_a_region_mention(string text, string mention)
    {
        var m = Assert.Single(Find(text));
        Assert.Equal(mention, m.Text);
        Assert.Equal(PlaceKind.Region, m.KindHint);
    }

    [Fact]
    public void A_plural_region_word_covers_every_name_of_the_list()
    {
        var found = Find("Shelling went on along the border of Luhansk, Donetsk and Kharkiv regions.");
        Assert.Equal(["Donetsk", "Kharkiv regions"], found.Select(m => m.Text).ToList()[^2..]);
        Assert.All(found.Where(m => m.Name is "Donetsk" or "Kharkiv"), m => Assert.Equal(PlaceKind.Region, m.KindHint));
    }

    [Theory]
    [InlineData("Troops took Lozova in the northeastern Kharkiv region.", 45)]
    [InlineData("Troops took Lozova in the north-eastern Kharkiv region.", 45)]
    [InlineData("Shells fell across southern Donetsk region.", 180)]
    public void A_compass_word_before_a_region_gives_its_bearing(string text, int bearing)
    {
        var last = Find(text).Last();
        // A region that qualifies a place is folded into that place's mention.
        Assert.Equal(bearing, last.Qualifiers.Count > 0 ? last.Qualifiers[0].Bearing : last.Bearing);
    }

    [Theory]
    [InlineData("A base on the Azov Sea was hit.", "Azov Sea")]
    [InlineData("A ship was damaged in the Strait of Kerch.", "Strait of Kerch")]
    public void Sea_and_strait_names_are_water_in_either_word_order(string text, string mention)
    {
        var m = Assert.Single(Find(text));
        Assert.Equal(mention, m.Text);
        Assert.Equal(PlaceKind.Water, m.KindHint);
    }

    [Fact]
    public void Curated_areas_are_found() =>
        Assert.Contains(Find("Forces were pulled from the High North to the front."), m => m.Text == "High North" && m.KindHint == PlaceKind.Area);

    [Theory]
    [InlineData("President Volodymyr Zelensky spoke to troops.")]
    [InlineData("Mr Zelensky spoke to troops.")]
    [InlineData("Later, Taras Shevchenko spoke to reporters.")]
    public void Words_of_a_person_name_are_not_places(string text) =>
        Assert.DoesNotContain(Find(text), m => m.Name is "Zelensky" or "Shevchenko" or "Volodymyr");

    [Theory]
    [InlineData("Kharkiv's largest power company said the lines held.", "Kharkiv")]
    [InlineData("Mykolaiv's water utility restored supply by noon.", "Mykolaiv")]
    [InlineData("Engineers at Kherson's state energy operator worked through the night.", "Kherson")]
    public void A_place_that_owns_an_organisation_is_not_a_mention(string text, string owner) =>
        Assert.DoesNotContain(Find(text), m => m.Text == owner);

    [Theory]
    [InlineData("Kharkiv's mayor said two people were hurt.", "Kharkiv")]
    [InlineData("Kherson's southern suburbs lost power.", "Kherson")]
    public void A_possessive_place_before_an_official_or_a_part_of_it_stays_a_mention(string text, string place) =>
        Assert.Contains(Find(text), m => m.Text == place);

    [Theory]
    [InlineData("Drones hit the Black Sea port of Mykolaiv overnight.", "Mykolaiv")]
    [InlineData("Shelling hit the Black Sea port city of Kherson again.", "Kherson")]
    [InlineData("Ferries from the Azov Sea town of Kherson were halted.", "Kherson")]
    public void A_sea_told_before_its_port_qualifies_the_port_and_is_no_place_of_its_own(string text, string port)
    {
        var m = Assert.Single(Find(text));
        Assert.Equal(port, m.Text);
        Assert.True(m.SettlementCue);
    }

    [Theory]
    [InlineData("A drone fell into the Black Sea near Kherson.")]
    [InlineData("Patrol boats crossed the Black Sea to Mykolaiv.")]
    public void A_sea_of_its_own_before_a_town_stays_a_mention(string text) =>
        Assert.Contains(Find(text), m => m.KindHint == PlaceKind.Water);

    [Theory]
    [InlineData("Victory was declared by both sides.")]
    [InlineData("They spoke of Liberty and Victory.")]
    public void Capitalized_english_words_are_not_small_places(string text) =>
        Assert.Empty(Find(text));

    [Fact]
    public void A_place_name_inside_an_organisation_name_is_not_a_place() =>
        Assert.Empty(Find("Researchers at Palo Alto Networks said so."));

    [Fact]
    public void Lowercase_words_are_not_names() =>
        Assert.Empty(Find("the lozova and kharkiv words in lower case"));

    [Fact]
    public void A_typo_one_letter_off_a_known_city_is_found()
    {
        var m = Assert.Single(Find("A strike on Kropynmytskyi hurt eight."));
        Assert.True(m.Fuzzy);
        Assert.Equal("Kropynmytskyi", m.Text);
    }

    [Theory]
    [InlineData("Columns pushed on towards Zaprozhia at dawn.", "Zaprozhia", "Zaporizhzhia")]
    [InlineData("Heavy shelling of Sevrodonetsk went on all week.", "Sevrodonetsk", "Sievierodonetsk")]
    [InlineData("Residents of Zaprzhzhia queued for water.", "Zaprzhzhia", "Zaporizhzhia")]
    public void A_long_name_with_vowels_dropped_is_found_by_its_consonants(string text, string word, string place)
    {
        var m = Assert.Single(Find(text));
        Assert.True(m.Fuzzy);
        Assert.Equal(word, m.Text);
        Assert.All(m.FuzzyEntries!, e => Assert.Equal(place, MiniGazetteer.Gazetteer.String(MiniGazetteer.Gazetteer.Entry(e).Name)));
    }

    [Theory]
    [InlineData("Zaporizhzhia", "zprzh")]
    [InlineData("Zaporozhye", "zprzh")]
    [InlineData("Sievierodonetsk", "svrdntsk")]
    [InlineData("Severodonetsk", "svrdntsk")]
    public void Ukrainian_and_russian_forms_share_their_consonants(string name, string expected) =>
        Assert.Equal(expected, Recognition.ConsonantKey.Of(Sitrep.Geo.Text.TextFold.Skeleton(name)));

    [Theory]
    [InlineData("The Lozavaya brigade said so.")]
    [InlineData("Heavy shelling of Pakravsk went on all week.")]
    public void Consonants_alone_do_not_make_a_place_when_few_or_when_the_vowels_differ(string text) =>
        Assert.Empty(Find(text));

    [Fact]
    public void An_unknown_long_word_near_no_known_place_is_not_found() =>
        Assert.Empty(Find("The Argonautica was read aloud."));

    [Fact]
    public void The_longest_name_wins()
    {
        var m = Assert.Single(Find("Officials in Washington DC said."));
        Assert.Equal("Washington DC", m.Text);
    }

    [Fact]
    public void A_settlement_cue_before_a_name_is_recorded() =>
        Assert.True(Find("west of the city of Donetsk").Single().SettlementCue);

    [Theory]
    [InlineData("NATO and the EEA met; the SBU said so.")]
    [InlineData("I said so.")]
    public void Acronyms_and_tiny_words_are_not_places(string text) =>
        Assert.Empty(Find(text));

    [Fact]
    public void A_country_acronym_written_as_curated_is_a_country()
    {
        var m = Assert.Single(Find("Aid from the US arrived."));
        Assert.Equal(PlaceKind.Country, m.KindHint);
    }

    [Fact]
    public void A_typo_as_close_to_two_places_is_not_guessed() =>
        Assert.Empty(Find("Shells fell on Pervomaisky overnight."));

    [Theory]
    [InlineData("The cruiser Moskva sank in April.")]
    [InlineData("The flagship Moskva sank in April.")]
    public void A_ship_named_after_a_city_is_not_a_place(string text) =>
        Assert.Empty(Find(text));

    [Fact]
    public void A_name_with_a_possessive_inside_is_found_whole()
    {
        var m = Assert.Single(Find("Russian forces advanced into the Luhansk People's Republic."));
        Assert.Equal("Luhansk People's Republic", m.Text);
    }
}

public class NotPlacesTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    [Theory]
    [InlineData("Russia fired an Oreshnik at the plant, the air force said.")]
    [InlineData("Officials said the Oreshnik carried no warhead.")]
    [InlineData("A Sukhoi fighter was shot down over the sea.")]
    [InlineData("Pilots flew the Sukhoy jets home.")]
    [InlineData("Azov fighters held the steelworks for weeks.")]
    [InlineData("Commanders of Azov said the unit was rebuilt.")]
    [InlineData("Forces of the DPR shelled the road.")]
    [InlineData("The Donetsk People's Republic said it took the village.")]
    public void Weapons_aircraft_units_and_sides_named_like_places_are_not_places(string text) =>
        Assert.DoesNotContain(Geocode.All(G, text), r => r.Place is { Lat: not null } p && p.Kind != PlaceKind.Country);

    [Theory]
    [InlineData("Voting was staged in the DPR last autumn.")]
    [InlineData("Shelling went on throughout the DPR on Friday.")]
    public void A_self_styled_republic_after_a_locative_is_the_territory(string text) =>
        Assert.Contains(Geocode.All(G, text), r => r.Mention.Name == "DPR" && r.Place is { Lat: not null });

    [Theory]
    [InlineData("The United States condemned the strike. So did leaders across the Arab world.", "Arab")]
    [InlineData("Putin courted leaders from Africa and Asia.", "Africa")]
    public void A_small_far_away_namesake_needs_its_country_beside_it(string text, string written) =>
        Assert.Null(Geocode.Of(G, text, written)?.Lat);

    [Theory]
    [InlineData("After talks in Washington, Zelensky flew on to Florida.")]
    [InlineData("Officials in Washington said the two leaders would meet in Florida.")]
    public void A_state_no_town_is_named_after_is_the_state_when_its_country_is_in_the_report(string text)
    {
        var p = Geocode.Of(G, text, "Florida");
        Assert.Equal((PlaceKind.Region, "US"), (p!.Kind, p.Country!));
    }

    [Theory]
    [InlineData("Diplomats met in New York on Monday.")]
    [InlineData("The session in New York ended without a vote.")]
    public void A_city_known_without_its_city_word_is_the_city(string text) =>
        Assert.Equal(5128581, Geocode.Of(G, text, "New York")?.GeonamesId);

    [Theory]
    [InlineData("Fighting went on in Chasiv Yar. Infantry reached the Novyi neighborhood, but was pushed back.")]
    [InlineData("Chasiv Yar was shelled again; the Novyi microdistrict lost power.")]
    public void A_named_neighbourhood_is_the_city_told_before_it(string text) =>
        Assert.Equal(90000024, Geocode.Of(G, text, "Novyi")?.GeonamesId);
}

public class FrontSectorTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    [Theory]
    [InlineData("Assaults went on in the Kupiansk direction all week.", "Kupiansk direction", "direction")]
    [InlineData("The army repelled 30 attacks on the Pokrovsk axis.", "Pokrovsk axis", "axis")]
    [InlineData("Heavy fighting was reported on the Bakhmut front.", "Bakhmut front", "front")]
    public void A_front_sector_is_an_area_at_its_town_not_the_town(string text, string mention, string word)
    {
        var hit = Assert.Single(Geocode.All(G, text));
        Assert.Equal(mention, hit.Mention.Text);
        Assert.Equal(word, hit.Mention.Sector);
        Assert.Equal(PlaceKind.Area, hit.Place?.Kind);
        Assert.NotNull(hit.Place!.GeonamesId);   // the town it is tied to
        Assert.NotNull(hit.Place.Lat);
        Assert.Equal(mention, hit.Place.Mention);
        Assert.Equal(mention[..mention.IndexOf(' ')], hit.Place.Name);
    }

    [Theory]
    [InlineData("Russian troops kept pressing along the Kupiansk axis for a week.", "Kupiansk axis")]
    [InlineData("Shelling on the Pokrovsk front did not let up until dawn.", "Pokrovsk front")]
    [InlineData("Ukrainian units held the line in the Bakhmut direction, the brigade said.", "Bakhmut direction")]
    [InlineData("The Kupiansk sector stayed the hardest part of the line.", "Kupiansk sector")]
    public void A_sector_written_after_its_town_is_an_area_in_any_sentence(string text, string mention)
    {
        var hit = Assert.Single(Geocode.All(G, text));
        Assert.Equal(mention, hit.Mention.Text);
        Assert.Equal(PlaceKind.Area, hit.Place?.Kind);
    }

    [Theory]
    [InlineData("Drones flew in the direction of Kupiansk.")]
    [InlineData("A convoy left Kupiansk in the morning.")]
    [InlineData("The front near Pokrovsk moved little on Tuesday.")]
    [InlineData("Pokrovsk, a front-line town, lost power again.")]
    public void A_town_without_a_sector_word_after_it_stays_the_town(string text)
    {
        var hit = Assert.Single(Geocode.All(G, text));
        Assert.Equal(PlaceKind.Settlement, hit.Place?.Kind);
        Assert.Null(hit.Mention.Sector);
    }
}

/// <summary>Front areas named after a historical land or with a compass word (extra-places.tsv) are areas tied to their oblast.</summary>
public class FrontAreaTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    [Theory]
    [InlineData("Russian units kept attacking in Southern Slobozhanshchyna through the night.", "Southern Slobozhanshchyna", "Kharkiv")]
    [InlineData("The ministry claimed gains in the Southern Slobozhanshchyna direction.", "Southern Slobozhanshchyna", "Kharkiv")]
    [InlineData("Border villages of Slobozhanshchyna were shelled again.", "Slobozhanshchyna", "Kharkiv")]
    [InlineData("Heavy fighting went on in Sloboda Ukraine, the historians' name for the border land.", "Sloboda Ukraine", "Kharkiv")]
    [InlineData("Ukrainian brigades held the line on the South Donetsk axis.", "South Donetsk axis", "Donetsk")]
    [InlineData("Assaults grew in the Southern Donetsk direction last week.", "Southern Donetsk direction", "Donetsk")]
    public void A_named_front_area_is_an_area_in_its_oblast(string text, string mention, string oblast)
    {
        var hit = Assert.Single(Geocode.All(G, text));
        Assert.Equal(mention, hit.Mention.Name);
        Assert.Equal(PlaceKind.Area, hit.Place?.Kind);
        Assert.Equal(("UA", oblast), (hit.Place!.Country, hit.Place.Admin1));
        Assert.NotNull(hit.Place.Lat);
    }

    [Theory]
    [InlineData("Battles raged in Northern Slobozhanshchyna, the Russian ministry said.")]
    [InlineData("Shelling in North Slobozhanshchyna did not stop on Friday.")]
    public void The_northern_area_is_no_settlement_and_no_compass_word(string text)
    {
        var hit = Assert.Single(Geocode.All(G, text));
        Assert.Null(hit.Mention.Bearing);
        Assert.Equal((PlaceKind.Area, "UA"), (hit.Place!.Kind, hit.Place.Country!));
    }
}

public class CompassWordTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    private static List<string> Names(string text) =>
        new PlaceRecognizer(G).Find(text, 0, text.Length).Select(m => m.Name).ToList();

    // The mini index has the regions "East" and "South" (Cameroon), as GeoNames does.
    [Theory]
    [InlineData("East of the river, the brigade shelled Kupiansk.", "Kupiansk")]
    [InlineData("South, the enemy kept pressing toward Pokrovsk.", "Pokrovsk")]
    [InlineData("In the East, drones hit a fuel depot in Kharkiv.", "Kharkiv")]
    [InlineData("Further South, guns pounded Kherson all night.", "Kherson")]
    [InlineData("Kharkiv was quiet; East of it, shells fell on Kupiansk.", "Kharkiv|Kupiansk")]
    [InlineData("North-East of Bakhmut, a column came under fire.", "Bakhmut")]
    public void A_compass_word_opening_a_sentence_or_clause_is_a_direction(string text, string places) =>
        Assert.Equal(places.Split('|'), Names(text));

    [Fact]
    public void A_compass_word_before_a_town_is_its_bearing_not_a_place()
    {
        var m = Assert.Single(new PlaceRecognizer(G).Find("Shells fell on East Kharkiv overnight.", 0, 38));
        Assert.Equal("Kharkiv", m.Name);
        Assert.Equal(90, m.Bearing);
    }

    [Theory]
    [InlineData("Envoys from North Macedonia and South Korea met in Kyiv.", "North Macedonia|South Korea")]
    [InlineData("The grain went to South Africa by sea.", "South Africa")]
    [InlineData("Peacekeepers who served in South Sudan and East Timor now train recruits.", "South Sudan|East Timor")]
    public void A_longer_name_that_holds_a_compass_word_is_still_the_place(string text, string countries)
    {
        var found = new PlaceRecognizer(G).Find(text, 0, text.Length);
        foreach (var name in countries.Split('|'))
            Assert.Equal(PlaceKind.Country, Assert.Single(found, m => m.Name == name).KindHint);
    }

    // Guards: Ukrainian names that mean "southern" or "northern" are villages, not directions.
    [Theory]
    [InlineData("A drone hit a house in Pivdenne on Friday.", "Pivdenne", 697135)]
    [InlineData("Pivnichne was shelled twice overnight.", "Pivnichne", 9113129)]
    [InlineData("The power plant near Pivdennoukrainsk went on working.", "Pivdennoukrainsk", 7525990)]
    [InlineData("Inspectors reached Yuzhnoukrainsk by train.", "Yuzhnoukrainsk", 7525990)]
    public void A_village_named_for_a_compass_point_in_Ukrainian_is_a_place(string text, string written, long id) =>
        Assert.Equal(id, Geocode.Of(G, text, written)?.GeonamesId);
}

public class DatelineTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    // As the extractor calls it: one sentence at a time, here the last line.
    private static IReadOnlyList<PlaceMention> Find(string text) => new PlaceRecognizer(G).Find(text, text.LastIndexOf('\n') + 1, text.Length);

    [Theory]
    [InlineData("KHARKIV (Reuters) - Power was cut across the city on Friday.", "KHARKIV")]
    [InlineData("Kharkiv, Ukraine — Power was cut across the city on Friday.", "Kharkiv")]
    [InlineData("Intro line.\nMYKOLAIV, Dec 3 (AP) - A drone hit a depot in Kherson.", "MYKOLAIV")]
    public void A_place_opening_a_line_before_a_dash_is_a_dateline(string text, string written)
    {
        var m = Assert.Single(Find(text), m => m.Dateline);
        Assert.Equal(written, m.Name);
        // The country and agency of the dateline are not places of their own.
        Assert.DoesNotContain(Find(text), x => x.Name is "Ukraine" or "Reuters");
    }

    [Theory]
    [InlineData("Officials in Kharkiv - and in Kherson - said nothing.")]
    [InlineData("Kharkiv was shelled - again - on Friday.")]
    [InlineData("The strike on Kharkiv, the governor said - was the worst.")]
    public void A_place_inside_a_sentence_or_before_a_verb_is_not_a_dateline(string text) =>
        Assert.DoesNotContain(Find(text), m => m.Dateline);
}

/// <summary>An armed group named after a city (not-places.tsv) is no mention of the city, though its name runs past the city's.</summary>
public class ArmedGroupNameTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    [Theory]
    [InlineData("Gunners of the Donetsk People's Militia fired through the night.")]
    [InlineData("A spokesman for the Donetsk People’s Militia claimed two villages.")]
    public void A_militia_named_after_a_city_is_no_place(string text) =>
        Assert.Empty(new PlaceRecognizer(G).Find(text, 0, text.Length));

    [Theory]
    [InlineData("People in Donetsk sheltered in basements.", "Donetsk")]
    [InlineData("Shelling hit Donetsk, People said nothing.", "Donetsk")]
    public void The_city_alone_stays_a_place(string text, string name) =>
        Assert.Contains(new PlaceRecognizer(G).Find(text, 0, text.Length), m => m.Name == name);

    // A name's kind hint is read from its postings once per recognizer and kept by node: asked
    // again, from the kept hint, every mention must carry the kind the first reading gave, and a
    // fresh recognizer (nothing kept) must agree with one that has read the names before.
    [Fact]
    public void Kind_hints_kept_by_name_answer_as_the_postings_do()
    {
        const string text = "Shelling hit Kharkiv and Lozova; talks in Finland; the Sea of Azov; Kupiansk, then Kharkiv again.";
        var fresh = new PlaceRecognizer(MiniGazetteer.Gazetteer);
        var first = fresh.Find(text, 0, text.Length).Select(m => (m.Text, m.KindHint)).ToList();
        Assert.Contains(first, m => m.KindHint == PlaceKind.Country);
        Assert.Contains(first, m => m.KindHint == PlaceKind.Settlement);
        Assert.Equal(first, fresh.Find(text, 0, text.Length).Select(m => (m.Text, m.KindHint)).ToList());
        var seasoned = new PlaceRecognizer(MiniGazetteer.Gazetteer);
        const string before = "Kharkiv region, Finland's border, the Azov Sea and Lozova district.";
        seasoned.Find(before, 0, before.Length);
        Assert.Equal(first, seasoned.Find(text, 0, text.Length).Select(m => (m.Text, m.KindHint)).ToList());
    }
}
