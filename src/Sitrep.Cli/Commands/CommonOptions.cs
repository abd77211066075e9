using System.CommandLine;
using Sitrep.Geo;

namespace Sitrep.Cli.Commands;

/// <summary>Options several verbs share, defined once.</summary>
internal static class CommonOptions
{
    public static Option<string?> Gazetteer() => new("--gazetteer")
    {
        Description = "Place index built by 'sitrep gazetteer build' (default: $SITREP_GAZETTEER, else .cache/gazetteer.idx)",
    };

    public static Option<string> Database() => new("--db")
    {
        Description = "SQLite database file, or for ingest, query, incidents, export and stats a PostgreSQL server as postgres://user@host:port/database (default: $SITREP_DB, else sitrep.db)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SITREP_DB") is { Length: > 0 } fromEnvironment ? fromEnvironment : "sitrep.db",
    };

    /// <summary>
    /// The --format option, one vocabulary for every verb: table (for people), jsonl (one JSON
    /// object a line), csv, geojson, parquet; each verb accepts the ones that fit what it writes.
    /// </summary>
    public static Option<string> Format(string defaultValue, bool required, params string[] accepted)
    {
        var option = new Option<string>("--format")
        {
            Description = $"{string.Join(", ", accepted)} (table: for people; jsonl: one JSON object a line; csv: ACLED's columns; geojson: points; parquet: for pandas, R, DuckDB)",
            Required = required,
        };
        if (!required)
            option.DefaultValueFactory = _ => defaultValue;
        option.AcceptOnlyFromAmong(accepted);
        return option;
    }

    /// <summary>
    /// Refuses a misspelt option (--formt) instead of reading it as a file name. A file whose
    /// name starts with '-' can still be given as ./-name.
    /// </summary>
    public static void RejectOptionLikePaths(Argument<string[]> paths) =>
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-') && token.Value.Length > 1)
                    result.AddError($"unknown option '{token.Value}' (a file whose name starts with '-' can be given as ./{token.Value})");
        });

    /// <summary>Loads the named or default gazetteer, or explains on stderr how to build one.</summary>
    public static Gazetteer? LoadGazetteer(string? path)
    {
        path ??= Geo.Gazetteer.DefaultPath();
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine($"sitrep: no place index found{(path is null ? "" : $" at {path}")}; build one with './sitrep gazetteer build' or name one with --gazetteer");
            return null;
        }
        try
        {
            return Geo.Gazetteer.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitrep: {path}: cannot load the place index: {e.Message}");
            return null;
        }
    }

    /// <summary>The gazetteer when one is at hand, else null without a word: filters then match names as written.</summary>
    public static Gazetteer? TryLoadGazetteer(string? path)
    {
        path ??= Geo.Gazetteer.DefaultPath();
        if (path is null || !File.Exists(path))
            return null;
        try
        {
            return Geo.Gazetteer.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A date option's value, or an error naming the option.</summary>
    public static bool TryDate(string option, string? value, string verb)
    {
        if (value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            return true;
        Console.Error.WriteLine($"sitrep {verb}: {option} '{value}' is not a date (YYYY-MM-DD)");
        return false;
    }

    /// <summary>Checks --from and --to: dates, and not the wrong way round.</summary>
    public static bool TryDateRange(string? from, string? to, string verb)
    {
        if (!TryDate("--from", from, verb) || !TryDate("--to", to, verb))
            return false;
        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0)
        {
            Console.Error.WriteLine($"sitrep {verb}: --from {from} is after --to {to}; nothing could match");
            return false;
        }
        return true;
    }
}
