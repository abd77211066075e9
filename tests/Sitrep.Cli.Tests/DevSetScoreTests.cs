using System.Diagnostics;
using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>
/// The accuracy floors: extraction with the real CLI over the hand-annotated articles in
/// ../shared/eval/dev and ../shared/eval/news, scored by the shared scorer. CI fails when the dev
/// score drops below 0.93, or the news score more than 0.03 below the figure issue 7 reached.
/// The articles are read from ../shared, never copied into the project.
/// </summary>
public sealed class DevSetScoreTests
{
    /// <summary>Issue 7: CI fails below this mean score on the dev articles.</summary>
    private const double DevFloor = 0.93;

    /// <summary>Issue 7: the news score reached (see README "Accuracy"), less 0.03.</summary>
    private const double NewsReached = 0.897;
    private const double NewsFloor = NewsReached - 0.03;

    [FactRequiresDevSet]
    public void Dev_articles_score_at_or_above_the_floor() => AtOrAbove("dev", DevFloor);

    [FactRequiresNewsSet]
    public void News_articles_score_no_more_than_three_points_below_the_figure_reached() => AtOrAbove("news", NewsFloor);

    private static void AtOrAbove(string set, double floor)
    {
        var folder = Path.Combine(Repo.Shared, "eval", set);
        var run = CliRun.Run("extract", folder);
        Assert.True(run.ExitCode == 0, $"extract failed ({run.ExitCode}): {run.Stderr}");
        var output = Path.Combine(Path.GetTempPath(), $"sitrep-{set}-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(output, run.Stdout);
        try
        {
            var figures = Score(folder, output);
            var score = figures.GetProperty("score").GetDouble();
            var eventF1 = figures.GetProperty("event").GetProperty("f1").GetDouble();
            var countF1 = figures.GetProperty("count").GetProperty("f1").GetDouble();
            Assert.True(score >= floor, $"{set} score {score:0.000} is below the floor {floor:0.000} (event F1 {eventF1:0.000}, count F1 {countF1:0.000})");
        }
        finally
        {
            File.Delete(output);
        }
    }

    internal static JsonElement Score(string gold, string system)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(Repo.Shared, "eval", "score.py"), "--gold", gold, "--system", system, "--json" })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"score.py failed: {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }
}
