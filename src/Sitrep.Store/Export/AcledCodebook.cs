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

    private AcledCodebook(
        Dictionary<(string, string), AcledType> types, Dictionary<string, AcledActor> actors, Dictionary<string, AcledCountry> countries)
    {
        _types = types;
        _actors = actors;
        _countries = countries;
    }

    public static AcledCodebook Default { get; } = Load();

    /// <summary>The row for (type, subtype), else (type, *); every Sitrep type has a * row.</summary>
    public AcledType Type(string type, string? subtype) =>
        (subtype is not null && _types.TryGetValue((type, subtype.ToLowerInvariant()), out var exact)) ? exact
        : _types.TryGetValue((type, "*"), out var any) ? any
        : _types[("other", "*")];

    /// <summary>Whether the mapping file has a catch-all row for the type.</summary>
    public bool HasRow(string type) => _types.ContainsKey((type, "*"));

    public AcledActor? Actor(string? code) =>
        code is null ? null : _actors.TryGetValue(code, out var a) ? a : new AcledActor(code, null);

    public AcledCountry? Country(string? iso2) =>
        iso2 is not null && _countries.TryGetValue(iso2, out var c) ? c : null;

    private static AcledCodebook Load()
    {
        var types = Rows("acled-types.csv").ToDictionary(r => (r[0], r[1]), r => new AcledType(r[2], r[3], r[4]));
        var actors = Rows("acled-actors.csv").ToDictionary(r => r[0], r => new AcledActor(r[1], r[2] == "" ? null : r[2]), StringComparer.OrdinalIgnoreCase);
        var countries = Rows("countries.csv").ToDictionary(r => r[0], r => new AcledCountry(r[1], int.Parse(r[2]), r[3], r[4]), StringComparer.OrdinalIgnoreCase);
        return new AcledCodebook(types, actors, countries);
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
