using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep stats</c>: daily missiles and drones launched and intercepted, killed and injured; incidents by type and by oblast.</summary>
internal sealed class StatsCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "First day, inclusive (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Last day, inclusive (YYYY-MM-DD)" };
        var format = new Option<string>("--format") { Description = "table (for people) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var db = CommonOptions.Database();

        var command = new Command("stats", "Daily series and breakdowns; each incident counts once, with its most conservative figures");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(format);
        command.Options.Add(db);
        command.SetAction(result =>
        {
            foreach (var (name, value) in new[] { ("--from", result.GetValue(from)), ("--to", result.GetValue(to)) })
            {
                if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    Console.Error.WriteLine($"sitrep stats: {name} '{value}' is not a date (YYYY-MM-DD)");
                    return ExitCodes.Usage;
                }
            }
            using var store = StoreAccess.OpenExisting(result.GetValue(db)!, "stats");
            if (store is null)
                return ExitCodes.Usage;
            var stats = store.Statistics(result.GetValue(from), result.GetValue(to));
            using var stdout = StoreAccess.Stdout();
            if (result.GetValue(format) == "json")
                stdout.WriteLine(JsonSerializer.Serialize(stats, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            else
                Write(stats, stdout);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(StoreStatistics stats, TextWriter output)
    {
        output.WriteLine($"{stats.Totals.Documents:N0} documents, {stats.Totals.Events:N0} events, {stats.Totals.Incidents:N0} incidents");
        output.WriteLine();
        output.WriteLine("Daily");
        var daily = new TextTable("date", "incidents", "missiles", "intercepted", "drones", "intercepted", "killed", "injured");
        foreach (var d in stats.Daily)
            daily.Add(d.Date, N(d.Incidents), N(d.MissilesLaunched), N(d.MissilesIntercepted), N(d.DronesLaunched), N(d.DronesIntercepted), N(d.Killed), N(d.Injured));
        daily.WriteTo(output);
        foreach (var (title, groups) in new[] { ("By type", stats.ByType), ("By oblast", stats.ByOblast) })
        {
            output.WriteLine();
            output.WriteLine(title);
            var table = new TextTable(title == "By type" ? "type" : "oblast", "incidents", "reports", "killed", "injured");
            foreach (var g in groups)
                table.Add(g.Key, N(g.Incidents), N(g.Reports), N(g.Killed), N(g.Injured));
            table.WriteTo(output);
        }
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
