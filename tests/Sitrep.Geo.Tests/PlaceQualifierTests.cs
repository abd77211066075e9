using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

/// <summary>Admin qualifiers narrow the place they follow and are never places of their own.</summary>
public class PlaceQualifierTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    [Theory]
    // A bare oblast name after a comma.
    [InlineData("Artillery pounded Novoselivka, Kherson, overnight.", "Novoselivka", 90000011)]
    [InlineData("Farmers in Novoselivka, Kharkiv, lost their barns to the fire.", "Novoselivka", 90000013)]
    // The oblast with its division word, after a comma, in brackets, or after "of the".
    [InlineData("A drone hit a shop in Novoselivka, Donetsk region, before dawn.", "Novoselivka", 90000012)]
    [InlineData("Novoselivka (Kherson oblast) was shelled again.", "Novoselivka", 90000011)]
    [InlineData("Police said the village of Ivanivka of the Kharkiv region had no power.", "Ivanivka", 90000017)]
    [InlineData("Medics reached Ivanivka in the Kharkiv oblast by noon.", "Ivanivka", 90000017)]
    // A raion by its town's name or by its adjective, in any transliteration.
    [InlineData("Sappers cleared Ivanivka in Pokrovsk district on Friday.", "Ivanivka", 90000014)]
    [InlineData("Ivanivka, Kramatorskyi district, lost power after the strike.", "Ivanivka", 90000015)]
    [InlineData("The school in Ivanivka, Bakhmutskyi raion, was hit twice.", "Ivanivka", 90000016)]
    [InlineData("Volunteers drove to Ivanivka, Pokrovs'kyy rayon, with water.", "Ivanivka", 90000014)]
    // A hromada is named after its town: the village near that town.
    [InlineData("Residents of Ivanivka of the Pokrovsk hromada were told to leave.", "Ivanivka", 90000014)]
    // A city qualified by its own oblast is the city.
    [InlineData("Strikes hit Kharkiv, Kharkiv, on Sunday.", "Kharkiv", 706483)]
    public void A_qualifier_picks_the_namesake_inside_it_and_is_not_a_mention_of_its_own(string text, string written, long id) =>
        Geocode.AssertQualified(G, text, written, id);

    [Fact]
    public void A_raion_and_an_oblast_both_qualify_the_village_before_them()
    {
        var hit = Assert.Single(Geocode.All(G, "Ivanivka, Bakhmut raion, Donetsk region, came under fire."));
        Assert.Equal(["Bakhmut", "Donetsk"], hit.Mention.Qualifiers.Select(q => q.Name));
        Assert.Equal([DivisionLevel.Raion, DivisionLevel.Oblast], hit.Mention.Qualifiers.Select(q => q.Level));
        Assert.Equal(90000016, hit.Place?.GeonamesId);
    }

    [Theory]
    [InlineData("Missiles struck Kherson, Kharkiv and Donetsk overnight.", 3)]
    [InlineData("Sirens sounded in Kharkiv, Kherson before midnight.", 2)]
    [InlineData("Power was cut in Kherson, Mykolaiv, and Zaporizhzhia.", 3)]
    // The list goes on after a name its village could sit in: a coordinator (function-words.tsv) says so.
    [InlineData("Shells fell on Novoselivka, Kherson and Bakhmut overnight.", 3)]
    [InlineData("Crews restored power in Novoselivka, Kharkiv or Kupiansk by noon.", 3)]
    public void A_list_of_cities_is_not_read_as_a_place_and_its_qualifier(string text, int mentions)
    {
        var all = Geocode.All(G, text);
        Assert.Equal(mentions, all.Count);
        Assert.All(all, r => Assert.Empty(r.Mention.Qualifiers));
    }

    [Fact]
    public void A_region_named_on_its_own_stays_a_place()
    {
        var hit = Assert.Single(Geocode.All(G, "Shelling was reported across the Donetsk region."));
        Assert.Equal(PlaceKind.Region, hit.Place?.Kind);
    }

    [Theory]
    [InlineData("Shelling was reported near Hnylytsia, Kharkiv region, on Friday.", "Hnylytsia", "Kharkiv")]
    [InlineData("Two homes burned in Pidlisne (Kherson oblast) overnight.", "Pidlisne", "Kherson")]
    [InlineData("Shelling was reported near Hnylytsia in the Kharkiv region.", "Hnylytsia", "Kharkiv")]
    public void A_village_the_index_lacks_is_kept_in_its_division_and_the_division_is_not_a_place(string text, string written, string oblast)
    {
        var hit = Assert.Single(Geocode.All(G, text));
        Assert.Equal(written, hit.Mention.Name);
        Assert.Null(hit.Place?.Lat);
        Assert.Equal(oblast, hit.Place?.Admin1);
    }

    [Theory]
    [InlineData("Drones hit a depot in Chop, Zakarpattia region, at night.")]
    [InlineData("Guards were posted near Chop (Zakarpattia oblast) on Monday.")]
    [InlineData("A fire broke out in Chop in the Zakarpattia region overnight.")]
    public void An_english_word_the_index_knows_as_a_village_is_that_village_when_told_with_its_division(string text)
    {
        var hit = Assert.Single(Geocode.All(G, text));
        Assert.Equal("Chop", hit.Mention.Name);
        Assert.Equal(710409, hit.Place?.GeonamesId);
    }

    [Fact]
    public void The_same_word_without_a_division_stays_prose() =>
        Assert.Empty(Geocode.All(G, "Officials said Chop was quiet."));

    [Theory]
    [InlineData("The governor, Syniehubov, Kharkiv region head, spoke.")]
    [InlineData("Reporters asked Syniehubov, Kharkiv region governor, twice.")]
    public void A_name_without_a_place_preposition_before_it_is_not_taken_for_a_village(string text) =>
        Assert.DoesNotContain(Geocode.All(G, text), r => r.Mention.Name == "Syniehubov");

    [Theory]
    [InlineData("Pokrovsk Raion", "pokrov")]
    [InlineData("Pokrovskyi district", "pokrov")]
    [InlineData("Pokrovs'kyy Rayon", "pokrov")]
    [InlineData("Horlivka", "horliv")]
    [InlineData("Horlivskyi Raion", "horliv")]
    [InlineData("Kramatorsk", "kramator")]
    [InlineData("Mariupolskyi Raion", "mariupol")]
    public void Raion_names_meet_however_they_are_written(string name, string stem)
    {
        Assert.Equal(stem, Resolution.DivisionScope.RaionStem(name));
    }
}

/// <summary>Qualifiers after names the full index holds: a soft sign's apostrophe, a region's name that a village shares.</summary>
public class PlaceQualifierFullIndexTests
{
    [TheoryRequiresSharedGeo]
    [InlineData("Two shells landed in Yampil’, Sumy, after midnight.", 688501)]
    [InlineData("Firefighters were sent to Yampil’, Donetsk region, at dawn.", 688505)]
    public void A_name_ending_in_an_apostrophe_takes_the_oblast_after_it(string text, long id)
    {
        var hit = Assert.Single(Geocode.All(SharedGeo.Full, text));
        Assert.NotEmpty(hit.Mention.Qualifiers);
        Assert.Equal(id, hit.Place?.GeonamesId);
    }

    [TheoryRequiresSharedGeo]
    [InlineData("Drones hit a farm in Chechnya, Donetsk region, on Sunday.", 13645604)]
    [InlineData("The road to Chechnya (Donetsk oblast) was mined, sappers said.", 13645604)]
    public void A_village_named_like_a_region_is_the_village_the_oblast_after_it_holds(string text, long id)
    {
        var hit = Assert.Single(Geocode.All(SharedGeo.Full, text));
        Assert.Equal((PlaceKind.Settlement, id), (hit.Place!.Kind, hit.Place.GeonamesId!.Value));
    }

    // Russia's regions come into the index with the cities file; without it the village is the only Chechnya.
    [TheoryRequiresSharedGeo(needsCities: true)]
    [InlineData("Moscow sent more troops to Chechnya on Monday.")]
    [InlineData("Drones struck Crimea, Kherson region officials said.")]
    public void A_region_with_no_village_of_its_name_in_the_division_stays_the_region(string text) =>
        Assert.Contains(Geocode.All(SharedGeo.Full, text), r => r.Place is { Kind: PlaceKind.Region } p && p.Country is "RU" or "UA" && r.Mention.Name is "Chechnya" or "Crimea");
}
