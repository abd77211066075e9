using System.CommandLine;
using System.Globalization;
using Sitrep.Events;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>The event filters query, incidents and export share, defined once and read into an <see cref="EventQuery"/>.</summary>
internal sealed class EventFilterOptions
{
    private readonly Option<string[]> _type = new("--type")
    {
        Description = "Event types (strike, air_defense, ground_combat, territorial_change, cyber, aid, diplomacy, threat, policy, other); repeat or comma-separate",
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string?> _from = new("--from") { Description = "First day, inclusive (YYYY-MM-DD)" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day, inclusive (YYYY-MM-DD)" };
    private readonly Option<string?> _place = new("--place") { Description = "A place by name (Kharkiv)" };
    private readonly Option<string?> _oblast = new("--oblast") { Description = "An oblast (Kharkiv, Kharkiv Oblast)" };
    private readonly Option<string?> _near = new("--near") { Description = "LAT,LON or the name of a place already in the database; with --km" };
    private readonly Option<double> _km = new("--km") { Description = "Radius for --near, in km", DefaultValueFactory = _ => 25 };
    private readonly Option<string?> _actor = new("--actor") { Description = "Actor code on either side (RU, UA, Wagner)" };
    private readonly Option<string?> _weapon = new("--weapon") { Description = "Weapon model (Shahed-136, Kh-101) or class (drone, missile)" };
    private readonly Option<string?> _text = new("--text") { Description = "Full-text search over the evidence (FTS5: words, \"phrases\", OR, NOT, prefix*)" };
    private readonly Option<bool> _noBackground = new("--no-background") { Description = "Leave out events reports mention only as past context" };
    private readonly Option<int?> _limit = new("--limit") { Description = "At most this many rows" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _type, _from, _to, _place, _oblast, _near, _km, _actor, _weapon, _text, _noBackground, _limit })
            command.Options.Add(option);
    }

    /// <summary>The query the options describe, or null after naming the bad value on stderr.</summary>
    public EventQuery? Read(ParseResult result, string verb, EventStore store)
    {
        var types = new List<EventType>();
        foreach (var name in (result.GetValue(_type) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (EventTypes.Parse(name) is not { } type)
                return Fail(verb, $"--type '{name}' is not an event type");
            types.Add(type);
        }
        var from = result.GetValue(_from);
        var to = result.GetValue(_to);
        foreach (var (name, value) in new[] { ("--from", from), ("--to", to) })
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return Fail(verb, $"{name} '{value}' is not a date (YYYY-MM-DD)");

        GeoCircle? near = null;
        if (result.GetValue(_near) is { } nearText)
        {
            var km = result.GetValue(_km);
            if (km <= 0)
                return Fail(verb, $"--km {km} is not a positive distance");
            var point = ParsePoint(nearText) ?? store.Locate(nearText);
            if (point is not { } p)
                return Fail(verb, $"--near '{nearText}' is neither LAT,LON nor a located place in {store.Path}");
            near = new GeoCircle(p.Lat, p.Lon, km);
        }
        var limit = result.GetValue(_limit);
        if (limit is <= 0)
            return Fail(verb, $"--limit {limit} is not a positive number");

        return new EventQuery
        {
            Types = types,
            From = from,
            To = to,
            Place = result.GetValue(_place),
            Oblast = result.GetValue(_oblast),
            Near = near,
            Actor = result.GetValue(_actor),
            Weapon = result.GetValue(_weapon),
            Text = result.GetValue(_text),
            ExcludeBackground = result.GetValue(_noBackground),
            Limit = limit,
        };
    }

    private static (double Lat, double Lon)? ParsePoint(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && Math.Abs(lat) <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && Math.Abs(lon) <= 180
            ? (lat, lon) : null;
    }

    private static EventQuery? Fail(string verb, string problem)
    {
        Console.Error.WriteLine($"sitrep {verb}: {problem}");
        return null;
    }
}

internal static class EventTypes
{
    public static EventType? Parse(string name) =>
        Enum.GetValues<EventType>().Cast<EventType?>().FirstOrDefault(t => Name(t!.Value) == name.ToLowerInvariant());

    public static string Name(EventType type) => System.Text.Json.JsonSerializer.Serialize(type).Trim('"');
}

/// <summary>Opening the database for the verbs that only read it.</summary>
internal static class StoreAccess
{
    /// <summary>The store, or null after saying on stderr why it cannot be opened.</summary>
    public static EventStore? OpenExisting(string path, string verb)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"sitrep {verb}: no database at {path}; fill one with 'sitrep ingest' or name one with --db");
            return null;
        }
        try
        {
            return EventStore.OpenReadOnly(path);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"sitrep {verb}: {e.Message}");
            return null;
        }
    }

    public static StreamWriter Stdout() => new(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
}
