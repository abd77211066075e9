using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Store;

namespace Sitrep.Web.Tests;

/// <summary>The store query behind <c>/api/events</c>: dated events by date, then undated ones, whatever the page cut.</summary>
public sealed class EventPageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sitrep-event-page-{Guid.NewGuid():N}");

    public EventPageTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public void Every_page_size_and_offset_cuts_the_same_order_dated_first_then_undated()
    {
        var path = Path.Combine(_folder, "events.db");
        // Out of date order on purpose, with undated strikes between dated ones, and one aid event the type filter drops.
        string?[] dates = ["2025-03-02", null, "2025-01-15", "2025-03-02", null, "2024-12-31", null, "2025-02-10"];
        using (var store = EventStore.Open(path))
        {
            foreach (var (document, events) in dates.Select((date, i) => Report($"r{i}", EventType.Strike, date)).Append(Report("aid", EventType.Aid, "2025-01-01")))
                store.Ingest(document, events);
        }
        using var reader = EventStore.OpenReadOnly(path);
        var strikes = new EventQuery { Types = [EventType.Strike] };
        var all = Docs(reader.EventPage(strikes, null, 0, 100));
        Assert.Equal(["r5", "r2", "r7", "r0", "r3", "r1", "r4", "r6"], all);
        for (var size = 1; size <= dates.Length + 1; size++)
            for (var offset = 0; offset <= dates.Length + 1; offset++)
                Assert.Equal(all.Skip(offset).Take(size), Docs(reader.EventPage(strikes, null, offset, size)));
    }

    private static List<string> Docs(IEnumerable<string> records) =>
        records.Select(r => System.Text.Json.JsonDocument.Parse(r).RootElement.GetProperty("doc").GetString()!).ToList();

    private static (Document Document, IReadOnlyList<EventRecord> Events) Report(string id, EventType type, string? date)
    {
        var text = $"Report {id} tells of one event.";
        var document = new Document(id, $"generated/{id}.txt", text, new DocumentMeta(null, "Outlet", null, null),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
        return (document, [new EventRecord
        {
            Id = "e1",
            Doc = id,
            Type = type,
            Date = date,
            DatePrecision = date is null ? null : DatePrecision.Day,
            Places = [],
            Actor = "RU",
            Confidence = 0.8,
            Evidence = [new Evidence(0, text.Length, text)],
        }]);
    }
}
