using Sitrep.Cli.Commands;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Store;

namespace Sitrep.Cli.Tests;

/// <summary>
/// A report that waits for the run's prior keeps neither its events nor (when its file can give
/// it again) its text in memory: its events wait in the run's temporary file, and come back the
/// same when its first pass stands. The store is asked for the events of the run's weeks only when
/// it held reports before the run: a new store holds by then only the run's own events, which a
/// prior leaves out.
/// </summary>
public sealed class IngestWaitingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-ingest-waiting-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly Lazy<ReportPipeline> Pipeline = new(() => ReportPipeline.Create(Sitrep.Geo.Gazetteer.Load(Repo.Gazetteer!)));

    // Hryhorivka has namesakes all over Donetsk oblast, so a prior could change which one is meant.
    private const string Namesake = "Russian artillery shelled Hryhorivka, Donetsk region, on Tuesday, killing one man. " +
                                    "Two more shells hit the \"school\" in Hryhorivka – its roof burned.";
    private const string Town = "A Russian drone struck Chasiv Yar on Monday, injuring two people.";

    private string Write(string name, string text, string published)
    {
        var path = Path.Combine(_dir, name + ".txt");
        File.WriteAllText(path, text);
        File.WriteAllText(Path.Combine(_dir, name + ".meta.json"), $$"""{"published": "{{published}}"}""");
        return path;
    }

    private static string Lines(IEnumerable<EventRecord> events) => string.Join("\n", events.Select(EventJson.Serialize));

    [FactRequiresGazetteer]
    public void A_report_set_aside_keeps_no_events_nor_text_and_gives_its_first_pass_back_whole()
    {
        var document = DocumentReader.Read(Write("namesake", Namesake, "2024-03-07"), null);
        var survey = Pipeline.Value.Survey(document);
        Assert.True(survey.PriorCanDecide);
        Assert.NotEmpty(survey.Events);
        var ready = new IngestItem.Ready(new ExtractedDocument(document, survey.Events));
        using var spill = ExtractSpill.Create();
        // Another report's lines before it: the report's own must be found where they were put.
        spill.Append(ExtractCommand.Lines(Pipeline.Value.Extract(document), "\n"u8.ToArray()));

        var waiting = IngestSources.WaitingReport.Aside(ready, survey, spill);

        Assert.Empty(waiting.First.Item.Events);
        Assert.Empty(waiting.Survey.Events);
        Assert.Equal("", waiting.First.Item.Document.Text);
        var back = Assert.IsType<IngestItem.Ready>(waiting.FirstPass(spill));
        Assert.Equal(Lines(survey.Events), Lines(back.Item.Events));
        Assert.Equal(document.ContentHash, back.Item.Document.ContentHash);
    }

    [FactRequiresGazetteer]
    public void A_waiting_report_whose_first_pass_stands_is_stored_with_its_first_pass_events()
    {
        // Alone in its week: no prior, so its first pass stands and comes back from the file.
        var paths = new[] { Write("a-namesake", Namesake, "2024-03-07"), Write("b-town", Town, "2024-06-03") };
        var expected = Lines(Pipeline.Value.Extract(DocumentReader.Read(paths[0], null)));
        foreach (var keeping in new[] { new KeptReadings(), new KeptReadings(limitChars: 0) })
        {
            var items = IngestSources.Extracted(paths, Pipeline.Value, new Dictionary<string, string>(), null, null, keeping).ToList();
            var namesake = Assert.Single(items.OfType<IngestItem.Ready>(), r => r.Item.Document.Id == "a-namesake");
            Assert.Equal(expected, Lines(namesake.Item.Events));
            Assert.Equal("b-town", Assert.IsType<IngestItem.Ready>(items[0]).Item.Document.Id);
        }
    }

    private (List<string> Items, List<(DateOnly From, DateOnly To)> Asked) IngestAsking(Dictionary<string, string> storedHashes)
    {
        var paths = new[] { Write("a-namesake", Namesake, "2024-03-07"), Write("b-town", Town, "2024-03-06") };
        var asked = new List<(DateOnly, DateOnly)>();
        IEnumerable<EventRecord> Stored(DateOnly from, DateOnly to)
        {
            asked.Add((from, to));
            return [];
        }
        var items = IngestSources.Extracted(paths, Pipeline.Value, storedHashes, null, Stored, new KeptReadings())
            .Select(i => i is IngestItem.Ready r ? r.Item.Document.Id + ": " + Lines(r.Item.Events) : i.ToString()).ToList();
        return (items, asked);
    }

    [FactRequiresGazetteer]
    public void A_store_that_held_no_report_before_the_run_is_not_asked_for_its_events()
    {
        var (items, asked) = IngestAsking([]);
        Assert.Empty(asked);
        Assert.Equal(2, items.Count);
    }

    [FactRequiresGazetteer]
    public void A_store_that_held_reports_is_asked_for_the_run_weeks_and_the_run_reads_the_same()
    {
        var (fresh, _) = IngestAsking([]);
        var (items, asked) = IngestAsking(new Dictionary<string, string> { ["stored-before"] = "hash" });
        var span = Assert.Single(asked);
        Assert.Equal((new DateOnly(2024, 3, 6).AddDays(-RunPrior.WindowDays), new DateOnly(2024, 3, 7).AddDays(RunPrior.WindowDays)), span);
        Assert.Equal(fresh, items);
    }
}
