using System.CommandLine;
using Sitrep.Events;
using Sitrep.Store;
using Sitrep.Store.Export;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep query</c>: events from the database, filtered, as a table, JSON Lines or CSV.</summary>
internal sealed class QueryCommand
{
    public static Command Create()
    {
        var filters = new EventFilterOptions();
        var format = CommonOptions.Format("table", required: false, "table", "jsonl", "csv");
        var db = CommonOptions.Database();
        var rank = new Option<bool>("--rank") { Description = "With --text: best matches first (bm25 in SQLite, ts_rank in PostgreSQL) instead of by date" };

        var command = new Command("query", "Find stored events by type, date, place, oblast, distance, actor, claimant, weapon or words in the evidence");
        filters.AddTo(command);
        command.Options.Add(rank);
        command.Options.Add(format);
        command.Options.Add(db);
        command.SetAction(result =>
        {
            using var store = StoreAccess.OpenExisting(result.GetValue(db)!, "query");
            if (store is null)
                return ExitCodes.Usage;
            var query = filters.Read(result, "query", store);
            if (query is null)
                return ExitCodes.Usage;
            if (result.GetValue(rank))
            {
                if (query.Text is null)
                {
                    Console.Error.WriteLine("query: --rank orders by relevance to --text; give --text too");
                    return ExitCodes.Usage;
                }
                query = query with { Rank = true };
            }
            return Run(store, query, result.GetValue(format)!);
        });
        return command;
    }

    private static int Run(IEventReader store, EventQuery query, string format)
    {
        using var stdout = StoreAccess.Stdout();
        try
        {
            var output = new EventOutput(store);
            switch (format)
            {
                case "jsonl":
                    foreach (var e in store.Query(query))
                        stdout.WriteLine(output.Json(e));
                    return ExitCodes.Ok;
                case "csv":
                    EventCsvExporter.Write(store.Query(query), output.SourceOf, stdout);
                    return ExitCodes.Ok;
            }
            var table = new TextTable("date", "type", "places", "oblast", "actor", "weapons", "killed", "injured", "claimed_by", "doc", "id");
            foreach (var e in store.Query(query))
            {
                table.Add(e.Date, e.Subtype is null ? EventTypes.Name(e.Type) : $"{EventTypes.Name(e.Type)}/{e.Subtype}",
                    string.Join("; ", e.Places.Select(p => p.Name)), e.Places.Select(p => p.Admin1).FirstOrDefault(a => a is not null),
                    e.Actor, string.Join("; ", e.Weapons.Select(Weapon)), e.Killed?.ToString(), e.Injured?.ToString(), e.ClaimedBy, e.Doc, e.Id);
            }
            table.WriteTo(stdout);
            Console.Error.WriteLine($"query: {table.Count:N0} events");
            StoreAccess.NoteUndated("query", store, query);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is QueryException or CorruptRecordException)
        {
            stdout.Flush();
            return StoreAccess.Failed("query", store, e);
        }
    }

    private static string Weapon(Weapon w) =>
        (w.Model ?? System.Text.Json.JsonSerializer.Serialize(w.Class).Trim('"'))
        + (w.Launched is { } l ? $" x{l}" : "")
        + (w.Intercepted is { } i ? $" ({i} down)" : "");
}
