using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Text;

/// <summary>
/// The tokenizer's per-form word record: what the recognizers keep there must be what they would
/// have looked up for the token itself.
/// </summary>
public sealed class TokenWordTests
{
    private const string Text =
        "Russian troops said they had not struck the Kyiv power plants, but two missiles hit the plant's roof; " +
        "\"It was shot down,\" the mayor said on Monday, and 1,500 were evacuated (officials said) - the troops' lines held.";

    [Fact]
    public void Every_token_of_the_tokenizer_carries_the_record_of_its_form()
    {
        var tokens = Tokenizer.Tokenize(Text);
        Assert.All(tokens, t =>
        {
            Assert.NotNull(t.Word);
            Assert.Equal(t.Norm, t.Word!.Norm);
            Assert.Equal(t.Lemma, t.Word.Lemma);
        });
        var troops = tokens.Where(t => t.Norm == "troops").ToList();
        Assert.Equal(2, troops.Count);
        Assert.Same(troops[0].Word, troops[1].Word);
    }

    [Fact]
    public void A_token_is_equal_to_itself_without_its_record()
    {
        var token = Tokenizer.Tokenize("missiles")[0];
        var bare = token with { Word = null };
        Assert.Equal(token, bare);
        Assert.Equal(token.GetHashCode(), bare.GetHashCode());
    }

    [Fact]
    public void Class_masks_and_memberships_read_from_the_record_are_those_of_the_lookup()
    {
        var classes = WordClasses.Default;
        var all = classes.Names.Select(classes.Get).ToList();
        // Twice: the first pass fills the records, the second reads them back.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var t in Tokenizer.Tokenize(Text))
            {
                var bare = t with { Word = null };
                Assert.Equal(classes.MaskOf(bare), classes.MaskOf(t));
                foreach (var c in all)
                    Assert.True(c.Has(bare) == c.Has(t), $"{c.Name} of '{t.Norm}' (pass {pass})");
            }
        }
    }

    [Fact]
    public void A_table_of_its_own_answers_from_its_rows_when_the_records_hold_the_shared_masks()
    {
        // The shared table fills the records first, with masks whose bits number its own classes.
        var shared = WordClasses.Default;
        var tokens = Tokenizer.Tokenize(Text);
        foreach (var t in tokens)
            shared.MaskOf(t);
        var own = WordClasses.FromRows([
            ["own-form", "troops said the"],
            ["own-lemma", "missile plant"],
        ]);
        var form = own.Get("own-form");
        var lemma = own.Get("own-lemma");
        foreach (var t in tokens)
        {
            Assert.Equal(t.Norm is "troops" or "said" or "the", form.Has(t));
            Assert.Equal(t.Lemma is "missile" or "plant", lemma.Has(t));
            Assert.Equal(own.MaskOf(t with { Word = null }), own.MaskOf(t));
        }
        // And the shared table still reads its own masks from the records afterwards.
        foreach (var t in tokens)
            Assert.Equal(shared.MaskOf(t with { Word = null }), shared.MaskOf(t));
    }

    [Fact]
    public void A_class_read_on_its_own_answers_by_its_words_for_tokens_with_records()
    {
        var alone = WordClass.FromRow(["alone", "missiles roof"], table: null, bit: 0);
        foreach (var t in Tokenizer.Tokenize(Text))
            Assert.Equal(t.Norm is "missiles" or "roof", alone.Has(t));
    }

    [Fact]
    public void Vocabulary_numbers_kept_in_records_are_those_of_the_lookup()
    {
        var lexicons = Lexicons.Default;
        var tokens = Tokenizer.Tokenize(Text);
        var bare = tokens.Select(t => t with { Word = null }).ToList();
        var fromRecords = new SentenceWords();
        var looked = new SentenceWords();
        for (var pass = 0; pass < 2; pass++)
        {
            fromRecords.Read(lexicons.Vocabulary, tokens);
            looked.Read(lexicons.Vocabulary, bare);
            for (var i = 0; i < tokens.Count; i++)
            {
                Assert.Equal(looked.Lemma(i), fromRecords.Lemma(i));
                Assert.Equal(looked.Norm(i), fromRecords.Norm(i));
                Assert.Equal(looked.Opens(i, ulong.MaxValue), fromRecords.Opens(i, ulong.MaxValue));
            }
        }
        Assert.Equal(
            lexicons.Triggers.Match(Text, bare, looked).Select(m => (m.Start, m.End)),
            lexicons.Triggers.Match(Text, tokens, fromRecords).Select(m => (m.Start, m.End)));
    }

    [Fact]
    public void A_phrase_added_after_its_words_were_read_is_found()
    {
        // The records keep a word's numbers from before the phrase: they must not be trusted after it.
        var vocabulary = new PhraseVocabulary();
        var weapons = new PhraseMatcher<string>(vocabulary);
        weapons.Add("cruise missile", "missile");
        const string text = "a glide bomb and a cruise missile";
        var tokens = Tokenizer.Tokenize(text);
        var words = new SentenceWords();
        words.Read(vocabulary, tokens);
        Assert.Equal(new[] { "missile" }, weapons.Match(text, tokens, words).Select(m => m.Value));
        weapons.Add("glide bomb", "bomb");
        var later = new PhraseMatcher<string>(vocabulary);
        later.Add("a", "article");
        words.Read(vocabulary, tokens);
        Assert.Equal(new[] { "bomb", "missile" }, weapons.Match(text, tokens, words).Select(m => m.Value));
        Assert.Equal(2, later.Match(text, tokens, words).Count);
    }

    [Fact]
    public void Lexicons_past_the_sixty_fourth_of_a_vocabulary_still_find_their_phrases()
    {
        var vocabulary = new PhraseVocabulary();
        var matchers = Enumerable.Range(0, 70).Select(_ => new PhraseMatcher<int>(vocabulary)).ToList();
        for (var k = 0; k < matchers.Count; k++)
            matchers[k].Add(k % 2 == 0 ? "drone" : "shelling", k);
        const string text = "drone attacks and shelling";
        var tokens = Tokenizer.Tokenize(text);
        var words = new SentenceWords();
        words.Read(vocabulary, tokens);
        for (var k = 0; k < matchers.Count; k++)
        {
            var found = Assert.Single(matchers[k].Match(text, tokens, words));
            Assert.Equal(k % 2 == 0 ? "drone" : "shelling", text[found.Start..found.End]);
        }
    }
}
