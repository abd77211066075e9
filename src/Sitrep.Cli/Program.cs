using System.CommandLine;
using Microsoft.Data.Sqlite;
using Sitrep.Cli.Commands;
using Sitrep.Store;

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
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
            return Usage(root, result);
        try
        {
            return result.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Describe(e) is { } problem)
        {
            // A database that breaks while being read: say what and where, never a stack trace.
            Console.Out.Flush();
            Console.Error.WriteLine($"{Prefix(result)}: {problem}");
            return ExitCodes.Usage;
        }
        catch (Exception e)
        {
            // Whatever else went wrong is named in one line; a stack trace helps no analyst.
            Console.Out.Flush();
            Console.Error.WriteLine($"{Prefix(result)}: failed: {e.GetType().Name}: {e.Message}");
            return ExitCodes.SomeInputsFailed;
        }
    }

    /// <summary>A bad command line: each problem named, then the verb's usage, on stderr; exit 2.</summary>
    private static int Usage(RootCommand root, ParseResult result)
    {
        foreach (var error in result.Errors)
            Console.Error.WriteLine($"{Prefix(result)}: {Say(error)}");
        Console.Error.WriteLine();
        var path = VerbPath(result);
        path.Add("--help");
        root.Parse(path).Invoke(new InvocationConfiguration { Output = Console.Error });
        return ExitCodes.Usage;
    }

    /// <summary>A parse error in the user's terms: "--limit 'ten' is not a whole number", not the parser's type names.</summary>
    private static string Say(System.CommandLine.Parsing.ParseError error)
    {
        if (error.SymbolResult is System.CommandLine.Parsing.OptionResult option && error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            var type = Nullable.GetUnderlyingType(option.Option.ValueType) ?? option.Option.ValueType;
            var kind = type == typeof(int) || type == typeof(long) ? "a whole number" : type == typeof(double) ? "a number" : $"a valid value";
            return $"{option.Option.Name} '{string.Join(' ', option.Tokens.Select(t => t.Value))}' is not {kind}";
        }
        return error.Message.Replace("Unrecognized command or argument", "unknown option or argument");
    }

    /// <summary>What messages start with: the verb as typed ("sitrep query", "sitrep gazetteer geocode").</summary>
    private static string Prefix(ParseResult result) => string.Join(' ', VerbPath(result).Prepend("sitrep"));

    private static List<string> VerbPath(ParseResult result)
    {
        var path = new List<string>();
        for (var c = result.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            if (c.Command is not RootCommand)
                path.Insert(0, c.Command.Name);
        return path;
    }

    private static string? Describe(Exception e) => e switch
    {
        StoreException s => s.Message,
        CorruptRecordException c => c.Message,
        QueryException q => q.InText ? $"--text: {q.Message}" : q.Message,
        SqliteException s => EventStore.Describe(s),
        _ => null,
    };

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
        yield return ServeCommand.Create();
        yield return WatchCommand.Create();
        yield return WorkerCommand.Create();
    }
}
