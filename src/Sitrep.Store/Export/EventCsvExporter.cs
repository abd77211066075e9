using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Sitrep.Events;

namespace Sitrep.Store.Export;

/// <summary>Events as flat CSV rows (one per event, places and weapons joined), with the report's outlet, address and title.</summary>
public static class EventCsvExporter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "doc", "id", "date", "date_precision", "type", "subtype", "places", "admin1", "latitude", "longitude", "actor", "target_actor",
        "weapons", "killed", "injured", "amount_usd", "claimed_by", "background", "source", "source_url", "source_title",
    ];

    /// <summary>Writes the header and one row per event; returns the number of rows.</summary>
    public static int Write(IEnumerable<EventRecord> events, Func<string, (string? Source, string? Url, string? Title)> sourceOf, TextWriter output)
    {
        using var csv = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture), leaveOpen: true);
        foreach (var column in Columns)
            csv.WriteField(column);
        csv.NextRecord();
        var count = 0;
        foreach (var e in events)
        {
            var place = e.Places.FirstOrDefault(p => p.Lat is not null) ?? e.Places.FirstOrDefault();
            var (source, url, title) = sourceOf(e.Doc);
            string?[] row =
            [
                e.Doc, e.Id, e.Date, e.DatePrecision is { } dp ? EventJsonNames.Precision(dp) : null, EventJsonNames.Type(e.Type), e.Subtype,
                string.Join("; ", e.Places.Select(p => p.Name)), place?.Admin1,
                place?.Lat?.ToString("0.0000", CultureInfo.InvariantCulture), place?.Lon?.ToString("0.0000", CultureInfo.InvariantCulture),
                e.Actor, e.TargetActor,
                string.Join("; ", e.Weapons.Select(w => $"{w.Model ?? EventJsonNames.Weapon(w.Class)} launched={w.Launched?.ToString() ?? "?"} intercepted={w.Intercepted?.ToString() ?? "?"}")),
                e.Killed?.ToString(CultureInfo.InvariantCulture), e.Injured?.ToString(CultureInfo.InvariantCulture),
                e.AmountUsd?.ToString(CultureInfo.InvariantCulture), e.ClaimedBy, e.Background ? "true" : "false", source, url, title,
            ];
            foreach (var field in row)
                csv.WriteField(Spreadsheets.Escape(field ?? ""));
            csv.NextRecord();
            count++;
        }
        csv.Flush();
        return count;
    }
}
