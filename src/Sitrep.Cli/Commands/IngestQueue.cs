namespace Sitrep.Cli.Commands;

/// <summary>
/// The hand-over between ingest's reading side (reading, extraction, each record's stored form)
/// and its writer, bounded both by how many items wait and by what they hold. A bound by count
/// alone held memory in proportion to the reports' length: with the writer the slower side, the
/// queue stays full, and on real articles its 2,000 items held about 45 MB of text, records and
/// stored forms (BENCHMARKS.md, Stop 29), a corpus of reports ten times longer ten times that.
/// </summary>
internal sealed class IngestQueue<T>(int capacityItems, long capacityBytes)
{
    private readonly Queue<(T Item, long Bytes)> _items = new();
    private readonly object _gate = new();
    private long _bytes;
    private bool _completed;

    /// <summary>How many items wait.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
                return _items.Count;
        }
    }

    /// <summary>What the waiting items hold, as their adders weighed them.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
                return _bytes;
        }
    }

    /// <summary>
    /// Adds <paramref name="item"/> unless it would pass either bound; false then. An empty queue
    /// takes any item, however large: one report past the whole bound must still reach the writer.
    /// </summary>
    public bool TryAdd(T item, long bytes)
    {
        lock (_gate)
        {
            if (!Fits(bytes))
                return false;
            Enqueue(item, bytes);
            return true;
        }
    }

    /// <summary>Adds <paramref name="item"/>, waiting while it would pass either bound, until the writer takes enough or <paramref name="cancel"/> is set.</summary>
    public void Add(T item, long bytes, CancellationToken cancel)
    {
        // The writer may stop taking (a store error) while the reading side waits here.
        using var wake = cancel.Register(() =>
        {
            lock (_gate)
                Monitor.PulseAll(_gate);
        });
        lock (_gate)
        {
            while (!Fits(bytes))
            {
                cancel.ThrowIfCancellationRequested();
                Monitor.Wait(_gate);
            }
            cancel.ThrowIfCancellationRequested();
            Enqueue(item, bytes);
        }
    }

    /// <summary>No more items come: the writer's <see cref="TryTake"/> ends once the waiting ones are taken.</summary>
    public void CompleteAdding()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The next item in the order added, waiting for one; false when adding is complete and none is left.</summary>
    public bool TryTake(out T item)
    {
        lock (_gate)
        {
            while (_items.Count == 0 && !_completed)
                Monitor.Wait(_gate);
            if (_items.Count == 0)
            {
                item = default!;
                return false;
            }
            (item, var bytes) = _items.Dequeue();
            _bytes -= bytes;
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    /// <summary>Every item, in order, as it comes, until adding is complete.</summary>
    public IEnumerable<T> Consuming()
    {
        while (TryTake(out var item))
            yield return item;
    }

    private bool Fits(long bytes)
    {
        if (_completed)
            throw new InvalidOperationException("the queue was completed; no item may be added after it");
        return _items.Count == 0 || (_items.Count < capacityItems && _bytes + bytes <= capacityBytes);
    }

    private void Enqueue(T item, long bytes)
    {
        _items.Enqueue((item, bytes));
        _bytes += bytes;
        Monitor.PulseAll(_gate);
    }
}

/// <summary>
/// About what an ingest item holds until the writer has stored it, in bytes: the report's text,
/// and for each event its record and stored form. The evidence sentences count twice, once in the
/// record and once in the stored JSON; the rest of an event (places, weapons, the JSON's names)
/// is a few hundred characters in each.
/// </summary>
internal static class IngestWeight
{
    /// <summary>An event's record and stored form beyond its evidence.</summary>
    public const long PerEvent = 2048;

    /// <summary>An item's objects and the strings that name it.</summary>
    public const long PerItem = 256;

    public static long Of(IngestItem item) => item switch
    {
        IngestItem.Ready ready => PerItem + 2L * (ready.Item.Document.Text.Length + ready.Item.Document.Path.Length) + Events(ready.Item.Events),
        IngestItem.Failed failed => PerItem + 2L * (failed.Path.Length + failed.Problem.Length),
        IngestItem.Unchanged unchanged => PerItem + 2L * unchanged.Path.Length,
        _ => PerItem,
    };

    private static long Events(IReadOnlyList<Sitrep.Events.EventRecord> events)
    {
        long bytes = 0;
        foreach (var e in events)
        {
            bytes += PerEvent;
            foreach (var evidence in e.Evidence)
                bytes += 4L * evidence.Text.Length;
        }
        return bytes;
    }
}
