using Sitrep.Cli.Commands;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Tests;

/// <summary>
/// When ingest asks the store for the events of the run's weeks: only when the store held reports
/// before the run. A new store holds by then only the run's own events, which a prior leaves out.
/// </summary>
public sealed class IngestStoredPriorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-ingest-stored-prior-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Lazy<ReportPipeline> Pipeline = new(() => ReportPipeline.Create(Sitrep.Geo.Gazetteer.Load(Repo.Gazetteer!)));

    private string[] Reports()
    {
        string Write(string name, string text, string published)
        {
            var path = Path.Combine(_dir, name + ".txt");
            File.WriteAllText(path, text);
            File.WriteAllText(Path.Combine(_dir, name + ".meta.json"), $$"""{"published": "{{published}}"}""");
            return path;
        }
        return
        [
            Write("a-namesake", "Russian artillery shelled Hryhorivka, Donetsk region, on Tuesday, killing one man.", "2024-03-07"),
            Write("b-town", "A Russian drone struck Chasiv Yar on Monday, injuring two people.", "2024-03-06"),
        ];
    }

    private (List<string> Items, List<(DateOnly From, DateOnly To)> Asked) Ingest(Dictionary<string, string> storedHashes)
    {
        var asked = new List<(DateOnly, DateOnly)>();
        IEnumerable<EventRecord> Stored(DateOnly from, DateOnly to)
        {
            asked.Add((from, to));
            return [];
        }
        var items = IngestSources.Extracted(Reports(), Pipeline.Value, storedHashes, null, Stored, new KeptReadings())
            .Select(i => i is IngestItem.Ready r ? r.Item.Document.Id + " " + r.Item.Events.Count : i.ToString()).ToList();
        return (items, asked);
    }

    [FactRequiresGazetteer]
    public void A_store_that_held_no_report_before_the_run_is_not_asked_for_its_events()
    {
        var (items, asked) = Ingest([]);
        Assert.Empty(asked);
        Assert.Equal(2, items.Count);
    }

    [FactRequiresGazetteer]
    public void A_store_that_held_reports_is_asked_for_the_run_weeks_and_the_run_reads_the_same()
    {
        var (fresh, _) = Ingest([]);
        var (items, asked) = Ingest(new Dictionary<string, string> { ["stored-before"] = "hash" });
        var span = Assert.Single(asked);
        Assert.Equal((new DateOnly(2024, 3, 6).AddDays(-RunPrior.WindowDays), new DateOnly(2024, 3, 7).AddDays(RunPrior.WindowDays)), span);
        Assert.Equal(fresh, items);
    }
}
