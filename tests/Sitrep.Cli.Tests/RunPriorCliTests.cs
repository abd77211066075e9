using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>The run prior as users meet it: extract reads a folder in two passes, ingest leans on the store too.</summary>
public sealed class RunPriorCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-runprior-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Hryhorivka has namesakes all over Donetsk oblast; Chasiv Yar lies beside the Bakhmut-raion one.
    private const long BakhmutRaionHryhorivka = 708096;

    private void Write(string folder, string name, string text, string published)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, folder)).FullName;
        File.WriteAllText(Path.Combine(dir, name + ".txt"), text);
        File.WriteAllText(Path.Combine(dir, name + ".meta.json"), $$"""{"published": "{{published}}"}""");
    }

    private static List<long?> HryhorivkaIds(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("places").EnumerateArray())
            .Where(p => p.GetProperty("mention").GetString() == "Hryhorivka")
            .Select(p => p.GetProperty("geonames_id").ValueKind == JsonValueKind.Number ? p.GetProperty("geonames_id").GetInt64() : (long?)null)
            .ToList();

    [FactRequiresGazetteer]
    public void Extract_resolves_a_namesake_toward_the_other_reports_of_its_week_whatever_the_threads()
    {
        Write("run", "a-village", "Russian artillery shelled Hryhorivka, Donetsk region, on Tuesday, killing one man.", "2024-03-07");
        Write("run", "b-village", "One woman was wounded when shells hit Hryhorivka in the Donetsk region on Wednesday.", "2024-03-08");
        Write("run", "c-town", "A Russian drone struck Chasiv Yar on Monday, injuring two people.", "2024-03-05");
        var one = CliRun.Run("extract", Path.Combine(_dir, "run"), "--threads", "1");
        var two = CliRun.Run("extract", Path.Combine(_dir, "run"), "--threads", "2");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Equal([BakhmutRaionHryhorivka, BakhmutRaionHryhorivka], HryhorivkaIds(one.Stdout));
        // Alone, the village report has nothing to lean on.
        var alone = CliRun.Run("extract", Path.Combine(_dir, "run", "a-village.txt"));
        Assert.DoesNotContain(BakhmutRaionHryhorivka, HryhorivkaIds(alone.Stdout));
    }

    [FactRequiresGazetteer]
    public void Extract_leaves_nothing_in_the_temporary_folder_and_names_one_it_cannot_use()
    {
        Write("run", "a-village", "Russian artillery shelled Hryhorivka, Donetsk region, on Tuesday, killing one man.", "2024-03-07");
        Write("run", "c-town", "A Russian drone struck Chasiv Yar on Monday, injuring two people.", "2024-03-05");
        var temp = Directory.CreateDirectory(Path.Combine(_dir, "tmp")).FullName;
        var run = CliRun.RunWithTemp(temp, "extract", Path.Combine(_dir, "run"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliRun.Run("extract", Path.Combine(_dir, "run")).Stdout, run.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));

        var missing = Path.Combine(_dir, "no-such-tmp");
        var refused = CliRun.RunWithTemp(missing, "extract", Path.Combine(_dir, "run"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("temporary file", refused.Stderr);
        Assert.Contains(missing, refused.Stderr);
    }

    [FactRequiresGazetteer]
    public void Ingest_leans_on_the_events_already_stored_for_the_week()
    {
        var db = Path.Combine(_dir, "events.db");
        Write("monday", "town", "A Russian drone struck Chasiv Yar on Monday, injuring two people.", "2024-03-05");
        Write("thursday", "village", "Russian artillery shelled Hryhorivka, Donetsk region, on Tuesday, killing one man.", "2024-03-07");
        Assert.Equal(0, CliRun.Run("ingest", Path.Combine(_dir, "monday"), "--db", db).ExitCode);
        Assert.Equal(0, CliRun.Run("ingest", Path.Combine(_dir, "thursday"), "--db", db).ExitCode);
        var stored = CliRun.Run("query", "--db", db, "--format", "jsonl");
        Assert.Equal([BakhmutRaionHryhorivka], HryhorivkaIds(stored.Stdout));
    }
}
