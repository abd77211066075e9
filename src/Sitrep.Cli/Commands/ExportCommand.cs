using System.CommandLine;
using Sitrep.Events;
using Sitrep.Store;
using Sitrep.Store.Export;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep export</c>: events as JSON Lines, incidents as ACLED-layout CSV or a GeoJSON FeatureCollection.</summary>
internal sealed class ExportCommand
{
    public static Command Create()
    {
        var filters = new EventFilterOptions();
        var format = new Option<string>("--format")
        {
            Description = "jsonl (event records), csv (incidents in ACLED's columns) or geojson (incidents as points)",
            Required = true,
        };
        format.AcceptOnlyFromAmong("jsonl", "csv", "geojson");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var db = CommonOptions.Database();

        var command = new Command("export", "Export the database for other tools: JSONL, ACLED-layout CSV, GeoJSON");
        filters.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(db);
        command.SetAction(result =>
        {
            using var store = StoreAccess.OpenExisting(result.GetValue(db)!, "export");
            if (store is null)
                return ExitCodes.Usage;
            var query = filters.Read(result, "export", store);
            return query is null ? ExitCodes.Usage : Run(store, query, result.GetValue(format)!, result.GetValue(output));
        });
        return command;
    }

    private static int Run(EventStore store, EventQuery query, string format, string? outputPath)
    {
        Stream stream;
        try
        {
            stream = outputPath is null ? Console.OpenStandardOutput() : File.Create(outputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitrep export: {outputPath}: {e.Message}");
            return ExitCodes.Usage;
        }
        try
        {
            using (stream)
            {
                switch (format)
                {
                    case "jsonl":
                    {
                        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
                        var n = 0;
                        foreach (var e in store.Query(query))
                        {
                            writer.WriteLine(EventJson.Serialize(e));
                            n++;
                        }
                        Console.Error.WriteLine($"export: {n:N0} events");
                        break;
                    }
                    case "csv":
                    {
                        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
                        var n = AcledCsvExporter.Write(store.QueryIncidents(query), writer);
                        Console.Error.WriteLine($"export: {n:N0} incidents");
                        break;
                    }
                    default:
                    {
                        using var buffered = new BufferedStream(stream, 1 << 16);
                        var (written, unlocated) = GeoJsonExporter.Write(store.QueryIncidents(query), buffered);
                        Console.Error.WriteLine($"export: {written:N0} incidents" + (unlocated > 0 ? $"; {unlocated:N0} without coordinates left out" : ""));
                        break;
                    }
                }
            }
            return ExitCodes.Ok;
        }
        catch (QueryException e)
        {
            Console.Error.WriteLine($"sitrep export: --text: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
