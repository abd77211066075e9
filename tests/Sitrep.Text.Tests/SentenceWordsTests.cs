using Sitrep.Geo.Text;

namespace Sitrep.Text.Tests;

// The place tokenizer takes a word's key from the core tokenizer's record only when it reads the
// very span of the very string the record was made for; anything else must fall back to its own
// cache, or two different words could share a key.
public class SentenceWordsTests
{
    [Fact]
    public void A_word_read_at_the_same_offsets_of_the_same_text_takes_the_recorded_key()
    {
        var text = "Shelling hit Zolochiv overnight";
        var forms = Record(text, 13, 21);
        var tokens = WordTokenizer.Tokenize(text, 0, text.Length);
        Assert.NotNull(forms.Place);
        Assert.Same(forms.Place, tokens[2].Word);
        Assert.Equal(TextFold.Skeleton("Zolochiv"), tokens[2].Key);
    }

    [Fact]
    public void Another_string_of_the_same_characters_does_not_read_the_record()
    {
        var text = "Drones struck Kupiansk at dawn";
        var forms = Record(text, 14, 22);
        var copy = new string(text.AsSpan());
        var tokens = WordTokenizer.Tokenize(copy, 0, copy.Length);
        Assert.Null(forms.Place);
        Assert.Equal(TextFold.Skeleton("Kupiansk"), tokens[2].Key);
    }

    [Fact]
    public void A_word_split_otherwise_falls_back_to_the_cache()
    {
        // The core tokenizer kept the hyphenated name whole; the place tokenizer splits it.
        var text = "Ivano-Frankivsk was quiet";
        var forms = Record(text, 0, 15);
        var tokens = WordTokenizer.Tokenize(text, 0, text.Length);
        Assert.Null(forms.Place);
        Assert.Equal([TextFold.Skeleton("Ivano"), TextFold.Skeleton("Frankivsk")], tokens.Take(2).Select(t => t.Key));
    }

    [Fact]
    public void A_new_text_forgets_the_words_of_the_last()
    {
        var first = "Kherson and Mykolaiv";
        var forms = Record(first, 0, 7);
        var second = "Sumy was hit";
        SentenceWords.Last.Begin(second);
        WordTokenizer.Tokenize(first, 0, first.Length);
        Assert.Null(forms.Place);
    }

    private static WordForms Record(string text, int start, int end)
    {
        var forms = new WordForms(text[start..end].ToLowerInvariant(), text[start..end].ToLowerInvariant());
        SentenceWords.Last.Begin(text);
        SentenceWords.Last.Add(start, end, forms);
        return forms;
    }
}
