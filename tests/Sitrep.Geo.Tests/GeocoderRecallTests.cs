using Sitrep.Geo.Resolution;
using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

// A mention named again in a report takes the candidates recalled for the earlier one: they must
// be those a recall of the mention alone gives, spelling by spelling (a name's node is shared by
// spellings whose folds differ, and the fold decides which names are exact).
public class GeocoderRecallTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    [Theory]
    [InlineData("Lozova was shelled. Kharkov and Lozova again; Khar'kov, Kharkiv and KHARKIV, then Lozovva, Lozovaya and Lozova.")]
    [InlineData("Ivanivka, Donetsk region, and Ivanivka in the Kharkiv region; Ivanivka alone, Ivanivka again.")]
    public void A_name_named_again_has_the_candidates_of_its_own_recall(string text)
    {
        var mentions = new PlaceRecognizer(G).Find(text, 0, text.Length);
        var geocoder = new Geocoder(G);
        var together = geocoder.Rank(text, mentions).Select(r => r.State.Candidates.ToArray()).ToList();
        Assert.True(mentions.GroupBy(m => m.Name).Any(g => g.Count() > 1), "some name comes twice");
        for (var i = 0; i < mentions.Count; i++)
        {
            var alone = geocoder.Rank(text, [mentions[i]]).Single().State.Candidates.ToArray();
            Assert.Equal(alone, together[i]);
        }
    }

    [Fact]
    public void Spellings_of_one_node_are_recalled_with_their_own_exact_names()
    {
        // The skeleton drops a doubled letter; the fold keeps it.
        const string text = "Lozova was hit, and Lozovva again.";
        var mentions = new PlaceRecognizer(G).Find(text, 0, text.Length);
        Assert.Equal(2, mentions.Count);
        var states = new Geocoder(G).Rank(text, mentions).Select(r => r.State).ToList();
        Assert.NotEqual(states[0].FoldedName, states[1].FoldedName);
        Assert.Equal(states[0].Mention.Node, states[1].Mention.Node);
        Assert.NotEqual(states[0].Candidates.Select(c => c.Exact), states[1].Candidates.Select(c => c.Exact));
    }
}
