namespace Sitrep.Store;

/// <summary>Bounds the writer's caches of what it wrote recently (event records, clustering profiles), by key.</summary>
internal static class RecentEntries
{
    /// <summary>
    /// Keeps <paramref name="value"/> under <paramref name="key"/>. A cache that holds
    /// <paramref name="capacity"/> entries first drops those keyed more than half a capacity below
    /// <paramref name="key"/>, and everything when that is not enough.
    /// </summary>
    public static void Remember<T>(Dictionary<long, T> cache, long key, T value, int capacity)
    {
        // Keys grow as events are written (SQLite's rowid is the largest plus one) and an
        // incident's reports are written close together, so the newest half is what the next
        // windows read again. Dropping everything at the bound made the batch that crossed it
        // read and parse again the records it had just written (some 2,500 of every 20,000).
        if (cache.Count >= capacity)
        {
            var floor = key - capacity / 2;
            foreach (var known in cache.Keys)
                if (known < floor)
                    cache.Remove(known);
            if (cache.Count >= capacity)
                cache.Clear();
        }
        cache[key] = value;
    }
}
