using System.Text.Json;
using Sitrep.Geo.Tests.Support;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Tests;

/// <summary>
/// Runs recognizer and geocoder over the dev articles in ../shared/eval/dev and checks every gold
/// place the way the scorer does (name or alias folded, or settlements within 25 km).
/// </summary>
public class DevSetTests
{
    private sealed record GoldPlace(string Doc, string Name, string[] Aliases, string Kind, double? Lat, double? Lon);

    private static IEnumerable<(string Doc, string Text, List<GoldPlace> Gold)> Documents()
    {
        foreach (var goldPath in Directory.GetFiles(SharedGeo.EvalDev!, "*.gold.json").Order(StringComparer.Ordinal))
        {
            var doc = Path.GetFileName(goldPath)[..^".gold.json".Length];
            var text = File.ReadAllText(Path.Combine(SharedGeo.EvalDev!, doc + ".txt"));
            using var json = JsonDocument.Parse(File.ReadAllText(goldPath));
            var places = new List<GoldPlace>();
            foreach (var ev in json.RootElement.GetProperty("events").EnumerateArray())
                foreach (var p in ev.GetProperty("places").EnumerateArray())
                    places.Add(new GoldPlace(doc, p.GetProperty("name").GetString()!,
                        p.TryGetProperty("aliases", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToArray() : [],
                        p.GetProperty("kind").GetString()!,
                        p.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number ? lat.GetDouble() : null,
                        p.TryGetProperty("lon", out var lon) && lon.ValueKind == JsonValueKind.Number ? lon.GetDouble() : null));
            yield return (doc, text, places);
        }
    }

    private static bool NameMatches(Place p, GoldPlace gold)
    {
        var names = gold.Aliases.Append(gold.Name).Select(n => TextFold.Fold(n)).ToHashSet();
        return names.Contains(TextFold.Fold(p.Name)) || names.Contains(TextFold.Fold(p.Mention));
    }

    private static bool Near(Place p, GoldPlace gold) =>
        gold.Lat is { } lat && gold.Lon is { } lon && p.Lat is not null && Geocode.Km(p, lat, lon) <= 25;

    [FactRequiresSharedGeo(needsCities: true)]
    public void Every_gold_place_of_the_dev_set_is_found_and_settlements_land_within_25_km()
    {
        var failures = new List<string>();
        foreach (var (doc, text, gold) in Documents())
        {
            var places = Geocode.All(SharedGeo.Full, text).Where(r => r.Place is not null).Select(r => r.Place!).ToList();
            foreach (var g in gold.DistinctBy(g => g.Name))
            {
                var matching = places.Where(p => NameMatches(p, g) || g.Kind is "settlement" or "facility"
                                                 && p.Kind is PlaceKind.Settlement or PlaceKind.Facility && Near(p, g)).ToList();
                if (matching.Count == 0)
                    failures.Add($"{doc}: {g.Name} not found");
                else if (g.Kind == "settlement" && g.Lat is not null && !matching.Any(p => Near(p, g)))
                    failures.Add($"{doc}: {g.Name} found as {string.Join(", ", matching.Select(p => $"{p.Name} {p.Lat},{p.Lon}"))}, not within 25 km");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [FactRequiresSharedGeo(needsCities: true)]
    public void People_organisations_and_page_furniture_in_the_dev_set_do_not_become_places()
    {
        string[] notPlaces = ["Zelensky", "Zelensyy", "Rutte", "Putin", "Syrskyi", "Syrskryi", "Peskov", "Biden", "Pelosi", "Kyivstar",
            "Sberbank", "Maxar", "Read", "Advertisement", "Comments", "Oscar", "Independent", "Victory", "Popov", "Sundance", "Wagner"];
        var wrong = new List<string>();
        foreach (var (doc, text, _) in Documents())
            foreach (var (m, p) in Geocode.All(SharedGeo.Full, text))
                if (p is not null && notPlaces.Contains(m.Name))
                    wrong.Add($"{doc}: '{m.Text}' became {p.Name} ({p.Country})");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [FactRequiresSharedGeo]
    public void Namesake_villages_of_the_full_ukraine_file_are_told_apart_by_region_and_neighbours()
    {
        var g = SharedGeo.Full;
        var lozova = Geocode.Of(g, "Moscow says its troops captured Lozova, east of Kupiansk, in the northeastern Kharkiv region.", "Lozova");
        Assert.True(Geocode.Km(lozova!, 49.4717, 37.8067) < 5, $"{lozova}");
        var krasnoye = Geocode.Of(g, "They also took Krasnoye (Sontsivka), a village west of Kurakhove.", "Krasnoye");
        Assert.True(Geocode.Km(krasnoye!, 48.0487, 37.1889) < 5, $"{krasnoye}");
    }

    [FactRequiresSharedGeo]
    public void Nikopol_does_not_take_sloviansk_by_its_alternate_name()
    {
        var p = Geocode.Of(SharedGeo.Full, "Rockets hit Slov'iansk and Kramatorsk.", "Slov'iansk");
        Assert.Equal(693468, p?.GeonamesId);
    }
}
