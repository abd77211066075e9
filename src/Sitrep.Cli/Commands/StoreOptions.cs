using System.CommandLine;
using System.Globalization;
using Sitrep.Events;
using Sitrep.Geo;
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
    private readonly Option<string?> _from = new("--from") { Description = "First day, inclusive (YYYY-MM-DD); undated events are left out unless --include-undated" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day, inclusive (YYYY-MM-DD)" };
    private readonly Option<bool> _includeUndated = new("--include-undated") { Description = "Let events without a date through --from and --to" };
    private readonly Option<bool> _undated = new("--undated") { Description = "Only events without a date" };
    private readonly Option<string?> _place = new("--place") { Description = "A place by any name the gazetteer knows (Kharkiv, Kharkov, Charkiw)" };
    private readonly Option<string?> _oblast = new("--oblast") { Description = "An oblast (Kharkiv, Kharkiv Oblast, Zaporozhye)" };
    private readonly Option<string?> _near = new("--near") { Description = "LAT,LON or a place name (Kramatorsk); with --km" };
    private readonly Option<double> _km = new("--km") { Description = "Radius for --near, in km", DefaultValueFactory = _ => 25 };
    private readonly Option<string?> _actor = new("--actor") { Description = "An actor on either side, by code or name (RU, Russia, UA, Ukraine, Wagner)" };
    private readonly Option<string?> _claimedBy = new("--claimed-by") { Description = "Who the report attributes the facts to, by code or name (RU, Russia, UA)" };
    private readonly Option<string?> _weapon = new("--weapon") { Description = "Weapon model (Shahed-136, Kh-101) or class (drone, missile)" };
    private readonly Option<string?> _text = new("--text") { Description = "Full-text search over the evidence (FTS5: words, \"phrases\", OR, NOT, prefix*)" };
    private readonly Option<bool> _withCasualties = new("--with-casualties") { Description = "Only events with killed or injured" };
    private readonly Option<bool> _conflicting = new("--conflicting") { Description = "Only events of incidents whose sources give different figures" };
    private readonly Option<bool> _noBackground = new("--no-background") { Description = "Leave out events reports mention only as past context" };
    private readonly Option<int?> _limit = new("--limit") { Description = "At most this many rows" };
    private readonly Option<string?> _gazetteer = CommonOptions.Gazetteer();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _type, _from, _to, _includeUndated, _undated, _place, _oblast, _near, _km, _actor, _claimedBy, _weapon, _text,
                     _withCasualties, _conflicting, _noBackground, _limit, _gazetteer })
            command.Options.Add(option);
    }

    /// <summary>The query the options describe, or null after naming the bad value on stderr.</summary>
    public EventQuery? Read(ParseResult result, string verb, IEventReader store)
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
        if (!CommonOptions.TryDateRange(from, to, verb))
            return null;
        if (result.GetValue(_undated) && (from is not null || to is not null))
            return Fail(verb, "--undated asks for events without a date; it cannot go with --from or --to");

        var place = result.GetValue(_place);
        var oblast = result.GetValue(_oblast);
        var nearText = result.GetValue(_near);
        // The gazetteer is read only when a filter names a place: it knows every spelling.
        var gazetteer = place is not null || oblast is not null || nearText is not null ? CommonOptions.TryLoadGazetteer(result.GetValue(_gazetteer)) : null;

        GeoCircle? near = null;
        if (nearText is not null)
        {
            var km = result.GetValue(_km);
            if (!double.IsFinite(km) || km <= 0 || km > 20_040)
                return Fail(verb, $"--km {km.ToString(CultureInfo.InvariantCulture)} is not a distance (a number of km above 0, at most half the Earth's circumference)");
            var point = ParsePoint(nearText) ?? store.Locate(nearText) ?? Locate(gazetteer, nearText);
            if (point is not { } p)
                return Fail(verb, $"--near '{nearText}' is neither LAT,LON nor a place the gazetteer or {store.Path} knows");
            near = new GeoCircle(p.Lat, p.Lon, km);
        }
        var limit = result.GetValue(_limit);
        if (limit is <= 0)
            return Fail(verb, $"--limit {limit} is not a positive number");

        string? actor = null, claimedBy = null;
        foreach (var (option, value, set) in new (string, string?, Action<string>)[]
                 {
                     ("--actor", result.GetValue(_actor), v => actor = v), ("--claimed-by", result.GetValue(_claimedBy), v => claimedBy = v),
                 })
        {
            if (value is null)
                continue;
            if (ActorNames.Resolve(value) is not { } code)
                return Fail(verb, $"{option} '{value}' is neither an actor code nor a name Sitrep knows (try RU, Russia, UA, Ukraine, US, NATO)");
            set(code);
        }

        var (placeNames, placeIds) = place is null ? ([], []) : PlaceAliases(gazetteer, place);
        return new EventQuery
        {
            Types = types,
            From = from,
            To = to,
            IncludeUndated = result.GetValue(_includeUndated),
            Undated = result.GetValue(_undated),
            Place = place,
            PlaceNames = placeNames,
            PlaceIds = placeIds,
            Oblast = oblast,
            OblastNames = oblast is null ? [] : OblastAliases(gazetteer, oblast),
            Near = near,
            Actor = actor,
            ClaimedBy = claimedBy,
            Weapon = result.GetValue(_weapon),
            Text = result.GetValue(_text),
            WithCasualties = result.GetValue(_withCasualties),
            Conflicting = result.GetValue(_conflicting),
            ExcludeBackground = result.GetValue(_noBackground),
            Limit = limit,
        };
    }

    /// <summary>Canonical names and GeoNames ids of the places (not oblasts or countries) a name can stand for.</summary>
    private static (List<string> Names, List<long> Ids) PlaceAliases(Gazetteer? gazetteer, string name)
    {
        var candidates = gazetteer?.Lookup(name).Where(c => c.Place.Kind is not (PlaceKind.Region or PlaceKind.Country)).ToList() ?? [];
        return (candidates.Select(c => c.Place.Name).Distinct().ToList(), candidates.Select(c => c.Place.GeonamesId).OfType<long>().Distinct().ToList());
    }

    /// <summary>Names of the oblasts a name can stand for ("Zaporozhye" is Zaporizhzhia Oblast).</summary>
    private static List<string> OblastAliases(Gazetteer? gazetteer, string name) =>
        gazetteer?.Lookup(name).Where(c => c.Place.Kind == PlaceKind.Region).Select(c => c.Place.Admin1 ?? c.Place.Name).Distinct().ToList() ?? [];

    /// <summary>The gazetteer's first located settlement for a name, else its first located place.</summary>
    private static (double Lat, double Lon)? Locate(Gazetteer? gazetteer, string name)
    {
        var candidates = gazetteer?.Lookup(name).Where(c => c.Place.Lat is not null && c.Place.Lon is not null).ToList() ?? [];
        var best = candidates.FirstOrDefault(c => c.Place.Kind is PlaceKind.Settlement) ?? candidates.FirstOrDefault();
        return best is null ? null : (best.Place.Lat!.Value, best.Place.Lon!.Value);
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
    /// <summary>
    /// The opened store or queue, or null after saying on stderr why it could not be opened: every
    /// verb that writes answers a refused database the same way, with the usage exit code.
    /// </summary>
    public static T? TryOpen<T>(string verb, Func<T> open) where T : class
    {
        try
        {
            return open();
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"sitrep {verb}: {e.Message}");
            return null;
        }
    }

    /// <summary>The store, or null after saying on stderr why it cannot be opened.</summary>
    public static IEventReader? OpenExisting(string path, string verb)
    {
        if (!EventStores.IsPostgres(path) && Directory.Exists(path))
        {
            Console.Error.WriteLine($"sitrep {verb}: --db {path} is a folder, not a database file");
            return null;
        }
        if (!EventStores.IsPostgres(path) && !File.Exists(path))
        {
            Console.Error.WriteLine($"sitrep {verb}: no database at {path}; fill one with 'sitrep ingest' or name one with --db (or $SITREP_DB)");
            return null;
        }
        try
        {
            return EventStores.OpenForReading(path);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"sitrep {verb}: {e.Message}");
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitrep {verb}: {path}: no permission to read the database");
            return null;
        }
    }

    /// <summary>
    /// Says on stderr how many undated events a date filter left out, so they do not drop out
    /// unnoticed; --include-undated lets them through.
    /// </summary>
    public static void NoteUndated(string verb, IEventReader store, EventQuery query)
    {
        if (query.From is null && query.To is null || query.IncludeUndated)
            return;
        var undated = store.Count(query with { From = null, To = null, Undated = true, Limit = null });
        if (undated > 0)
            Console.Error.WriteLine($"{verb}: {undated:N0} undated events match the other filters and were left out by --from/--to; add --include-undated to see them");
    }

    public static StreamWriter Stdout() => new(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);

    /// <summary>Reports a query the database could not run, naming --text only when the expression is at fault.</summary>
    public static int Failed(string verb, IEventReader store, Exception e)
    {
        Console.Out.Flush();
        Console.Error.WriteLine(e switch
        {
            QueryException { InText: true } q => $"sitrep {verb}: --text: {q.Message}",
            QueryException q => $"sitrep {verb}: {store.Path}: {q.Message}",
            _ => $"sitrep {verb}: {store.Path}: {e.Message}",
        });
        return ExitCodes.Usage;
    }
}
