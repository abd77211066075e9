namespace Sitrep.Store.Tests;

public sealed class RecentEntriesTests
{
    [Fact]
    public void A_full_cache_keeps_the_newest_half_by_key()
    {
        var cache = new Dictionary<long, string>();
        for (var key = 1L; key <= 100; key++)
            RecentEntries.Remember(cache, key, $"r{key}", 100);

        RecentEntries.Remember(cache, 101, "r101", 100);

        Assert.Equal(Enumerable.Range(51, 51).Select(k => (long)k), cache.Keys.Order());
        Assert.Equal("r101", cache[101]);
        Assert.Equal("r51", cache[51]);
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new Dictionary<long, int>();
        var random = new Random(5);
        for (var i = 0; i < 20_000; i++)
        {
            // Mostly growing keys, some handed out again below the largest, as SQLite does after a delete.
            var key = i - (random.Next(10) == 0 ? random.Next(300) : 0);
            RecentEntries.Remember(cache, key, i, 256);
            Assert.True(cache.Count <= 256);
            Assert.Equal(i, cache[key]);
        }
    }

    [Fact]
    public void A_cache_whose_keys_all_lie_near_the_new_one_starts_afresh()
    {
        var cache = new Dictionary<long, int>();
        for (var key = 1000L; key > 990; key--)
            RecentEntries.Remember(cache, key, 0, 10);

        RecentEntries.Remember(cache, 995, 1, 10);

        Assert.Equal([995L], cache.Keys);
    }
}
