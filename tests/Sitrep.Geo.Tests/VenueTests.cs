using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

/// <summary>
/// Venues (venues.tsv) are read as the town they stand in where the text uses them as a
/// location, and are no place where they speak or qualify a noun; a town is not lost to the
/// state or region named beside it.
/// </summary>
public class VenueTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    [Theory]
    [InlineData("The envoys sat down for dinner at Mar-a-Lago on Saturday.", "Mar-a-Lago", 4167505)]
    [InlineData("The prime minister flew to Mar-a-Lago to make his case.", "Mar-a-Lago", 4167505)]
    [InlineData("Both delegations spent the weekend at his Mar-a-Lago estate.", "Mar-a-Lago", 4167505)]
    [InlineData("A secret round of talks was held at Camp David in the spring.", "Camp David", 4371334)]
    [InlineData("The two men walked the grounds of the retreat after arriving at Chequers.", "Chequers", 2650098)]
    [InlineData("Reporters waited outside the White House for hours.", "White House", 4140963)]
    [InlineData("The ministers were received in the Kremlin on Monday.", "Kremlin", 524901)]
    [InlineData("He visited the Kremlin twice that year.", "Kremlin", 524901)]
    public void A_venue_told_as_a_location_is_the_town_it_stands_in(string text, string written, long id)
    {
        var p = Geocode.Of(G, text, written);
        Assert.Equal(id, p?.GeonamesId);
        Assert.Equal(PlaceKind.Settlement, p!.Kind);
    }

    [Theory]
    [InlineData("The Kremlin said the proposal was unacceptable.")]
    [InlineData("Yesterday the Kremlin rejected the ceasefire offer.")]
    [InlineData("Officials said the White House would answer within a week.")]
    [InlineData("A White House spokesperson declined to comment.")]
    [InlineData("The deal was signed at the Kremlin's insistence.")]
    [InlineData("Chequers hosts a dinner for the visitors every year.")]
    public void A_venue_that_speaks_or_qualifies_a_noun_is_no_place(string text) =>
        Assert.DoesNotContain(Geocode.All(G, text), r => r.Place is not null);

    [Theory]
    [InlineData("The leaders met at Mar-a-Lago, Florida, on Sunday.", "Mar-a-Lago", 4167505)]
    [InlineData("Trump hosted the visitors at Mar-a-Lago in Florida over lunch.", "Mar-a-Lago", 4167505)]
    [InlineData("The summit was moved to Camp David, Maryland, for security reasons.", "Camp David", 4371334)]
    [InlineData("The two presidents met in Palm Beach, Florida, last week.", "Palm Beach", 4167505)]
    [InlineData("Aides gathered in Palm Beach in Florida ahead of the talks.", "Palm Beach", 4167505)]
    [InlineData("A quiet meeting took place in Thurmont in Maryland.", "Thurmont", 4371334)]
    public void A_state_named_beside_a_venue_or_town_qualifies_it_and_is_no_place_of_its_own(string text, string written, long id)
    {
        var hit = Assert.Single(Geocode.All(G, text));
        Assert.Equal(written, hit.Mention.Name);
        Assert.NotEmpty(hit.Mention.Qualifiers);
        Assert.Equal(id, hit.Place?.GeonamesId);
    }

    [Theory]
    [InlineData("Zelensky arrived at Mar-a-Lago on Sunday. Trump said the talks in Florida went well.")]
    [InlineData("The talks in Florida went well, officials said. The meeting at Mar-a-Lago lasted three hours.")]
    public void A_far_away_state_named_bare_is_the_one_town_of_it_the_report_names(string text) =>
        Assert.Equal(4167505, Geocode.Of(G, text, "Florida")?.GeonamesId);

    [Fact]
    public void A_far_away_state_with_two_towns_of_it_named_stays_the_state()
    {
        const string text = "Aides flew from Miami to Mar-a-Lago on Friday. The United States said the talks in Florida went well.";
        var p = Geocode.Of(G, text, "Florida");
        Assert.Equal((PlaceKind.Region, "US"), (p!.Kind, p.Country!));
    }

    [Theory]
    [InlineData("Shelling hit Novoselivka in Kherson on Monday.")]
    [InlineData("Rescuers worked in Kharkiv in the night, then drove to Kherson in the morning.")]
    public void After_in_a_city_of_note_is_not_taken_for_a_region_that_qualifies(string text) =>
        Assert.All(Geocode.All(G, text), r => Assert.Empty(r.Mention.Qualifiers));
}
