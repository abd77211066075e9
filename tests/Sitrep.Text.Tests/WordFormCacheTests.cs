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

    [Fact]
    public void Words_made_to_collide_are_each_answered_with_their_own_form()
    {
        // Words whose hashes agree in the low 16 bits share a home slot at every table size.
        var home = WordHash.Of("seed") & 0xFFFF;
        var colliding = new List<string>();
        for (var i = 0; colliding.Count < WordFormCache<string>.MaxProbes + 5; i++)
        {
            var word = $"w{i}";
            if ((WordHash.Of(word) & 0xFFFF) == home)
                colliding.Add(word);
        }
        var cache = new WordFormCache<string>();
        var folds = 0;
        string Fold(ReadOnlySpan<char> w)
        {
            folds++;
            return new string(w).ToUpperInvariant();
        }
        for (var round = 0; round < 3; round++)
            foreach (var word in colliding)
                Assert.Equal(word.ToUpperInvariant(), cache.Get(word, Fold));
        // Those within reach of the home slot are kept; the rest are folded every time, not searched for.
        Assert.Equal(WordFormCache<string>.MaxProbes, cache.Count);
        Assert.Equal(WordFormCache<string>.MaxProbes + 3 * 5, folds);
    }

    [Fact]
    public void Many_words_asked_in_any_order_get_the_form_of_their_own_fold_through_growing_and_clearing()
    {
        var random = new Random(12);
        var pool = Enumerable.Range(0, 60_000)
            .Select(i => new string(Enumerable.Range(0, 1 + random.Next(12)).Select(_ => (char)('a' + random.Next(26))).ToArray()) + i % 7)
            .ToArray();
        var cache = new WordFormCache<string>();
        var firstForm = new Dictionary<string, string>();
        for (var ask = 0; ask < 200_000; ask++)
        {
            var word = pool[random.Next(ask < 50_000 ? 2_000 : pool.Length)];
            var text = "<" + word + ">";
            var form = cache.Get(text.AsSpan(1, word.Length), w => new string(w) + "/" + w.Length);
            Assert.Equal(word + "/" + word.Length, form);
            Assert.True(cache.Count <= WordFormCache<string>.Capacity);
        }
    }

    [Fact]
    public void The_hash_reads_every_character_of_the_word_and_only_the_word()
    {
        var text = "abcdefghij abcdefghiJ";
        var seen = new HashSet<uint>();
        for (var length = 0; length <= 10; length++)
        {
            Assert.Equal(WordHash.Of(text.AsSpan(0, length)), WordHash.Of(new string(text.AsSpan(0, length))));
            Assert.True(seen.Add(WordHash.Of(text.AsSpan(0, length))));
        }
        Assert.NotEqual(WordHash.Of(text.AsSpan(0, 10)), WordHash.Of(text.AsSpan(11, 10)));
        Assert.NotEqual(WordHash.Of("a\0"), WordHash.Of("a"));
    }
}
