using System.CommandLine;
using Sitrep.Store;
using Sitrep.Store.Export;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep export</c>: events as JSON Lines; incidents as ACLED-layout CSV, GeoJSON or Parquet.</summary>
internal sealed class ExportCommand
{
    public static Command Create()
    {
        var filters = new EventFilterOptions();
        var format = CommonOptions.Format("", required: true, "jsonl", "csv", "geojson", "parquet");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var db = CommonOptions.Database();

        var command = new Command("export", "Export the database for other tools: JSONL (events), ACLED-layout CSV, GeoJSON or Parquet (incidents)");
        filters.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(db);
        command.SetAction(result =>
        {
            var dbPath = result.GetValue(db)!;
            var outputPath = result.GetValue(output);
            if (outputPath is not null && !EventStores.IsPostgres(dbPath) && SameFile(outputPath, dbPath))
            {
                Console.Error.WriteLine($"sitrep export: -o {outputPath} is the database itself (--db {dbPath}); writing there would destroy it. Name another file.");
                return ExitCodes.Usage;
            }
            using var store = StoreAccess.OpenExisting(dbPath, "export");
            if (store is null)
                return ExitCodes.Usage;
            var query = filters.Read(result, "export", store);
            return query is null ? ExitCodes.Usage : Run(store, query, result.GetValue(format)!, outputPath);
        });
        return command;
    }

    /// <summary>Whether two paths name one file, also through symbolic links or the database's own -wal and -shm files.</summary>
    private static bool SameFile(string output, string database)
    {
        static string Real(string path)
        {
            var full = Path.GetFullPath(path);
            try
            {
                return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : full;
            }
            catch (IOException)
            {
                return full;
            }
        }
        var (o, d) = (Real(output), Real(database));
        return o == d || o == d + "-wal" || o == d + "-shm" || o == d + "-journal";
    }

    private static int Run(IEventReader store, EventQuery query, string format, string? outputPath)
    {
        Stream stream;
        try
        {
            stream = outputPath is null ? Console.OpenStandardOutput() : File.Create(outputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitrep export: -o {outputPath}: {e.Message}");
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
                        var events = new EventOutput(store);
                        var n = 0;
                        foreach (var e in store.Query(query))
                        {
                            writer.WriteLine(events.Json(e));
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
                    case "parquet":
                    {
                        var n = ParquetExporter.Write(store.QueryIncidents(query), stream);
                        Console.Error.WriteLine($"export: {n:N0} incidents");
                        break;
                    }
                    default:
                    {
                        using var buffered = new BufferedStream(stream, 1 << 16);
                        var (written, unlocated, countryLevel) = GeoJsonExporter.Write(store.QueryIncidents(query), buffered);
                        Console.Error.WriteLine($"export: {written:N0} incidents"
                            + (unlocated > 0 ? $"; {unlocated:N0} without coordinates left out" : "")
                            + (countryLevel > 0 ? $"; {countryLevel:N0} known only by country left out (a centroid is not where they happened)" : ""));
                        break;
                    }
                }
            }
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is QueryException or CorruptRecordException)
        {
            return StoreAccess.Failed("export", store, e);
        }
    }
}
