using System.Text;
using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>
/// Issue 9, item 2: a report written as one paragraph must not vanish because a photo credit
/// sits somewhere inside it; only the caption is left out.
/// </summary>
public sealed class LostReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-lost-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<JsonElement> Events(CliResult run) =>
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [FactRequiresGazetteer]
    public void A_one_paragraph_report_with_a_photo_credit_still_gives_its_strike()
    {
        File.WriteAllText(Path.Combine(_dir, "credit-parens.txt"),
            "Russian missiles struck the city of Odesa overnight, killing three people, the regional governor said. A firefighter at the scene. (Photo: Reuters) Repairs began in the morning.");
        File.WriteAllText(Path.Combine(_dir, "credit-slash.txt"),
            "Russian drones hit the port of Izmail on Sunday, injuring two workers, officials said. Smoke over the docks. Jane Doe/AFP Grain loading resumed later.");

        var run = CliRun.Run("extract", _dir);

        Assert.Equal(0, run.ExitCode);
        var events = Events(run);
        Assert.Contains(events, e => e.GetProperty("doc").GetString() == "credit-parens" && e.GetProperty("type").GetString() == "strike");
        Assert.Contains(events, e => e.GetProperty("doc").GetString() == "credit-slash" && e.GetProperty("type").GetString() == "strike");
    }

    /// <summary>
    /// Each dev article joined onto one line (newlines become spaces, so the gold offsets still
    /// hold) keeps most of its events and scores above the floor.
    /// </summary>
    [FactRequiresDevSet]
    public void Dev_articles_joined_onto_one_line_keep_their_events()
    {
        var dev = Path.Combine(Repo.Shared, "eval", "dev");
        var normal = CliRun.Run("extract", dev);
        foreach (var file in Directory.EnumerateFiles(dev))
        {
            var target = Path.Combine(_dir, Path.GetFileName(file));
            if (file.EndsWith(".txt", StringComparison.Ordinal))
                File.WriteAllText(target, File.ReadAllText(file).Replace('\n', ' '), new UTF8Encoding(false));
            else
                File.Copy(file, target);
        }

        var joined = CliRun.Run("extract", _dir);

        Assert.Equal(0, joined.ExitCode);
        var before = Events(normal).GroupBy(e => e.GetProperty("doc").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        var after = Events(joined).GroupBy(e => e.GetProperty("doc").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (doc, count) in before)
            Assert.True(after.GetValueOrDefault(doc) * 2 >= count, $"{doc}: {after.GetValueOrDefault(doc)} events joined, {count} as laid out");
        var output = Path.Combine(_dir, "joined.out");
        File.WriteAllText(output, joined.Stdout);
        var score = DevSetScoreTests.Score(dev, output).GetProperty("score").GetDouble();
        Assert.True(score >= 0.75, $"joined dev articles score {score:0.000}");
    }
}
