namespace Sitrep.Geo.Tests.Support;

internal static class Geocode
{
    /// <summary>Finds and resolves every place in a text, as the extractor does for one document.</summary>
    public static List<(PlaceMention Mention, Place? Place)> All(Gazetteer g, string text)
    {
        var mentions = new PlaceRecognizer(g).Find(text, 0, text.Length);
        var places = new Geocoder(g).Resolve(text, mentions);
        return mentions.Zip(places).ToList();
    }

    /// <summary>The result for the (first) mention written exactly as <paramref name="written"/>.</summary>
    public static Place? Of(Gazetteer g, string text, string written)
    {
        var all = All(g, text);
        var hit = all.Where(r => r.Mention.Name == written || r.Mention.Text == written).ToList();
        Assert.True(hit.Count > 0, $"no mention '{written}' found; found: {string.Join(", ", all.Select(r => r.Mention.Text))}");
        return hit[0].Place;
    }

    /// <summary>The text names one place, the village written so, narrowed by a qualifier to the entry <paramref name="id"/>.</summary>
    public static void AssertQualified(Gazetteer g, string text, string written, long id)
    {
        var hit = Assert.Single(All(g, text));
        Assert.Equal(written, hit.Mention.Name);
        Assert.NotEmpty(hit.Mention.Qualifiers);
        Assert.Equal(id, hit.Place?.GeonamesId);
    }

    public static double Km(Place p, double lat, double lon) =>
        Resolution.GreatCircle.Km(p.Lat!.Value, p.Lon!.Value, lat, lon);
}
