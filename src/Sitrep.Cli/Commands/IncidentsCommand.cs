using System.CommandLine;
using System.Text.Json;
using Sitrep.Store;
using Sitrep.Store.Export;
using Sitrep.Store.Incidents;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep incidents</c>: reports of the same incident clustered, with every source's figures and the best one.</summary>
internal sealed class IncidentsCommand
{
    private static readonly JsonSerializerOptions JsonLines = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var filters = new EventFilterOptions();
        var id = new Option<long?>("--id") { Description = "Show one incident in full: its reports, every figure each source gives, who claims it" };
        var format = CommonOptions.Format("table", required: false, "table", "jsonl", "csv", "geojson", "parquet");
        var db = CommonOptions.Database();

        var command = new Command("incidents", "List incidents (reports of one event from several documents) or show one with --id");
        filters.AddTo(command);
        command.Options.Add(id);
        command.Options.Add(format);
        command.Options.Add(db);
        command.SetAction(result =>
        {
            using var store = StoreAccess.OpenExisting(result.GetValue(db)!, "incidents");
            if (store is null)
                return ExitCodes.Usage;
            var chosen = result.GetValue(format)!;
            if (result.GetValue(id) is { } one)
            {
                if (chosen is not ("table" or "jsonl"))
                {
                    Console.Error.WriteLine($"sitrep incidents: --id shows one incident as table or jsonl, not {chosen}");
                    return ExitCodes.Usage;
                }
                return Show(store, one, chosen == "jsonl");
            }
            var query = filters.Read(result, "incidents", store);
            return query is null ? ExitCodes.Usage : List(store, query, chosen);
        });
        return command;
    }

    private static int List(IEventReader store, EventQuery query, string format)
    {
        using var stdout = StoreAccess.Stdout();
        try
        {
            switch (format)
            {
                case "jsonl":
                    foreach (var row in store.QueryIncidents(query))
                        stdout.WriteLine(JsonSerializer.Serialize(row, JsonLines));
                    return ExitCodes.Ok;
                case "csv":
                    AcledCsvExporter.Write(store.QueryIncidents(query), stdout);
                    return ExitCodes.Ok;
                case "geojson":
                    stdout.Flush();
                    GeoJsonExporter.Write(store.QueryIncidents(query), stdout.BaseStream);
                    return ExitCodes.Ok;
                case "parquet":
                    stdout.Flush();
                    ParquetExporter.Write(store.QueryIncidents(query), stdout.BaseStream);
                    return ExitCodes.Ok;
            }
            var table = new TextTable("id", "date", "type", "place", "oblast", "actor", "reports", "killed", "injured", "sources");
            foreach (var i in store.QueryIncidents(query))
                table.Add(i.Id.ToString(), i.DateMin == i.DateMax ? i.DateMin : $"{i.DateMin}..{i.DateMax}", i.Subtype is null ? i.Type : $"{i.Type}/{i.Subtype}",
                    i.Place, i.Admin1, i.Actor, i.ReportCount.ToString(), Range(i.KilledBest, i.KilledMin, i.KilledMax),
                    Range(i.InjuredBest, i.InjuredMin, i.InjuredMax), i.Sources);
            table.WriteTo(stdout);
            Console.Error.WriteLine($"incidents: {table.Count:N0}");
            StoreAccess.NoteUndated("incidents", store, query);
            return ExitCodes.Ok;
        }
        catch (QueryException e)
        {
            stdout.Flush();
            return StoreAccess.Failed("incidents", store, e);
        }
    }

    private static int Show(IEventReader store, long id, bool json)
    {
        Incident? incident;
        try
        {
            incident = store.GetIncident(id);
        }
        catch (CorruptRecordException e)
        {
            return StoreAccess.Failed("incidents", store, e);
        }
        if (incident is null)
        {
            // A merged incident's id still leads somewhere: ids are stable, merges recorded.
            Console.Error.WriteLine(store.MergedInto(id) is { } into
                ? $"sitrep incidents: incident {id} was merged into incident {into}; see --id {into}"
                : $"sitrep incidents: no incident {id} in {store.Path}");
            return ExitCodes.Usage;
        }
        using var stdout = StoreAccess.Stdout();
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(incident, JsonLines));
            return ExitCodes.Ok;
        }
        stdout.WriteLine($"incident {incident.Id}: {EventTypes.Name(incident.Type)}{(incident.Subtype is null ? "" : "/" + incident.Subtype)}, " +
                         $"{incident.DateFirst ?? "date unknown"}{(incident.DateLast != incident.DateFirst ? ".." + incident.DateLast : "")}, " +
                         $"{incident.Place ?? "place unknown"}{(incident.Admin1 is null ? "" : $" ({incident.Admin1})")}");
        stdout.WriteLine($"actor: {incident.Actor ?? "-"}  target: {incident.TargetActor ?? "-"}  claimed by: {(incident.ClaimedBy.Count == 0 ? "-" : string.Join(", ", incident.ClaimedBy))}");
        foreach (var (name, figure) in new[]
                 {
                     (Measures.Killed, incident.Killed), (Measures.Injured, incident.Injured),
                     (Measures.MissilesLaunched, incident.MissilesLaunched), (Measures.MissilesIntercepted, incident.MissilesIntercepted),
                     (Measures.DronesLaunched, incident.DronesLaunched), (Measures.DronesIntercepted, incident.DronesIntercepted),
                 })
        {
            if (figure is not null)
                stdout.WriteLine($"{name}: {figure.Value}  range {figure.Min}-{figure.Max}  rule: {figure.Rule}");
        }
        stdout.WriteLine();
        var reports = new TextTable("doc", "source", "published", "event", "date", "places", "killed", "injured", "claimed_by");
        foreach (var r in incident.Reports)
            reports.Add(r.Doc, r.Source, r.Published, r.Event.Id, r.Event.Date, string.Join("; ", r.Event.Places.Select(p => p.Name)),
                r.Event.Killed?.ToString(), r.Event.Injured?.ToString(), r.Event.ClaimedBy);
        reports.WriteTo(stdout);
        stdout.WriteLine();
        var figures = new TextTable("figure", "value", "source", "doc", "claimed_by");
        foreach (var f in incident.Figures)
            figures.Add(f.Figure, f.Value.ToString(), f.Source, f.Doc, f.ClaimedBy);
        figures.WriteTo(stdout);
        stdout.WriteLine();
        var claims = new TextTable("claimant", "figure", "best", "range", "reports");
        foreach (var c in incident.ByClaimant)
            claims.Add(c.Claimant, c.Figure, c.Best.Value.ToString(), $"{c.Best.Min}-{c.Best.Max}", c.Reports.ToString());
        claims.WriteTo(stdout);
        stdout.WriteLine();
        foreach (var r in incident.Reports.DistinctBy(r => r.Doc))
            stdout.WriteLine($"{r.Doc}: {r.Source ?? "-"}  {r.Title ?? "-"}  {r.Url ?? "-"}");
        return ExitCodes.Ok;
    }

    private static string? Range(long? best, long? min, long? max) =>
        best is null ? null : min == max ? $"{best}" : $"{best} ({min}-{max})";
}
