using System.Diagnostics;
using Xunit.Abstractions;

namespace Sitrep.Cli.Tests.Fuzz;

/// <summary>
/// Issue 9: mutated reports, HTML and sidecars from samples/ through the real CLI. CI runs a
/// few thousand cases; by hand, more:
/// <c>SITREP_FUZZ_CASES=100000 SITREP_FUZZ_SEED=7 dotnet test tests/Sitrep.Cli.Tests -c Release --filter FuzzTests</c>
/// (scripts/fuzz.sh does the same). Failing batches are kept under .cache/fuzz for a rerun.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int CiCases = 3000;
    private const int CiSeed = 9;
    private const int BatchSize = 500;

    [FactRequiresGazetteer]
    public void Mutated_reports_never_crash_hang_break_the_spec_or_vanish()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_CASES"), out var n) && n > 0 ? n : CiCases;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_SEED"), out var s) ? s : CiSeed;
        var work = Path.Combine(Repo.Root, ".cache", "fuzz");
        Directory.CreateDirectory(work);

        var result = FuzzRunner.Run(seed, cases, BatchSize, work, Run);

        var summary = $"fuzz seed {seed}: {result}";
        output.WriteLine(summary);
        File.WriteAllText(Path.Combine(work, $"last-{seed}.txt"), summary + "\n" + string.Join('\n', result.Examples) + "\n");
        Assert.True(result.Clean, summary + "\n" + string.Join('\n', result.Examples));
    }

    /// <summary>The CLI on a batch; null when it is still running at the deadline (a hang).</summary>
    private static CliResult? Run(string[] args, TimeSpan deadline)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliRun.Dll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        if (Repo.Gazetteer is { } index)
            info.Environment["SITREP_GAZETTEER"] = index;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            return null;
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
