using System.Text.Json;
using Sitrep.Store.Incidents;

namespace Sitrep.Store.Export;

/// <summary>
/// Incidents as a GeoJSON FeatureCollection of points ([longitude, latitude], RFC 7946).
/// Incidents without coordinates have no point to draw, and incidents known only by their
/// country would draw at the country's centroid, where nothing happened: both are counted, not
/// written. Each feature carries ACLED's geo_precision (1 the place itself, 2 near it or an area,
/// 3 only the oblast).
/// </summary>
public static class GeoJsonExporter
{
    /// <summary>Writes the collection; returns (features written, incidents left out: without coordinates, known only by country).</summary>
    public static (int Written, int Unlocated, int CountryLevel) Write(IEnumerable<IncidentRow> incidents, Stream output)
    {
        var codebook = AcledCodebook.Default;
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        int written = 0, unlocated = 0, countryLevel = 0;
        foreach (var i in incidents)
        {
            if (i.PlaceKind == "country")
            {
                countryLevel++;
                continue;
            }
            if (i.Lat is not { } lat || i.Lon is not { } lon || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
            {
                unlocated++;
                continue;
            }
            var acled = codebook.Type(i.Type, i.Subtype);
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteNumber("id", i.Id);
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(Math.Round(lon, 5));
            json.WriteNumberValue(Math.Round(lat, 5));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("type", i.Type);
            json.WriteString("subtype", i.Subtype);
            json.WriteString("date_first", i.DateMin);
            json.WriteString("date_last", i.DateMax);
            json.WriteString("actor", i.Actor);
            json.WriteString("target_actor", i.TargetActor);
            json.WriteString("place", i.Place);
            json.WriteString("place_kind", i.PlaceKind);
            if (int.TryParse(AcledCsvExporter.GeoPrecision(i), out var precision))
                json.WriteNumber("geo_precision", precision);
            else
                json.WriteNull("geo_precision");
            json.WriteString("admin1", i.Admin1);
            json.WriteString("country", i.Country);
            json.WriteNumber("reports", i.ReportCount);
            json.WriteString("sources", i.Sources);
            json.WriteString("claimed_by", i.ClaimedBy);
            json.WriteString("claims", i.Claims);
            json.WriteString("source_urls", i.Urls);
            json.WriteString("source_titles", i.Titles);
            Figure(json, Measures.Killed, i.KilledBest, i.KilledMin, i.KilledMax);
            Figure(json, Measures.Injured, i.InjuredBest, i.InjuredMin, i.InjuredMax);
            Number(json, Measures.MissilesLaunched, i.MissilesLaunched);
            Number(json, Measures.MissilesIntercepted, i.MissilesIntercepted);
            Number(json, Measures.DronesLaunched, i.DronesLaunched);
            Number(json, Measures.DronesIntercepted, i.DronesIntercepted);
            json.WriteString("figure_rule", IncidentSummarizer.ConservativeRule);
            json.WriteString("acled_event_type", acled.EventType);
            json.WriteString("acled_sub_event_type", acled.SubEventType);
            json.WriteEndObject();
            json.WriteEndObject();
            written++;
            if (written % 1000 == 0)
                json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return (written, unlocated, countryLevel);
    }

    private static void Figure(Utf8JsonWriter json, string name, long? best, long? min, long? max)
    {
        Number(json, name, best);
        Number(json, $"{name}_min", min);
        Number(json, $"{name}_max", max);
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }
}
