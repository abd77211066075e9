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
        (WordClass.CapitalizedPersonCue, L.CapitalizedPersonCues),
        (WordClass.Article, L.Articles),
        (WordClass.Of, L.OfWords),
        (WordClass.Within, L.WithinWords),
        (WordClass.Coordinator, L.Coordinators),
        (WordClass.GivenName, L.GivenNames),
        (WordClass.RegionWord, L.RegionWords),
        (WordClass.WaterWord, L.WaterWords),
        (WordClass.Connector, L.Connectors),
        (WordClass.OrgWord, L.OrgWords),
        (WordClass.NotPlaceFirst, L.NotPlaceFirstWords),
        (WordClass.SectorWord, L.SectorWords),
        (WordClass.SettlementCue, L.SettlementCues),
        (WordClass.OwnerNoun, L.OwnerNouns),
        (WordClass.VenueCue, L.VenueCues),
        (WordClass.VenueFiller, L.VenueFillers),
        (WordClass.UnknownPlaceCue, L.UnknownPlaceCues),
        (WordClass.Locative, L.Locatives),
        (WordClass.CityPart, L.CityParts),
        (WordClass.Division, L.Divisions.Keys.ToHashSet(StringComparer.Ordinal)),
        (WordClass.Direction, L.Directions.Keys.ToHashSet(StringComparer.Ordinal)),
    ];

    [Theory]
    [InlineData("General Petrenko said the bridge over the river near the village was shelled")]
    [InlineData("Mayor Olena Kovalenko told the regional council that the lake shore of Svitlovodsk was mined")]
    [InlineData("near the village of Ivanivka in the northern Kharkiv district, at his residence, in the Pokrovsk direction, the town's centre")]
    [InlineData("Drones hit Izium, Balakliia or Kupiansk, and the Kharkiv and Sumy regions of the north, By Yarema Dreval")]
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

    // IsCommon keeps its answer on the word's key, made per word as written: it must answer as
    // folding that token's own text into the set does, for a spelling that shares another's
    // skeleton ("Tynne", a village, beside "tine", a word) and for a word asked again.
    [Theory]
    [InlineData("The tine of Tynne, and tine again near Tynne")]
    [InlineData("Bank BANK bank Lyman lyman Mar'yinka Pokrovsk's Kramatorsk Ternopil Smile smile")]
    [InlineData("Café cafe Óbuda Kyiv-Pechersk hill Hill")]
    public void The_common_word_flag_answers_as_folding_the_written_word(string text)
    {
        for (var round = 0; round < 2; round++)
            foreach (var token in WordTokenizer.Tokenize(text, 0, text.Length))
                Assert.Equal(TextFold.FoldedIn(text.AsSpan(token.Start, token.Length), L.CommonWords), L.IsCommon(text, token));
    }

    [Fact]
    public void Two_spellings_with_one_skeleton_keep_apart_answers()
    {
        const string text = "tine Tynne";
        var tokens = WordTokenizer.Tokenize(text, 0, text.Length);
        Assert.Equal(tokens[0].Key, tokens[1].Key);
        Assert.True(L.IsCommon(text, tokens[0]));
        Assert.False(L.IsCommon(text, tokens[1]));
    }
}
