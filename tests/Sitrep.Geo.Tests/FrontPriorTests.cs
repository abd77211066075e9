using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

public class FrontPriorTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    private static Place? Resolve(string text, FrontPrior? prior)
    {
        var mentions = new PlaceRecognizer(G).Find(text, 0, text.Length);
        return new Geocoder(G) { Prior = prior }.Resolve(text, mentions).First(p => p?.Mention == "Ivanivka");
    }

    [Theory]
    [InlineData("Shelling hit Ivanivka, Donetsk region, on Tuesday.", 48.30, 37.50, 90000014)]
    [InlineData("Shelling hit Ivanivka, Donetsk region, on Tuesday.", 48.58, 38.15, 90000016)]
    [InlineData("Two houses burned in Ivanivka (Donetsk oblast) overnight.", 48.90, 37.30, 90000015)]
    public void Namesakes_of_one_oblast_go_to_the_one_where_the_war_is(string text, double lat, double lon, long id) =>
        Assert.Equal(id, Resolve(text, new FrontPrior().Add(lat, lon))?.GeonamesId);

    [Fact]
    public void A_prior_halfway_between_namesakes_decides_nothing()
    {
        const string text = "Shelling hit Ivanivka, Donetsk region, on Tuesday.";
        // Between the Pokrovsk-raion and Bakhmut-raion villages, about as far from each.
        var halfway = new FrontPrior().Add(48.40, 37.78);
        Assert.Equal(Resolve(text, null)?.GeonamesId, Resolve(text, halfway)?.GeonamesId);
    }

    [Fact]
    public void A_front_line_file_is_read_as_lines_and_measured_to_its_edge()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
               "coordinates": [[[37.0, 48.0], [38.0, 48.0], [38.0, 49.0], [37.0, 49.0], [37.0, 48.0]]]}}]}
            """);
        var front = FrontPrior.LoadGeoJson(path);
        File.Delete(path);
        Assert.InRange(front.Km(48.5, 37.0), 0, 0.5);          // on the western edge
        Assert.InRange(front.Km(48.5, 36.0), 70, 76);         // one degree of longitude west of it at 48.5 N
    }

    [Fact]
    public void A_broken_front_line_file_names_the_file()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{\"type\": \"Polygon\", \"coordinates\": [[[37.0]]]");
        var e = Assert.Throws<InvalidDataException>(() => FrontPrior.LoadGeoJson(path));
        Assert.Contains(path, e.Message);
        File.Delete(path);
    }
}
