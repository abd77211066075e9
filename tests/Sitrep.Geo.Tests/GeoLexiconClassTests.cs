using Sitrep.Geo.Text;
using Sitrep.Geo.Recognition;

namespace Sitrep.Geo.Tests;

// GeoLexicon.Is reads a word's sets once and keeps them as flags on the word's key: the flags must
// answer exactly as the sets do, whichever class is asked first.
public class GeoLexiconClassTests
{
    private static readonly GeoLexicon L = GeoLexicon.Default;

    private static readonly (WordClass Class, HashSet<string> Set)[] Classes =
    [
        (WordClass.PersonCue, L.PersonCues),
        (WordClass.GivenName, L.GivenNames),
        (WordClass.RegionWord, L.RegionWords),
        (WordClass.WaterWord, L.WaterWords),
        (WordClass.Connector, L.Connectors),
        (WordClass.OrgWord, L.OrgWords),
        (WordClass.NotPlaceFirst, L.NotPlaceFirstWords),
    ];

    [Theory]
    [InlineData("General Petrenko said the bridge over the river near the village was shelled")]
    [InlineData("Mayor Olena Kovalenko told the regional council that the lake shore of Svitlovodsk was mined")]
    public void Each_flag_answers_as_its_word_set(string text)
    {
        foreach (var token in WordTokenizer.Tokenize(text, 0, text.Length))
            foreach (var (cls, set) in Classes)
                Assert.Equal(set.Contains(token.Key), L.Is(token, cls));
    }

    [Fact]
    public void A_word_of_every_set_is_flagged_and_a_mask_asks_for_any_of_its_classes()
    {
        var words = Classes.Select(c => c.Set.Order(StringComparer.Ordinal).First()).ToArray();
        var text = string.Join(" ", words);
        var tokens = WordTokenizer.Tokenize(text, 0, text.Length);
        Assert.Equal(words.Length, tokens.Count);
        for (var i = 0; i < words.Length; i++)
        {
            Assert.True(L.Is(tokens[i], Classes[i].Class));
            Assert.True(L.Is(tokens[i], Classes[i].Class | WordClass.WaterWord));
        }
        var none = WordTokenizer.Tokenize("zzqx", 0, 4)[0];
        Assert.False(L.Is(none, Classes.Aggregate((WordClass)0, (m, c) => m | c.Class)));
    }
}
