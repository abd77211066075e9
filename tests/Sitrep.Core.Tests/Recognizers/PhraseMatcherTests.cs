using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Recognizers;

public sealed class PhraseMatcherTests
{
    private static PhraseMatcher<string> Matcher(params string[] phrases)
    {
        var m = new PhraseMatcher<string>();
        foreach (var p in phrases)
            m.Add(p, p);
        return m;
    }

    private static string[] Found(PhraseMatcher<string> m, string text) =>
        m.Match(text, Tokenizer.Tokenize(text)).Select(x => $"{x.Value}@{text[x.Start..x.End]}").ToArray();

    [Fact]
    public void The_longest_phrase_wins_over_its_prefix()
    {
        var m = Matcher("missile", "cruise missile", "cruise");
        Assert.Equal(new[] { "cruise missile@cruise missiles" }, Found(m, "two cruise missiles"));
    }

    [Fact]
    public void A_longer_phrase_that_does_not_complete_falls_back_to_the_longest_complete_one()
    {
        var m = Matcher("air defence", "air defence system");
        Assert.Equal(new[] { "air defence@air defence" }, Found(m, "air defence units"));
    }

    [Fact]
    public void Matches_do_not_overlap_and_run_left_to_right()
    {
        var m = Matcher("storm shadow", "shadow fleet", "fleet");
        Assert.Equal(new[] { "storm shadow@Storm Shadow", "fleet@fleet" }, Found(m, "Storm Shadow fleet"));
    }

    [Theory]
    [InlineData("missiles")]
    [InlineData("Missiles")]
    [InlineData("MISSILE")]
    public void A_base_form_matches_its_plural_and_any_case(string text) =>
        Assert.Equal(new[] { "missile@" + text }, Found(Matcher("missile"), text));

    [Fact]
    public void A_plural_base_form_in_a_multiword_phrase_matches_too()
    {
        var m = Matcher("ballistic missile");
        Assert.Equal(new[] { "ballistic missile@ballistic missiles" }, Found(m, "ballistic missiles"));
    }

    [Fact]
    public void An_inflected_lexicon_form_matches_only_itself()
    {
        var m = Matcher("blocks");
        Assert.Equal(new[] { "blocks@blocks" }, Found(m, "the bank blocks payments"));
        Assert.Empty(Found(m, "a block of flats"));
    }

    [Fact]
    public void An_inflected_verb_form_does_not_match_its_stem()
    {
        var m = Matcher("threatens to");
        Assert.Single(Found(m, "Moscow threatens to respond"));
        Assert.Empty(Found(m, "Moscow threaten to respond"));
    }

    [Theory]
    [InlineData("US officials said", 1)]
    [InlineData("a US-made missile", 0)]
    [InlineData("let us know", 0)]
    [InlineData("Us and them", 0)]
    [InlineData("US", 1)]
    public void A_short_capitals_entry_matches_only_capitals(string text, int expected) =>
        Assert.Equal(expected, Found(Matcher("US"), text).Length);

    [Fact]
    public void A_short_lowercase_entry_matches_any_case()
    {
        var m = Matcher("uav");
        Assert.Equal(new[] { "uav@UAV" }, Found(m, "a UAV crashed"));
    }

    [Fact]
    public void One_phrase_can_carry_several_values()
    {
        var m = new PhraseMatcher<string>();
        m.Add("US", "state");
        m.Add("US", "adjective");
        Assert.Equal(new[] { "state", "adjective" }, m.Match("US", Tokenizer.Tokenize("US")).Select(x => x.Value).ToArray());
        Assert.Equal(2, m.Count);
    }

    [Fact]
    public void Match_offsets_are_tokens_and_characters()
    {
        var m = Matcher("kh-59");
        const string text = "two Kh-59 missiles";
        var x = Assert.Single(m.Match(text, Tokenizer.Tokenize(text)));
        Assert.Equal((1, 2, 4, 9), (x.First, x.Last, x.Start, x.End));
    }

    [Fact]
    public void A_token_range_limits_where_matches_are_looked_for()
    {
        var m = Matcher("drone");
        const string text = "drone drone drone";
        var tokens = Tokenizer.Tokenize(text);
        var x = Assert.Single(m.Match(text, tokens, 1, 2));
        Assert.Equal(6, x.Start);
    }

    [Fact]
    public void A_possessive_matches_the_bare_name_and_a_phrase_written_with_it()
    {
        var m = Matcher("russia", "putin's forces");
        Assert.Equal(new[] { "russia@Russia", "putin's forces@Putin\u2019s forces" }, Found(m, "Russia's war: Putin\u2019s forces advance"));
    }

    [Fact]
    public void An_empty_phrase_is_refused() =>
        Assert.Throws<ArgumentException>(() => new PhraseMatcher<string>().Add("  ", "x"));

    [Fact]
    public void Lexicons_sharing_a_vocabulary_read_a_sentence_from_its_words_read_once()
    {
        var vocabulary = new PhraseVocabulary();
        var weapons = new PhraseMatcher<string>(vocabulary);
        weapons.Add("cruise missile", "missile");
        weapons.Add("blocks", "verb");
        var cues = new PhraseMatcher<string>(vocabulary);
        cues.Add("said", "said");
        const string text = "Officials said two cruise missiles hit the blocks";
        var tokens = Tokenizer.Tokenize(text);
        var words = new SentenceWords();
        words.Read(vocabulary, tokens);
        Assert.Equal(weapons.Match(text, tokens), weapons.Match(text, tokens, words));
        Assert.Equal(new[] { "missile", "verb" }, weapons.Match(text, tokens, words).Select(x => x.Value).ToArray());
        Assert.Equal("said", Assert.Single(cues.Match(text, tokens, words)).Value);
        Assert.True(cues.Any(text, tokens, words));
        const string other = "A block of flats";
        var otherTokens = Tokenizer.Tokenize(other);
        words.Read(vocabulary, otherTokens);
        Assert.False(weapons.Any(other, otherTokens, words));
        Assert.False(cues.Any(other, otherTokens, words));
    }

    [Fact]
    public void Words_read_for_another_sentence_or_vocabulary_are_refused()
    {
        var m = Matcher("drone");
        var tokens = Tokenizer.Tokenize("a drone");
        var words = new SentenceWords();
        words.Read(new PhraseVocabulary(), tokens);
        Assert.Throws<ArgumentException>(() => m.Match("a drone", tokens, words));
        words.Read(m.Vocabulary, Tokenizer.Tokenize("one drone fell"));
        Assert.Throws<ArgumentException>(() => m.Any("a drone", tokens, words));
    }
}

public sealed class PhraseMatcherIntoTests
{
    private static readonly string[] Sentences =
    [
        "A cruise missile hit the depot at dawn, and two more cruise missiles were shot down over the river.",
        "Shadow fleet tankers left port; the storm shadow launch came later, said the mayor.",
    ];

    private static PhraseMatcher<string> Matcher()
    {
        var m = new PhraseMatcher<string>();
        foreach (var p in new[] { "cruise missile", "missile", "storm shadow", "shadow fleet", "tanker", "mayor", "US" })
            m.Add(p, p);
        return m;
    }

    [Fact]
    public void MatchInto_finds_what_Match_finds_sentence_after_sentence_in_one_list()
    {
        var m = Matcher();
        var words = new SentenceWords();
        var into = new List<PhraseMatch<string>>();
        foreach (var text in Sentences)
        {
            var tokens = Tokenizer.Tokenize(text);
            words.Read(m.Vocabulary, tokens);
            var expected = m.Match(text, tokens, words);
            m.MatchInto(text, tokens, words, into);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, into);
        }
    }

    [Fact]
    public void MatchInto_keeps_to_the_window_it_is_given()
    {
        var m = Matcher();
        var text = Sentences[0];
        var tokens = Tokenizer.Tokenize(text);
        var words = new SentenceWords();
        words.Read(m.Vocabulary, tokens);
        var into = new List<PhraseMatch<string>> { new(0, 1, 0, 1, "left over") };
        m.MatchInto(text, tokens, words, into, 3, tokens.Count - 2);
        Assert.Equal(m.Match(text, tokens, words, 3, tokens.Count - 2), into);
    }

    [Fact]
    public void MatchInto_refuses_words_read_for_other_tokens()
    {
        var m = Matcher();
        var words = new SentenceWords();
        words.Read(m.Vocabulary, Tokenizer.Tokenize(Sentences[0]));
        Assert.Throws<ArgumentException>(() => m.MatchInto(Sentences[1], Tokenizer.Tokenize(Sentences[1]), words, []));
    }
}
