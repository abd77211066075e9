using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// BenchmarkDotNet's own command line: --filter '*', --job short, --inProcess, --list flat, ...
// Corpus and gazetteer: see BenchCorpus. Results go to .cache/benchmarks (git-ignored).
var config = ManualConfig.Create(DefaultConfig.Instance)
    // Each run builds its own copy of the solution's libraries; on the shared 2-core machine that
    // can take longer than BenchmarkDotNet's default two minutes.
    .WithBuildTimeout(TimeSpan.FromMinutes(15))
    .WithArtifactsPath(Path.Combine(Sitrep.Benchmarks.BenchCorpus.Root, ".cache", "benchmarks"));
BenchmarkSwitcher.FromAssembly(typeof(Sitrep.Benchmarks.BenchCorpus).Assembly).Run(args, config);
