using Sitrep.Cli.Commands;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Tests;

/// <summary>
/// Ingest with extraction in two passes, as the writer receives it: the reports no prior can change
/// while the first pass still reads, the others after it, the first report of an id always first.
/// </summary>
public sealed class IngestTwoPassTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-ingest-two-pass-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Hryhorivka has namesakes all over Donetsk oblast: a prior can change which one a report means.
    private const string Namesake = "Russian artillery shelled Hryhorivka, Donetsk region, on Tuesday, killing one man.";
    private const string NamesakeRetold = "One woman was wounded when shells hit Hryhorivka in the Donetsk region on Wednesday.";
    private const string Town = "A Russian drone struck Chasiv Yar on Monday, injuring two people.";
    private const string OtherTown = "Two people were injured when a missile hit an apartment block in Kramatorsk on Sunday.";

    private static readonly Lazy<ReportPipeline> Pipeline = new(() => ReportPipeline.Create(Sitrep.Geo.Gazetteer.Load(Repo.Gazetteer!)));

    private string Write(string folder, string name, string text, string published = "2024-03-07")
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, folder)).FullName;
        var path = Path.Combine(dir, name + ".txt");
        File.WriteAllText(path, text);
        File.WriteAllText(Path.Combine(dir, name + ".meta.json"), $$"""{"published": "{{published}}"}""");
        return path;
    }

    private static List<IngestItem> Ingest(IEnumerable<string> paths, KeptReadings? keeping = null) =>
        IngestSources.Extracted(paths, Pipeline.Value, new Dictionary<string, string>(), null, null, keeping ?? new KeptReadings()).ToList();

    private static string Describe(IngestItem item) => item switch
    {
        IngestItem.Ready r => $"{Path.GetFileName(Path.GetDirectoryName(r.Item.Document.Path))}/{r.Item.Document.Id}",
        IngestItem.Failed f => $"failed {f.Path}: {f.Problem}",
        _ => item.ToString(),
    };

    [FactRequiresGazetteer]
    public void A_report_no_prior_can_change_goes_on_to_the_writer_before_the_next_report_is_surveyed()
    {
        var documents = new[]
        {
            Write("run", "a-town", Town),
            Write("run", "b-namesake", Namesake),
            Write("run", "c-town", OtherTown),
            Write("run", "d-last", NamesakeRetold, "2024-03-08"),
        }.Select(p => Sitrep.Documents.DocumentReader.Read(p, null)).ToList();
        var surveyed = 0;
        IEnumerable<(IngestItem, ReportSurvey?)> FirstPass()
        {
            foreach (var document in documents)
            {
                surveyed++;
                var survey = Pipeline.Value.SurveyKeeping(document);
                yield return (new IngestItem.Ready(new Sitrep.Store.ExtractedDocument(document, survey.Events)), survey);
            }
        }

        var order = IngestSources.InTwoPasses(FirstPass(), Pipeline.Value, stored: null, reread: null)
            .Select(item => (Describe(item), surveyed)).ToList();

        // Each town report is handed on as soon as it is surveyed; the namesakes wait for the whole run.
        Assert.Equal([("run/a-town", 1), ("run/c-town", 3), ("run/b-namesake", 4), ("run/d-last", 4)], order);
    }

    [FactRequiresGazetteer]
    public void The_reports_a_prior_can_change_come_after_the_others_and_a_later_report_of_the_same_id_never_overtakes_them()
    {
        var paths = new[]
        {
            Write("one", "same", Namesake),
            Write("one", "town", Town, "2024-03-06"),
            Write("two", "same", OtherTown),
            Write("two", "other", NamesakeRetold, "2024-03-08"),
        };
        var order = Ingest(paths).Select(Describe).ToList();
        // "same" of folder one waits for the prior, so "same" of folder two waits behind it.
        Assert.Equal(["one/town", "one/same", "two/same", "two/other"], order);
    }

    [FactRequiresGazetteer]
    public void A_report_read_again_from_its_file_gives_what_a_kept_reading_gives_and_a_file_changed_meanwhile_fails_by_name()
    {
        var paths = new[]
        {
            Write("run", "a-namesake", Namesake),
            Write("run", "b-namesake", NamesakeRetold, "2024-03-08"),
            Write("run", "c-town", Town, "2024-03-05"),
        };
        var kept = Ingest(paths);
        // No reading kept: the second pass reads both namesake reports from their files again.
        var reread = Ingest(paths, new KeptReadings(limitChars: 0));
        Assert.Equal(kept.Select(Events), reread.Select(Events));
        Assert.Contains(kept, i => i is IngestItem.Ready r && r.Item.Events.Count > 0 && r.Item.Document.Id == "a-namesake");

        // The town report is final in the first pass, which has then read both namesake reports:
        // the first is changed before the second pass reads it again.
        var changed = new List<IngestItem>();
        foreach (var item in IngestSources.Extracted(paths, Pipeline.Value, new Dictionary<string, string>(), null, null, new KeptReadings(limitChars: 0)))
        {
            changed.Add(item);
            if (Describe(item) == "run/c-town")
                File.WriteAllText(paths[0], Namesake.Replace("one man", "two men", StringComparison.Ordinal));
        }
        Assert.Equal("run/c-town", Describe(changed[0]));
        var failure = Assert.Single(changed.OfType<IngestItem.Failed>());
        Assert.Equal(paths[0], failure.Path);
        Assert.Contains("changed", failure.Problem);
        Assert.Equal("run/b-namesake", Describe(changed[^1]));
    }

    private static string Events(IngestItem item) => item is IngestItem.Ready r
        ? r.Item.Document.Id + ": " + string.Join(" | ", r.Item.Events.Select(e => Sitrep.Events.EventJson.Serialize(e)))
        : Describe(item);
}
