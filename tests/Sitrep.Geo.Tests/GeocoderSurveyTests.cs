using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

/// <summary>The first pass of a run: which places the text settles on its own, and whether a prior could change any.</summary>
public class GeocoderSurveyTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    private static (PlaceSurvey Survey, List<PlaceMention> Mentions) Survey(string text, Geocoder? geocoder = null)
    {
        var mentions = new PlaceRecognizer(G).Find(text, 0, text.Length).ToList();
        return ((geocoder ?? new Geocoder(G)).Survey(text, mentions), mentions);
    }

    private static bool SettledAt(PlaceSurvey survey, List<PlaceMention> mentions, string written) =>
        survey.Unambiguous[mentions.FindIndex(m => m.Text == written)];

    [Theory]
    [InlineData("Two drones hit Kupiansk overnight.", "Kupiansk")]
    [InlineData("The governor said Bakhmut was shelled again on Friday.", "Bakhmut")]
    public void A_town_without_namesakes_is_settled_and_needs_no_prior(string text, string town)
    {
        var (survey, mentions) = Survey(text);
        Assert.True(SettledAt(survey, mentions, town));
        Assert.False(survey.PriorCanDecide);
    }

    [Theory]
    [InlineData("Shelling hit Ivanivka, Donetsk region, on Tuesday.")]
    [InlineData("Two houses burned in Ivanivka (Donetsk oblast) overnight.")]
    public void A_village_the_text_leaves_among_namesakes_is_not_settled_and_a_prior_could_decide(string text)
    {
        var (survey, mentions) = Survey(text);
        Assert.False(SettledAt(survey, mentions, "Ivanivka"));
        Assert.True(survey.PriorCanDecide);
    }

    [Theory]
    [InlineData("Shelling hit Ivanivka, Donetsk region, on Tuesday.", 48.58, 38.15, 90000016)]
    [InlineData("Two houses burned in Ivanivka (Donetsk oblast) overnight.", 48.30, 37.50, 90000014)]
    public void WithPrior_keeps_the_geocoder_and_leans_on_the_prior(string text, double lat, double lon, long id)
    {
        var plain = new Geocoder(G) { DocumentPrior = false };
        var leaning = plain.WithPrior(new FrontPrior().Add(lat, lon));
        Assert.False(leaning.DocumentPrior);
        var (survey, mentions) = Survey(text, leaning);
        Assert.Equal(id, survey.Places[mentions.FindIndex(m => m.Text == "Ivanivka")]?.GeonamesId);
        // What the prior chose is never passed on as settled: one guess must not breed the next.
        Assert.False(SettledAt(survey, mentions, "Ivanivka"));
    }
}
