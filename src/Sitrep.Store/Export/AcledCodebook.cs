using System.Reflection;

namespace Sitrep.Store.Export;

/// <summary>ACLED's classification of one Sitrep event.</summary>
public sealed record AcledType(string DisorderType, string EventType, string SubEventType);

/// <summary>An ACLED actor name and its 'inter' category.</summary>
public sealed record AcledActor(string Name, string? Inter);

/// <summary>The country fields of an ACLED row.</summary>
public sealed record AcledCountry(string Name, int Iso, string Iso3, string Region);

/// <summary>Sitrep's codes mapped to ACLED's, read from the data files in Data/ (embedded).</summary>
internal sealed class AcledCodebook
{
    private readonly Dictionary<(string Type, string Key), AcledType> _types;
    private readonly Dictionary<string, AcledActor> _actors;
    private readonly Dictionary<string, AcledCountry> _countries;
    private readonly Dictionary<string, string> _scales;

    private AcledCodebook(
        Dictionary<(string, string), AcledType> types, Dictionary<string, AcledActor> actors, Dictionary<string, AcledCountry> countries,
        Dictionary<string, string> scales)
    {
        _types = types;
        _actors = actors;
        _countries = countries;
        _scales = scales;
    }

    public static AcledCodebook Default { get; } = Load();

    /// <summary>The row for (type, subtype), else (type, *); every Sitrep type has a * row.</summary>
    public AcledType Type(string type, string? subtype) =>
        (subtype is not null && _types.TryGetValue((type, subtype.ToLowerInvariant()), out var exact)) ? exact
        : _types.TryGetValue((type, "*"), out var any) ? any
        : _types[("other", "*")];

    /// <summary>Whether the mapping file has a catch-all row for the type.</summary>
    public bool HasRow(string type) => _types.ContainsKey((type, "*"));

    /// <summary>Every actor code the table maps, with its ACLED name.</summary>
    public IEnumerable<(string Code, AcledActor Actor)> Actors => _actors.Select(a => (a.Key, a.Value));

    /// <summary>
    /// ACLED's name for an actor code: from the actor table; a country the table does not list
    /// becomes "Military Forces of" the country, an outside force; anything else stays as written.
    /// </summary>
    public AcledActor? Actor(string? code) =>
        code is null ? null
        : _actors.TryGetValue(code, out var a) ? a
        : _countries.TryGetValue(code, out var c) ? new AcledActor($"Military Forces of {c.Name}", "External/Other forces")
        : new AcledActor(code, null);

    /// <summary>ACLED's source_scale of an outlet, or null when the outlet is not in the table.</summary>
    public string? SourceScale(string source) => _scales.GetValueOrDefault(source.Trim());

    public AcledCountry? Country(string? iso2) =>
        iso2 is not null && _countries.TryGetValue(iso2, out var c) ? c : null;

    private static AcledCodebook Load()
    {
        var types = Rows("acled-types.csv").ToDictionary(r => (r[0], r[1]), r => new AcledType(r[2], r[3], r[4]));
        var actors = Rows("acled-actors.csv").ToDictionary(r => r[0], r => new AcledActor(r[1], r[2] == "" ? null : r[2]), StringComparer.OrdinalIgnoreCase);
        var countries = Rows("countries.csv").ToDictionary(r => r[0], r => new AcledCountry(r[1], int.Parse(r[2]), r[3], r[4]), StringComparer.OrdinalIgnoreCase);
        var scales = Rows("source-scales.csv").ToDictionary(r => r[0], r => r[1], StringComparer.OrdinalIgnoreCase);
        return new AcledCodebook(types, actors, countries, scales);
    }

    /// <summary>Data rows of an embedded CSV: '#' lines are comments, the first other line the header. No field holds a comma.</summary>
    private static IEnumerable<string[]> Rows(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Sitrep.Store.Data.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded in Sitrep.Store.");
        using var reader = new StreamReader(stream);
        var header = true;
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (header)
            {
                header = false;
                continue;
            }
            rows.Add(line.Split(',').Select(f => f.Trim()).ToArray());
        }
        return rows;
    }
}
