using System.Diagnostics;

namespace Sitrep.Store.Tests;

/// <summary>Runs the built CLI (sitrep.dll, copied beside the tests) as users do, capturing what it prints.</summary>
internal static class SitrepProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sitrep.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return start;
    }

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
