using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

public class GeocoderTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    private static Place? Of(string text, string written) => Geocode.Of(G, text, written);

    [Fact]
    public void A_bare_name_shared_by_many_villages_goes_to_the_city()
    {
        var p = Of("Trains stopped at Lozova after the strike.", "Lozova");
        Assert.Equal(702760, p?.GeonamesId);
    }

    [Fact]
    public void Same_named_villages_are_told_apart_by_the_region_and_compass_word()
    {
        var p = Of("Russia said it took Lozova in the northeastern Kharkiv region.", "Lozova");
        Assert.Equal(702758, p?.GeonamesId);
        Assert.Equal(PlaceKind.Settlement, p!.Kind);
        Assert.True(Geocode.Km(p, 49.4717, 37.8067) < 1);
    }

    [Fact]
    public void Same_named_villages_are_told_apart_by_the_region_alone()
    {
        var p = Of("Shelling damaged houses in Lozova, Khmelnytskyi region.", "Lozova");
        Assert.Equal(702779, p?.GeonamesId);
        Assert.Equal("Khmelnytskyi", p!.Admin1);
    }

    [Fact]
    public void Same_named_villages_are_told_apart_by_the_other_places_in_the_report()
    {
        const string text = "Units pushing east from Kupiansk entered Lozova, the ministry said.";
        Assert.Equal(702758, Of(text, "Lozova")?.GeonamesId);
    }

    [Fact]
    public void A_renamed_village_given_with_its_new_name_is_the_one_with_both()
    {
        const string text = "The army took Krasnoye -- known in Ukraine as Sontsivka -- near Kurakhove.";
        var p = Of(text, "Krasnoye");
        Assert.Equal(704288, p?.GeonamesId);
        Assert.Equal("Sontsivka", p!.Name);
        Assert.Equal("Krasnoye", p.Mention);
    }

    [Theory]
    [InlineData("Shelling hit Ivanivka, Donetsk region, on Tuesday.")]
    [InlineData("Two houses burned in Ivanivka (Donetsk oblast) overnight.")]
    [InlineData("Rescuers worked through the night in Ivanivka in the Donetsk region.")]
    public void An_oblast_that_holds_several_namesakes_of_like_size_leaves_the_village_unresolved_in_that_oblast(string text)
    {
        var p = Of(text, "Ivanivka");
        Assert.NotNull(p);
        Assert.Null(p!.Lat);
        Assert.Null(p.GeonamesId);
        Assert.Equal("Donetsk", p.Admin1);
        Assert.Equal("UA", p.Country);
    }

    [Theory]
    [InlineData("Shelling hit Ivanivka, Kramatorskyi district, on Tuesday.", 90000015)]
    [InlineData("Two houses burned in Ivanivka in Bakhmut raion overnight.", 90000016)]
    public void A_raion_tells_apart_namesakes_its_oblast_does_not(string text, long id) =>
        Assert.Equal(id, Of(text, "Ivanivka")?.GeonamesId);

    [Theory]
    [InlineData("A missile struck a warehouse in Zelenyi Hai, Kharkiv region.")]
    [InlineData("Evacuation buses left Zelenyi Hai (Kharkiv oblast) at dawn.")]
    public void Of_namesakes_in_the_oblast_named_a_town_ten_times_the_size_of_the_next_is_meant(string text) =>
        Assert.Equal(90000031, Of(text, "Zelenyi Hai")?.GeonamesId);

    [Fact]
    public void A_village_name_with_nothing_to_tell_namesakes_apart_is_kept_without_coordinates()
    {
        var p = Of("Fighting was reported near Krasnoye.", "Krasnoye");
        Assert.NotNull(p);
        Assert.Null(p!.Lat);
        Assert.Null(p.GeonamesId);
        Assert.Equal("Krasnoye", p.Mention);
    }

    [Theory]
    [InlineData("Artemivsk", 713174)]
    [InlineData("Kirovohrad", 705812)]
    [InlineData("Krasnoarmiisk", 704422)]
    [InlineData("Kharkov", 706483)]
    [InlineData("Nikolaev", 700569)]
    [InlineData("Zaporozhye", 687700)]
    [InlineData("Mariinka", 701845)]
    [InlineData("Mar'yinka", 701845)]
    [InlineData("Marinka", 701845)]
    public void Old_names_and_russian_transliterations_resolve_to_the_current_place(string written, long id) =>
        Assert.Equal(id, Of($"Shelling was reported in {written} on Tuesday.", written)?.GeonamesId);

    [Fact]
    public void An_alternate_name_does_not_beat_the_primary_name_by_population()
    {
        // Nikopol carries the alternate name "Slov'iansk" and a larger population than Sloviansk.
        Assert.Equal(693468, Of("Missiles hit Slov'iansk overnight.", "Slov'iansk")?.GeonamesId);
    }

    [Fact]
    public void A_typo_resolves_when_one_place_is_that_close()
    {
        var p = Of("A strike on Kropynmytskyi in central Ukraine hurt eight.", "Kropynmytskyi");
        Assert.Equal("Kropyvnytskyi", p?.Name);
        Assert.Equal("Kropynmytskyi", p!.Mention);
        Assert.Equal("Kirovohrad", p.Admin1);
    }

    [Fact]
    public void A_city_and_its_region_are_told_apart_by_the_region_word()
    {
        const string text = "Donetsk was shelled, and villages across the Donetsk region lost power.";
        var all = Geocode.All(G, text);
        Assert.Equal(PlaceKind.Settlement, all[0].Place!.Kind);
        Assert.Equal(709717, all[0].Place!.GeonamesId);
        Assert.Equal(PlaceKind.Region, all[1].Place!.Kind);
        Assert.Equal("Donetsk Oblast", all[1].Place!.Name);
        Assert.Equal("Donetsk region", all[1].Place!.Mention);
    }

    [Fact]
    public void Regions_said_with_oblast_resolve_with_coordinates()
    {
        var p = Of("Evacuations continued in the Kharkiv oblast.", "Kharkiv oblast");
        Assert.Equal(PlaceKind.Region, p!.Kind);
        Assert.NotNull(p.Lat);
    }

    [Fact]
    public void Seas_and_straits_resolve_as_water()
    {
        var sea = Of("Russia said an airfield on the Azov Sea was struck.", "Azov Sea");
        Assert.Equal(("Sea of Azov", PlaceKind.Water), (sea!.Name, sea.Kind));
        var strait = Of("A vessel was attacked in the Strait of Kerch.", "Strait of Kerch");
        Assert.Equal(("Kerch Strait", PlaceKind.Water), (strait!.Name, strait.Kind));
    }

    [Fact]
    public void The_high_north_is_an_area() =>
        Assert.Equal(PlaceKind.Area, Of("Troops left the High North region.", "High North")!.Kind);

    [Fact]
    public void A_small_foreign_place_resolves_when_the_report_names_its_country() =>
        Assert.Equal(642673, Of("Finland blocked a sale of land in Pargas, on its southern coast.", "Pargas")?.GeonamesId);

    [Fact]
    public void A_capital_beats_its_small_namesakes() =>
        Assert.Equal(4140963, Of("Zelensky will fly to Washington on Wednesday.", "Washington")?.GeonamesId);

    [Fact]
    public void A_landmark_maps_to_its_town()
    {
        var p = Of("A news conference at the White House followed.", "White House");
        Assert.Equal((PlaceKind.Settlement, 4140963L), (p!.Kind, p.GeonamesId!.Value));
        Assert.True(Geocode.Km(p, 38.9072, -77.0369) < 25);
    }

    [Fact]
    public void A_surname_used_elsewhere_in_the_report_is_not_a_place()
    {
        const string text = "Ukrainian commander Petro Shevchenko visited troops. Shevchenko said the line held.";
        Assert.All(Geocode.All(G, text).Where(r => r.Mention.Name == "Shevchenko"), r => Assert.Null(r.Place));
    }

    [Fact]
    public void A_small_foreign_place_named_like_a_person_is_not_a_place()
    {
        // "Zelensky" is here also a hamlet of 700 in South Dakota.
        var all = Geocode.All(G, "Zelensky thanked the soldiers.");
        Assert.All(all.Where(r => r.Mention.Name == "Zelensky"), r => Assert.Null(r.Place));
    }

    [Fact]
    public void One_result_per_mention_in_order()
    {
        const string text = "Kharkiv, Bakhmut and Moscow.";
        var mentions = new PlaceRecognizer(G).Find(text, 0, text.Length);
        var places = new Geocoder(G).Resolve(text, mentions);
        Assert.Equal(mentions.Count, places.Count);
        Assert.Equal(["Kharkiv", "Bakhmut", "Moscow"], places.Select(p => p!.Name).ToList());
    }

    [Fact]
    public void Mentions_made_elsewhere_are_looked_up_by_name()
    {
        const string text = "Shelling hit Bakhmut.";
        var mention = new PlaceMention(13, 20, "Bakhmut", PlaceKind.Settlement);
        var place = Assert.Single(new Geocoder(G).Resolve(text, [mention]));
        Assert.Equal(713174, place?.GeonamesId);
    }

    [Fact]
    public void A_name_not_in_the_index_is_kept_without_coordinates()
    {
        const string text = "Shelling hit Zzyzxville.";
        var mention = new PlaceMention(13, 23, "Zzyzxville", PlaceKind.Settlement);
        var place = Assert.Single(new Geocoder(G).Resolve(text, [mention]));
        Assert.NotNull(place);
        Assert.Null(place!.Lat);
        Assert.Equal("Zzyzxville", place.Mention);
    }

    [Fact]
    public void Mentions_handed_over_out_of_order_are_resolved_the_same()
    {
        const string text = "Russia said it took Lozova in the northeastern Kharkiv region.";
        var mentions = new PlaceRecognizer(G).Find(text, 0, text.Length);
        var reversed = mentions.Reverse().ToList();
        var places = new Geocoder(G).Resolve(text, reversed);
        Assert.Equal(702758, places[reversed.FindIndex(m => m.Name == "Lozova")]?.GeonamesId);
    }
}
