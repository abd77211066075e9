using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep stats</c>: daily incidents, killed and injured; launched and intercepted by weapon,
/// launching side and claimant; incidents by type and by oblast. Unknown figures print as "-".
/// </summary>
internal sealed class StatsCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "First day, inclusive (YYYY-MM-DD)" };
        var to = new Option<string?>("--to") { Description = "Last day, inclusive (YYYY-MM-DD)" };
        var type = new Option<string[]>("--type") { Description = "Event types; repeat or comma-separate", AllowMultipleArgumentsPerToken = true };
        var actor = new Option<string?>("--actor") { Description = "An actor on either side, by code or name (RU, Russia)" };
        var oblast = new Option<string?>("--oblast") { Description = "An oblast (Kharkiv)" };
        var claimedBy = new Option<string?>("--claimed-by") { Description = "Count only what this claimant says (UA, Russia)" };
        var format = CommonOptions.Format("table", required: false, "table", "jsonl");
        var db = CommonOptions.Database();

        var command = new Command("stats", "Daily series and breakdowns; each incident counts once, with its most conservative figures");
        foreach (var option in new Option[] { from, to, type, actor, oblast, claimedBy, format, db })
            command.Options.Add(option);
        command.SetAction(result =>
        {
            if (!CommonOptions.TryDateRange(result.GetValue(from), result.GetValue(to), "stats"))
                return ExitCodes.Usage;
            var types = new List<EventType>();
            foreach (var name in (result.GetValue(type) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                if (EventTypes.Parse(name) is not { } t)
                {
                    Console.Error.WriteLine($"sitrep stats: --type '{name}' is not an event type");
                    return ExitCodes.Usage;
                }
                types.Add(t);
            }
            string? actorCode = null, claimantCode = null;
            foreach (var (option, value, isClaimant) in new[] { ("--actor", result.GetValue(actor), false), ("--claimed-by", result.GetValue(claimedBy), true) })
            {
                if (value is null)
                    continue;
                if (ActorNames.Resolve(value) is not { } code)
                {
                    Console.Error.WriteLine($"sitrep stats: {option} '{value}' is neither an actor code nor a name Sitrep knows (try RU, Russia, UA, Ukraine)");
                    return ExitCodes.Usage;
                }
                if (isClaimant)
                    claimantCode = code;
                else
                    actorCode = code;
            }
            var query = new StatsQuery
            {
                From = result.GetValue(from), To = result.GetValue(to), Types = types, Oblast = result.GetValue(oblast),
                Actor = actorCode, ClaimedBy = claimantCode,
            };
            using var store = StoreAccess.OpenExisting(result.GetValue(db)!, "stats");
            if (store is null)
                return ExitCodes.Usage;
            var stats = store.Statistics(query);
            using var stdout = StoreAccess.Stdout();
            if (result.GetValue(format) == "jsonl")
                stdout.WriteLine(JsonSerializer.Serialize(stats, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            else
                Write(stats, stdout);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(StoreStatistics stats, TextWriter output)
    {
        output.WriteLine($"{stats.Totals.Documents:N0} documents, {stats.Totals.Events:N0} events, {stats.Totals.Incidents:N0} incidents in the database; '-' is unknown, not zero");
        output.WriteLine();
        output.WriteLine("Daily");
        var daily = new TextTable("date", "incidents", "killed", "injured");
        foreach (var d in stats.Daily)
            daily.Add(d.Date, N(d.Incidents), N(d.Killed), N(d.Injured));
        daily.WriteTo(output);
        output.WriteLine();
        output.WriteLine("Weapons (launching side, as each claimant counts them)");
        var weapons = new TextTable("date", "launched_by", "claimant", "weapon", "incidents", "launched", "intercepted");
        foreach (var w in stats.Weapons)
            weapons.Add(w.Date, w.LaunchedBy, w.Claimant, w.Weapon, N(w.Incidents), N(w.Launched), N(w.Intercepted));
        weapons.WriteTo(output);
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

    private static string? N(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture);
}
