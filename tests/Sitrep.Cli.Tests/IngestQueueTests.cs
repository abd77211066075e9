using Sitrep.Cli.Commands;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Store;

namespace Sitrep.Cli.Tests;

/// <summary>
/// The queue between ingest's reading side and its writer: bounded by count and by what its items
/// hold, in order, and never stuck on one item larger than the whole bound.
/// </summary>
public sealed class IngestQueueTests
{
    private static readonly TimeSpan Failsafe = TimeSpan.FromSeconds(30);

    [Fact]
    public void Items_come_out_in_the_order_added_and_the_writer_stops_once_adding_is_complete()
    {
        var queue = new IngestQueue<int>(10, 1000);
        for (var i = 0; i < 5; i++)
            Assert.True(queue.TryAdd(i, 10));
        queue.CompleteAdding();
        Assert.Equal([0, 1, 2, 3, 4], queue.Consuming().ToList());
        Assert.Equal(0, queue.Bytes);
    }

    [Fact]
    public void Past_the_byte_bound_an_item_waits_until_the_writer_takes_enough()
    {
        var queue = new IngestQueue<string>(100, 100);
        Assert.True(queue.TryAdd("a", 60));
        Assert.True(queue.TryAdd("b", 40));
        Assert.False(queue.TryAdd("c", 1));
        Assert.Equal(100, queue.Bytes);
        Assert.True(queue.TryTake(out var first));
        Assert.Equal("a", first);
        Assert.False(queue.TryAdd("big", 61));
        Assert.True(queue.TryAdd("c", 60));
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public void Past_the_item_bound_an_item_waits_however_little_it_holds()
    {
        var queue = new IngestQueue<int>(3, long.MaxValue);
        Assert.True(queue.TryAdd(1, 0));
        Assert.True(queue.TryAdd(2, 0));
        Assert.True(queue.TryAdd(3, 0));
        Assert.False(queue.TryAdd(4, 0));
    }

    [Fact]
    public void An_item_larger_than_the_whole_bound_goes_through_an_empty_queue_alone()
    {
        var queue = new IngestQueue<string>(10, 100);
        Assert.True(queue.TryAdd("huge", 10_000));
        Assert.False(queue.TryAdd("small", 1));
        Assert.True(queue.TryTake(out var huge));
        Assert.Equal("huge", huge);
        Assert.True(queue.TryAdd("small", 1));
    }

    [Fact]
    public void A_waiting_add_goes_in_when_the_writer_takes_and_keeps_its_place_in_order()
    {
        var queue = new IngestQueue<string>(10, 100);
        queue.Add("a", 100, CancellationToken.None);
        var adder = new Thread(() => queue.Add("b", 100, CancellationToken.None));
        adder.Start();
        Assert.True(queue.TryTake(out var a));
        Assert.True(adder.Join(Failsafe));
        queue.CompleteAdding();
        Assert.Equal(["a"], [a]);
        Assert.Equal(["b"], queue.Consuming().ToList());
    }

    [Fact]
    public void A_waiting_add_is_released_by_its_cancellation_and_adds_nothing()
    {
        var queue = new IngestQueue<string>(10, 100);
        queue.Add("a", 100, CancellationToken.None);
        using var stop = new CancellationTokenSource();
        Exception? thrown = null;
        var adder = new Thread(() =>
        {
            try
            {
                queue.Add("b", 100, stop.Token);
            }
            catch (Exception e)
            {
                thrown = e;
            }
        });
        adder.Start();
        stop.Cancel();
        Assert.True(adder.Join(Failsafe));
        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void Adding_after_completion_is_refused()
    {
        var queue = new IngestQueue<int>(10, 100);
        queue.CompleteAdding();
        Assert.Throws<InvalidOperationException>(() => queue.TryAdd(1, 1));
        Assert.False(queue.TryTake(out _));
    }

    [Fact]
    public void The_reading_side_stays_within_the_byte_bound_of_the_writer_and_its_failure_reaches_the_writer_after_its_items()
    {
        var weight = IngestWeight.Of(new IngestItem.Unchanged("report-00.txt"));
        var pulled = 0;
        IEnumerable<IngestItem> Reports()
        {
            for (var i = 0; i < 40; i++)
            {
                Interlocked.Increment(ref pulled);
                yield return new IngestItem.Unchanged($"report-{i:00}.txt");
            }
            throw new InvalidDataException("the fortieth report broke the reader");
        }

        var taken = new List<string>();
        var mostAhead = 0;
        var thrown = Assert.Throws<InvalidDataException>(() =>
        {
            // Three items' worth of bytes, against 1,000 items by count: the bytes must bind.
            foreach (var item in IngestCommand.ReadAhead(Reports(), 1000, 3 * weight))
            {
                taken.Add(((IngestItem.Unchanged)item).Path);
                // Taken, the three waiting, and the one the reading side holds while it waits.
                mostAhead = Math.Max(mostAhead, Volatile.Read(ref pulled) - taken.Count);
            }
        });
        Assert.Equal("the fortieth report broke the reader", thrown.Message);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"report-{i:00}.txt"), taken);
        Assert.InRange(mostAhead, 0, 4);
    }

    [Fact]
    public void A_report_weighs_its_text_and_each_event_its_evidence_twice()
    {
        static IngestItem Report(string text, params string[] evidence)
        {
            var document = new Document("doc", "/reports/doc.txt", text, DocumentMeta.Empty, "hash");
            var events = evidence.Select((sentence, i) => new EventRecord
            {
                Id = $"e{i}",
                Doc = "doc",
                Type = EventType.Strike,
                Evidence = [new Evidence(0, sentence.Length, sentence)],
            }).ToList();
            return new IngestItem.Ready(new ExtractedDocument(document, events));
        }

        var bare = IngestWeight.Of(Report(""));
        Assert.Equal(2 * 1000, IngestWeight.Of(Report(new string('x', 1000))) - bare);
        Assert.Equal(IngestWeight.PerEvent + 4 * 50, IngestWeight.Of(Report("", new string('y', 50))) - bare);
        Assert.True(IngestWeight.Of(new IngestItem.Failed("/reports/doc.txt", "unreadable")) > IngestWeight.Of(new IngestItem.Unchanged("/reports/doc.txt")));
    }
}
