using System.Diagnostics;

namespace Sitrep.Cli.Tests;

/// <summary>The outcome of one run of the real CLI process.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the built CLI (sitrep.dll beside the tests) as a separate process, as a user would.</summary>
internal static class CliRun
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    public static CliResult Run(params string[] args) =>
        TryRun(TimeSpan.FromMinutes(5), args)
        ?? throw new TimeoutException($"sitrep {string.Join(' ', args)} did not finish in 5 minutes");

    /// <summary>The CLI with <paramref name="args"/>; null when it is still running at the deadline (a hang).</summary>
    public static CliResult? TryRun(TimeSpan deadline, params string[] args) => TryRun(deadline, null, args);

    /// <summary>The CLI with a temporary folder of the test's choosing (TMPDIR), to see what it leaves there.</summary>
    public static CliResult RunWithTemp(string tempDir, params string[] args) =>
        TryRun(TimeSpan.FromMinutes(5), tempDir, args)
        ?? throw new TimeoutException($"sitrep {string.Join(' ', args)} did not finish in 5 minutes");

    private static CliResult? TryRun(TimeSpan deadline, string? tempDir, string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        if (Repo.Gazetteer is { } index)
            info.Environment["SITREP_GAZETTEER"] = index;
        if (tempDir is not null)
            info.Environment["TMPDIR"] = tempDir;
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

/// <summary>Where the repository, the shared folder and the place index are, seen from the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the checkout: the dev articles and the scorer; absent on some machines.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string? Gazetteer
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("SITREP_GAZETTEER");
            if (!string.IsNullOrEmpty(env) && File.Exists(env))
                return env;
            var local = Path.Combine(Root, ".cache", "gazetteer.idx");
            return File.Exists(local) ? local : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Sitrep.sln not found above " + AppContext.BaseDirectory);
    }
}
