using System.Globalization;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Index;

internal sealed record RegionOverride(string ShortName, string RegionName, string[] Aliases, long GeonamesId);

internal sealed record CuratedCountry(string Code, string Name, string[] Aliases, double Lat, double Lon, long GeonamesId);

internal sealed record Venue(string Name, string[] Aliases, long SettlementId);

internal sealed record ExtraPlace(string Name, string[] Aliases, PlaceKind Kind, string Country, string Admin1Key, double Lat, double Lon);

/// <summary>Sitrep's own tables the builder folds into the index (Data/*.tsv).</summary>
internal sealed class CuratedTables
{
    public Dictionary<string, RegionOverride> Regions { get; } = new(StringComparer.Ordinal);
    public List<CuratedCountry> Countries { get; } = [];
    public List<ExtraPlace> Extras { get; } = [];
    public List<Venue> Venues { get; } = [];
    public HashSet<string> RegionWords { get; }
    public HashSet<string> WaterWords { get; }

    public CuratedTables(string dataDir)
    {
        RegionWords = GeoData.ReadWordSet(dataDir, "region-words.txt");
        WaterWords = GeoData.ReadWordSet(dataDir, "water-words.txt");
        foreach (var r in GeoData.ReadTable(dataDir, "region-names.tsv"))
            Regions[r[0]] = new RegionOverride(GeoData.Field(r, 1), GeoData.Field(r, 2), Split(GeoData.Field(r, 3)),
                long.TryParse(GeoData.Field(r, 4), out var regionId) ? regionId : 0);
        foreach (var r in GeoData.ReadTable(dataDir, "countries.tsv"))
            Countries.Add(new CuratedCountry(r[0], r[1], Split(GeoData.Field(r, 2)), Number(r, 3, "countries.tsv"), Number(r, 4, "countries.tsv"),
                long.TryParse(GeoData.Field(r, 5), out var id) ? id : 0));
        foreach (var r in GeoData.ReadTable(dataDir, "extra-places.tsv"))
        {
            var kind = Enum.TryParse<PlaceKind>(GeoData.Field(r, 2), ignoreCase: true, out var k)
                ? k : throw new InvalidDataException($"extra-places.tsv: unknown kind '{GeoData.Field(r, 2)}' for {r[0]}");
            Extras.Add(new ExtraPlace(r[0], Split(GeoData.Field(r, 1)), kind, GeoData.Field(r, 3), GeoData.Field(r, 4),
                Number(r, 5, "extra-places.tsv"), Number(r, 6, "extra-places.tsv")));
        }
        foreach (var r in GeoData.ReadTable(dataDir, "venues.tsv"))
            Venues.Add(new Venue(r[0], Split(GeoData.Field(r, 1)),
                long.TryParse(GeoData.Field(r, 2), out var settlement) && settlement > 0
                    ? settlement : throw new InvalidDataException($"venues.tsv: '{r[0]}' has no GeoNames settlement id in column 3")));
    }

    /// <summary>"Belgorod Oblast" → "Belgorod"; "Tatarstan Republic" → "Tatarstan"; a name that is only region words stays.</summary>
    public string StripRegionWords(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !RegionWords.Contains(TextFold.Skeleton(w)) && !w.Equals("of", StringComparison.OrdinalIgnoreCase)).ToArray();
        return kept.Length == 0 ? name : string.Join(' ', kept);
    }

    private static string[] Split(string field) =>
        field.Length == 0 ? [] : field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double Number(string[] row, int i, string file) =>
        double.TryParse(GeoData.Field(row, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new InvalidDataException($"{file}: '{row[0]}' has no number in column {i + 1}");
}
