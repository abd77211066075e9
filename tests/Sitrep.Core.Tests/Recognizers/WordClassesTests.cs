using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Recognizers;

/// <summary>Typed word classes: every name the stages use is in word-classes.tsv, and a wrong one fails loudly.</summary>
public sealed class WordClassesTests
{
    [Fact]
    public void Every_word_class_the_stages_name_is_in_the_table()
    {
        Assert.True(Words.Check() > 40);
    }

    [Fact]
    public void A_misspelt_class_name_fails_instead_of_matching_nothing()
    {
        Assert.Throws<InvalidDataException>(() => WordClasses.Default.Get("prepositon"));
    }

    [Fact]
    public void A_lemma_class_matches_plural_forms()
    {
        var token = Tokenizer.Tokenize("troops")[0];
        Assert.True(Words.SideNoun.Has(token));
    }
}
