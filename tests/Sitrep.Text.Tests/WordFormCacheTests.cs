using Sitrep.Geo.Text;

namespace Sitrep.Text.Tests;

public class WordFormCacheTests
{
    [Fact]
    public void A_word_seen_again_gets_the_form_folded_the_first_time_without_folding_again()
    {
        var cache = new WordFormCache<string>();
        var folds = 0;
        string Fold(ReadOnlySpan<char> w)
        {
            folds++;
            return TextFold.Skeleton(w);
        }
        var text = "Kharkiv and Kharkiv again";
        var first = cache.Get(text.AsSpan(0, 7), Fold);
        var second = cache.Get(text.AsSpan(12, 7), Fold);
        Assert.Equal(TextFold.Skeleton("Kharkiv"), first);
        Assert.Same(first, second);
        Assert.Equal(1, folds);
    }

    [Fact]
    public void Words_differing_only_in_case_or_accent_are_kept_apart()
    {
        var cache = new WordFormCache<string>();
        Assert.Equal("kyiv", cache.Get("Kyiv", w => new string(w).ToLowerInvariant()));
        Assert.Equal("KYIV!", cache.Get("KYIV", w => new string(w) + "!"));
        Assert.Equal("kyiv", cache.Get("Kyiv", _ => "never asked"));
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new WordFormCache<int>();
        var folds = 0;
        for (var i = 0; i < WordFormCache<int>.Capacity * 2 + 10; i++)
            cache.Get($"w{i}", _ => ++folds);
        Assert.True(cache.Count <= WordFormCache<int>.Capacity, $"held {cache.Count}");
        Assert.Equal(WordFormCache<int>.Capacity * 2 + 10, folds);
    }

    [Fact]
    public void A_long_word_is_folded_every_time_and_not_kept()
    {
        var cache = new WordFormCache<int>();
        var folds = 0;
        var word = new string('a', WordFormCache<int>.MaxWordLength + 1);
        cache.Get(word, _ => ++folds);
        cache.Get(word, _ => ++folds);
        Assert.Equal(2, folds);
        Assert.Equal(0, cache.Count);
    }
}
