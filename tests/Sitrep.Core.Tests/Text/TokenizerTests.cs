using Sitrep.Text;

namespace Sitrep.Core.Tests.Text;

public sealed class TokenizerTests
{
    private static string[] Norms(string text) => Tokenizer.Tokenize(text).Select(t => t.Norm).ToArray();

    [Theory]
    [InlineData("Two Kh-59 missiles", new[] { "two", "kh-59", "missiles" })]
    [InlineData("a Shahed-136 drone", new[] { "a", "shahed-136", "drone" })]
    [InlineData("the Tu-22M3 bomber", new[] { "the", "tu-22m3", "bomber" })]
    [InlineData("a full-scale war", new[] { "a", "full-scale", "war" })]
    [InlineData("S-300s and Iskander-Ms", new[] { "s-300s", "and", "iskander-ms" })]
    public void Hyphenated_models_and_compounds_stay_one_token(string text, string[] expected) =>
        Assert.Equal(expected, Norms(text));

    [Fact]
    public void A_non_breaking_hyphen_inside_a_model_folds_to_a_plain_hyphen()
    {
        var token = Assert.Single(Tokenizer.Tokenize("Kh\u2011101"));
        Assert.Equal("kh-101", token.Norm);
        Assert.Equal(TokenKind.Word, token.Kind);
    }

    [Fact]
    public void A_dangling_hyphen_is_punctuation_not_part_of_the_word()
    {
        Assert.Equal(new[] { "pro", "-", "and", "anti", "-", "war" }, Norms("pro- and anti- war"));
    }

    [Theory]
    [InlineData("Russia's army", new[] { "russia", "'s", "army" })]
    [InlineData("Russia\u2019s army", new[] { "russia", "'s", "army" })]
    [InlineData("KYIV'S MAYOR", new[] { "kyiv", "'s", "mayor" })]
    [InlineData("Putin's forces.", new[] { "putin", "'s", "forces", "." })]
    public void A_possessive_s_is_its_own_token(string text, string[] expected) =>
        Assert.Equal(expected, Norms(text));

    [Theory]
    [InlineData("Mar\u2019yinka", "mar'yinka")]
    [InlineData("don't", "don't")]
    [InlineData("O'Brien", "o'brien")]
    public void An_apostrophe_inside_a_word_that_is_not_a_possessive_keeps_the_word_whole(string text, string expected)
    {
        var token = Assert.Single(Tokenizer.Tokenize(text));
        Assert.Equal(expected, token.Norm);
    }

    [Fact]
    public void The_possessive_token_spans_the_apostrophe_and_the_s()
    {
        const string text = "Kharkiv\u2019s governor";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal("\u2019s", text[tokens[1].Start..tokens[1].End]);
        Assert.Equal("'s", tokens[1].Lemma);
    }

    [Theory]
    [InlineData("1,500", TokenKind.Number)]
    [InlineData("12,000,000", TokenKind.Number)]
    [InlineData("1.8", TokenKind.Number)]
    [InlineData("2024", TokenKind.Number)]
    [InlineData("10th", TokenKind.Word)]
    [InlineData("M777", TokenKind.Word)]
    public void Numbers_with_separators_are_one_token(string text, TokenKind kind)
    {
        var token = Assert.Single(Tokenizer.Tokenize($"about {text} of them"), t => t.Start == 6);
        Assert.Equal(6 + text.Length, token.End);
        Assert.Equal(kind, token.Kind);
    }

    [Fact]
    public void A_comma_or_full_stop_after_a_number_ends_it()
    {
        Assert.Equal(new[] { "killed", "5", ",", "hurt", "12", "." }, Norms("killed 5, hurt 12."));
        Assert.Equal(new[] { "1", ",", "a" }, Norms("1,a"));
    }

    [Theory]
    [InlineData("missiles", "missile")]
    [InlineData("drones", "drone")]
    [InlineData("batteries", "battery")]
    [InlineData("casualties", "casualty")]
    [InlineData("Forces", "force")]
    [InlineData("S-300s", "s-300")]
    [InlineData("press", "press")]
    [InlineData("status", "status")]
    [InlineData("crisis", "crisis")]
    [InlineData("gas", "gas")]
    [InlineData("missile", "missile")]
    public void Word_lemmas_drop_the_plural(string word, string lemma) =>
        Assert.Equal(lemma, Assert.Single(Tokenizer.Tokenize(word)).Lemma);

    [Fact]
    public void Numbers_are_not_lemmatised() =>
        Assert.Equal("1,500", Assert.Single(Tokenizer.Tokenize("1,500")).Lemma);

    [Theory]
    [InlineData("Dnipró", "dnipro")]
    [InlineData("Zaporizhzhia", "zaporizhzhia")]
    [InlineData("Bilhorod-Dnistrovśkyi", "bilhorod-dnistrovskyi")]
    [InlineData("KRAMATORSK", "kramatorsk")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Zelenskyi\u0301", "zelenskyi")]
    public void Words_are_folded_to_lower_case_without_accents(string text, string norm) =>
        Assert.Equal(norm, Assert.Single(Tokenizer.Tokenize(text)).Norm);

    [Theory]
    [InlineData("\u201C", "\"")]
    [InlineData("\u201D", "\"")]
    [InlineData("\u00AB", "\"")]
    [InlineData("\u2018", "'")]
    [InlineData("\u2014", "-")]
    [InlineData("\u2013", "-")]
    public void Typographic_punctuation_folds_to_its_plain_form(string text, string norm)
    {
        var token = Assert.Single(Tokenizer.Tokenize(text));
        Assert.Equal(TokenKind.Punct, token.Kind);
        Assert.Equal(norm, token.Norm);
    }

    [Fact]
    public void Offsets_point_into_the_original_text_even_inside_a_window()
    {
        const string text = "Ignore this. Russian forces shelled Kherson\u2019s port.";
        var start = text.IndexOf("Russian", StringComparison.Ordinal);
        var tokens = Tokenizer.Tokenize(text, start, text.Length);
        Assert.Equal("Russian", text[tokens[0].Start..tokens[0].End]);
        Assert.Equal(new[] { "Russian", "forces", "shelled", "Kherson", "\u2019s", "port", "." },
            tokens.Select(t => text[t.Start..t.End]).ToArray());
    }

    [Fact]
    public void A_window_end_cuts_a_word_and_nothing_past_it_is_read()
    {
        const string text = "drones launched";
        var tokens = Tokenizer.Tokenize(text, 0, 4);
        var token = Assert.Single(tokens);
        Assert.Equal("dron", token.Norm);
    }

    [Fact]
    public void Whitespace_only_gives_no_tokens() => Assert.Empty(Tokenizer.Tokenize(" \t\n "));
}
