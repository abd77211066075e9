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

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables, as a user who set SITREP_DB would.</summary>
    public static (int Exit, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(args);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        if (PlaceIndex.Path is { } index && !environment.ContainsKey("SITREP_GAZETTEER"))
            start.Environment["SITREP_GAZETTEER"] = index;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
