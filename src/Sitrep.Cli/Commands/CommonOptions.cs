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
        Description = "SQLite database file",
        DefaultValueFactory = _ => "sitrep.db",
    };

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
}
