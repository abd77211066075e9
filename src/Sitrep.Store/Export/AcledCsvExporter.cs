using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Sitrep.Store.Export;

/// <summary>
/// Incidents as rows in ACLED's export layout, so analysts can load them beside ACLED data.
/// One row per incident (ACLED's rows are de-duplicated events too); fatalities is the most
/// conservative figure, and the range and every source go into notes and source.
/// </summary>
public static class AcledCsvExporter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
        // Not ACLED's: where to read the reports, after ACLED's 31 columns so its loaders still fit.
        "source_urls", "source_titles",
    ];

    /// <summary>Sitrep's own id prefix, so an incident id never collides with an ACLED id such as UKR54.</summary>
    public const string IdPrefix = "SITREP-";

    /// <summary>Writes the header and one row per incident; returns the number of rows.</summary>
    public static int Write(IEnumerable<IncidentRow> incidents, TextWriter output)
    {
        var codebook = AcledCodebook.Default;
        using var csv = new CsvWriter(output, new CsvConfiguration(CultureInfo.InvariantCulture), leaveOpen: true);
        foreach (var column in Columns)
            csv.WriteField(column);
        csv.NextRecord();

        var count = 0;
        foreach (var i in incidents)
        {
            foreach (var field in Row(i, codebook))
                csv.WriteField(Spreadsheets.Escape(field));
            csv.NextRecord();
            count++;
        }
        csv.Flush();
        return count;
    }

    internal static IEnumerable<string> Row(IncidentRow i, AcledCodebook codebook)
    {
        var type = codebook.Type(i.Type, i.Subtype);
        var actor1 = codebook.Actor(i.Actor);
        var country = codebook.Country(i.Country);
        // ACLED names civilians by the country they were in: "Civilians (Russia)" for a strike on Belgorod.
        var target = codebook.Actor(i.TargetActor);
        var actor2 = target is { Inter: "Civilians" } && country is not null ? target with { Name = $"Civilians ({country.Name})" } : target;
        var date = i.DateMin is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;

        yield return $"{IdPrefix}{country?.Iso3 ?? "XXX"}{i.Id}";
        yield return i.DateMin ?? "";
        yield return date?.Year.ToString(CultureInfo.InvariantCulture) ?? "";
        yield return TimePrecision(i);
        yield return type.DisorderType;
        yield return type.EventType;
        yield return type.SubEventType;
        yield return actor1?.Name ?? "";
        yield return "";
        yield return actor1?.Inter ?? "";
        yield return actor2?.Name ?? "";
        yield return "";
        yield return actor2?.Inter ?? "";
        yield return Interaction(actor1, actor2);
        yield return actor2?.Inter == "Civilians" ? "Civilian targeting" : "";
        yield return country?.Iso.ToString(CultureInfo.InvariantCulture) ?? "";
        yield return country?.Region ?? "";
        yield return country?.Name ?? i.Country ?? "";
        yield return i.Admin1 ?? "";
        yield return i.Admin2 ?? "";
        yield return "";
        yield return i.Place ?? "";
        yield return i.Lat?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "";
        yield return i.Lon?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "";
        yield return GeoPrecision(i);
        yield return i.Sources ?? "";
        yield return SourceScale(i.Sources, codebook);
        yield return Notes(i);
        yield return (i.KilledBest ?? 0).ToString(CultureInfo.InvariantCulture);
        yield return $"sitrep_incident={i.Id}; reports={i.ReportCount}";
        yield return DateTimeOffset.TryParse(i.UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "";
        yield return i.Urls ?? "";
        yield return i.Titles ?? "";
    }

    /// <summary>
    /// ACLED's source_scale: the scales of the outlets, joined as ACLED joins them
    /// ("National-International"); empty when no outlet's scale is known.
    /// </summary>
    private static string SourceScale(string? sources, AcledCodebook codebook)
    {
        if (sources is null)
            return "";
        var scales = sources.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(codebook.SourceScale).OfType<string>().Distinct().Order(ScaleOrder).ToList();
        return string.Join("-", scales);
    }

    private static readonly Comparer<string> ScaleOrder = Comparer<string>.Create((a, b) => Rank(a).CompareTo(Rank(b)));

    private static int Rank(string scale) => scale switch { "Local partner" => 0, "Subnational" => 1, "National" => 2, "Regional" => 3, "International" => 4, _ => 5 };

    // ACLED: 1 = the day is known, 2 = the week, 3 = only the month.
    private static string TimePrecision(IncidentRow i) => i.DatePrecision switch
    {
        "week" => "2",
        "month" or "year" => "3",
        _ => i.DateMin is null ? "3" : "1",
    };

    // ACLED: 1 = the settlement itself, 2 = near it or part of a region, 3 = only the region.
    internal static string GeoPrecision(IncidentRow i) => i.PlaceKind switch
    {
        "settlement" or "facility" => i.Lat is null ? "2" : "1",
        "area" => "2",
        null => "",
        _ => "3",
    };

    private static string Interaction(AcledActor? a, AcledActor? b) =>
        a?.Inter is null ? "" : b?.Inter is null ? $"{a.Inter} only" : $"{a.Inter}-{b.Inter}";

    private static string Notes(IncidentRow i)
    {
        var parts = new List<string>
        {
            $"On {i.DateMin ?? "an unknown date"}, {i.Type.Replace('_', ' ')}{(i.Subtype is null ? "" : $" ({i.Subtype})")}" +
            $"{(i.Actor is null ? "" : $" by {i.Actor}")} in {i.Place ?? "an unresolved place"}{(i.Admin1 is null ? "" : $", {i.Admin1}")}.",
        };
        if (i.KilledBest is { } k)
            parts.Add(i.KilledMin == i.KilledMax ? $"{k} killed." : $"{k} killed (sources give {i.KilledMin}-{i.KilledMax}; lowest kept).");
        if (i.InjuredBest is { } inj)
            parts.Add(i.InjuredMin == i.InjuredMax ? $"{inj} injured." : $"{inj} injured (sources give {i.InjuredMin}-{i.InjuredMax}).");
        if (i.ClaimedBy is { } claimed)
            parts.Add($"Claimed by {claimed}.");
        if (i.Claims is { } claims)
            parts.Add($"By claimant: {claims}.");
        parts.Add($"{i.ReportCount} report{(i.ReportCount == 1 ? "" : "s")}.");
        return string.Join(" ", parts);
    }
}
