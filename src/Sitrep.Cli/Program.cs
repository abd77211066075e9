using System.CommandLine;
using Sitrep.Cli.Commands;

namespace Sitrep.Cli;

/// <summary>A thin entry point: one sealed class per verb under Commands/, the logic in the libraries.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        StatusWriter.Install();
        var root = new RootCommand("Sitrep: news reports about the Russia-Ukraine war in, a trustworthy event database out.");
        foreach (var command in Verbs())
            root.Subcommands.Add(command);
        return root.Parse(args).Invoke();
    }

    // Each verb registers itself here, one line each.
    private static IEnumerable<Command> Verbs()
    {
        yield return ExtractCommand.Create();
        yield return GazetteerCommand.Create();
        yield return IngestCommand.Create();
        yield return QueryCommand.Create();
        yield return IncidentsCommand.Create();
        yield return ExportCommand.Create();
        yield return StatsCommand.Create();
    }
}
