using System.Collections.Concurrent;
using Sitrep.Store;

namespace Sitrep.Web;

/// <summary>
/// Read-only connections to the database, reused across requests: one SQLite connection serves
/// one request at a time, and a warm connection keeps its page cache.
/// </summary>
internal sealed class StorePool(string path) : IDisposable
{
    private const int Kept = 4;
    private readonly ConcurrentBag<EventStore> _idle = [];

    /// <summary>A connection of the caller's own, outside the pool.</summary>
    public EventStore Open() => EventStore.OpenReadOnly(path);

    public T Use<T>(Func<EventStore, T> work)
    {
        var store = _idle.TryTake(out var s) ? s : EventStore.OpenReadOnly(path);
        try
        {
            return work(store);
        }
        finally
        {
            if (_idle.Count < Kept)
                _idle.Add(store);
            else
                store.Dispose();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var store))
            store.Dispose();
    }
}
