using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace Sitrep.Store.Export;

/// <summary>
/// Incidents as a Parquet file (one row per incident, snake_case columns as in the CSV and the
/// incidents table), for pandas, R (arrow) and DuckDB users. Unknown figures are nulls.
/// </summary>
public static class ParquetExporter
{
    /// <summary>Writes the file; returns the number of rows.</summary>
    public static int Write(IEnumerable<IncidentRow> incidents, Stream output)
    {
        var codebook = AcledCodebook.Default;
        var rows = incidents.Select(i => Row(i, codebook)).ToList();
        // Parquet writes its footer last; a pipe cannot seek, so the file is built in memory first.
        if (output.CanSeek)
        {
            ParquetSerializer.SerializeAsync(rows, output).GetAwaiter().GetResult();
        }
        else
        {
            using var buffer = new MemoryStream();
            ParquetSerializer.SerializeAsync(rows, buffer).GetAwaiter().GetResult();
            buffer.Position = 0;
            buffer.CopyTo(output);
        }
        return rows.Count;
    }

    private static IncidentRecord Row(IncidentRow i, AcledCodebook codebook)
    {
        var acled = codebook.Type(i.Type, i.Subtype);
        return new IncidentRecord
        {
            Id = AcledCsvExporter.IdPrefix + i.Id,
            Type = i.Type,
            Subtype = i.Subtype,
            DateFirst = i.DateMin,
            DateLast = i.DateMax,
            Actor = i.Actor,
            TargetActor = i.TargetActor,
            Place = i.Place,
            PlaceKind = i.PlaceKind,
            GeoPrecision = int.TryParse(AcledCsvExporter.GeoPrecision(i), out var p) ? p : null,
            Admin1 = i.Admin1,
            Country = i.Country,
            Latitude = i.Lat,
            Longitude = i.Lon,
            Reports = i.ReportCount,
            Sources = i.Sources,
            ClaimedBy = i.ClaimedBy,
            Killed = i.KilledBest,
            KilledMin = i.KilledMin,
            KilledMax = i.KilledMax,
            Injured = i.InjuredBest,
            InjuredMin = i.InjuredMin,
            InjuredMax = i.InjuredMax,
            MissilesLaunched = i.MissilesLaunched,
            MissilesIntercepted = i.MissilesIntercepted,
            DronesLaunched = i.DronesLaunched,
            DronesIntercepted = i.DronesIntercepted,
            AcledEventType = acled.EventType,
            AcledSubEventType = acled.SubEventType,
            SourceUrls = i.Urls,
            SourceTitles = i.Titles,
            Claims = i.Claims,
        };
    }

    /// <summary>One Parquet row; the column names are the JSON names.</summary>
    public sealed class IncidentRecord
    {
        [JsonPropertyName("id")] public string Id { get; set; } = "";
        [JsonPropertyName("type")] public string Type { get; set; } = "";
        [JsonPropertyName("subtype")] public string? Subtype { get; set; }
        [JsonPropertyName("date_first")] public string? DateFirst { get; set; }
        [JsonPropertyName("date_last")] public string? DateLast { get; set; }
        [JsonPropertyName("actor")] public string? Actor { get; set; }
        [JsonPropertyName("target_actor")] public string? TargetActor { get; set; }
        [JsonPropertyName("place")] public string? Place { get; set; }
        [JsonPropertyName("place_kind")] public string? PlaceKind { get; set; }
        [JsonPropertyName("geo_precision")] public int? GeoPrecision { get; set; }
        [JsonPropertyName("admin1")] public string? Admin1 { get; set; }
        [JsonPropertyName("country")] public string? Country { get; set; }
        [JsonPropertyName("latitude")] public double? Latitude { get; set; }
        [JsonPropertyName("longitude")] public double? Longitude { get; set; }
        [JsonPropertyName("reports")] public long Reports { get; set; }
        [JsonPropertyName("sources")] public string? Sources { get; set; }
        [JsonPropertyName("claimed_by")] public string? ClaimedBy { get; set; }
        [JsonPropertyName("killed")] public long? Killed { get; set; }
        [JsonPropertyName("killed_min")] public long? KilledMin { get; set; }
        [JsonPropertyName("killed_max")] public long? KilledMax { get; set; }
        [JsonPropertyName("injured")] public long? Injured { get; set; }
        [JsonPropertyName("injured_min")] public long? InjuredMin { get; set; }
        [JsonPropertyName("injured_max")] public long? InjuredMax { get; set; }
        [JsonPropertyName("missiles_launched")] public long? MissilesLaunched { get; set; }
        [JsonPropertyName("missiles_intercepted")] public long? MissilesIntercepted { get; set; }
        [JsonPropertyName("drones_launched")] public long? DronesLaunched { get; set; }
        [JsonPropertyName("drones_intercepted")] public long? DronesIntercepted { get; set; }
        [JsonPropertyName("acled_event_type")] public string AcledEventType { get; set; } = "";
        [JsonPropertyName("acled_sub_event_type")] public string AcledSubEventType { get; set; } = "";
        [JsonPropertyName("source_urls")] public string? SourceUrls { get; set; }
        [JsonPropertyName("source_titles")] public string? SourceTitles { get; set; }
        [JsonPropertyName("claims")] public string? Claims { get; set; }
    }
}
