using System.Diagnostics;
using Xunit.Abstractions;

namespace Sitrep.Cli.Tests.Fuzz;

/// <summary>
/// Issue 9: mutated reports, HTML and sidecars from samples/ through the real CLI. CI runs a
/// few thousand cases; by hand, more:
/// <c>SITREP_FUZZ_CASES=100000 SITREP_FUZZ_SEED=7 dotnet test tests/Sitrep.Cli.Tests -c Release --filter FuzzTests</c>
/// (scripts/fuzz.sh does the same; SITREP_FUZZ_MINUTES stops starting batches after that long).
/// The counts so far are in .cache/fuzz/last-SEED.txt; failing batches stay under .cache/fuzz.
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

        var minutes = double.TryParse(Environment.GetEnvironmentVariable("SITREP_FUZZ_MINUTES"), System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0 ? m : double.PositiveInfinity;
        var limit = double.IsFinite(minutes) ? TimeSpan.FromMinutes(minutes) : TimeSpan.MaxValue;
        var report = Path.Combine(work, $"last-{seed}.txt");
        string Summary(FuzzResult r) => $"fuzz seed {seed}: {r}\n{string.Join('\n', r.Examples)}\n";

        // The counts so far are written after every batch, so a long run stopped early still tells.
        var result = FuzzRunner.Run(seed, cases, BatchSize, work, (args, deadline) => CliRun.TryRun(deadline, args), limit, r => File.WriteAllText(report, Summary(r)));

        output.WriteLine(Summary(result));
        Assert.True(result.Clean, Summary(result));
    }
}
