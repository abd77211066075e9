using System.Text.Json.Nodes;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Store;
using Sitrep.Store.Incidents;

namespace Sitrep.Web.Reports;

/// <summary>One report as the incident panel shows it: the event read from it, and its text with the evidence spans.</summary>
internal sealed record ReportView(string Doc, string? Source, string? Published, string? Url, string? Title,
    JsonNode? Event, string? Text, string? TextProblem, IReadOnlyList<Evidence> Evidence);

/// <summary>An incident with every report and figure, for the incident panel.</summary>
internal sealed record IncidentView(long Id, string Type, string? Subtype, string? DateFirst, string? DateLast, string? Place,
    string? PlaceKind, string? Admin1, double? Lat, double? Lon, string? Actor, string? TargetActor,
    IReadOnlyList<string> Sources, IReadOnlyList<string> ClaimedBy, IReadOnlyDictionary<string, BestFigure> Best,
    IReadOnlyList<SourceFigure> Figures, IReadOnlyList<ReportView> Reports)
{
    /// <summary>
    /// Builds the view, reading each report's text from the file it was ingested from. The text is
    /// shown only when the file still has the content the store read (same content hash), so the
    /// evidence offsets point where they should; otherwise the panel shows the evidence sentences alone.
    /// </summary>
    public static IncidentView Of(Incident incident, EventStore store)
    {
        var files = store.DocumentFiles(incident.Reports.Select(r => r.Doc).Distinct()).ToDictionary(f => f.Id);
        var texts = new Dictionary<string, (string? Text, string? Problem)>();
        foreach (var file in files.Values)
            texts[file.Id] = ReadText(file, store.Path);
        var best = new Dictionary<string, BestFigure>();
        foreach (var (name, figure) in new[]
                 {
                     ("killed", incident.Killed), ("injured", incident.Injured),
                     ("missiles_launched", incident.MissilesLaunched), ("missiles_intercepted", incident.MissilesIntercepted),
                     ("drones_launched", incident.DronesLaunched), ("drones_intercepted", incident.DronesIntercepted),
                 })
            if (figure is not null)
                best[name] = figure;
        var reports = incident.Reports.Select(r =>
        {
            var (text, problem) = texts.GetValueOrDefault(r.Doc, (null, "the report is not in the database"));
            return new ReportView(r.Doc, r.Source, r.Published, r.Url, files.GetValueOrDefault(r.Doc)?.Title,
                JsonNode.Parse(EventJson.Serialize(r.Event)), text, problem, r.Event.Evidence);
        }).ToList();
        return new IncidentView(incident.Id, Api.ApiQuery.TypeName(incident.Type), incident.Subtype, incident.DateFirst, incident.DateLast,
            incident.Place, incident.PlaceKind, incident.Admin1, incident.Lat, incident.Lon, incident.Actor, incident.TargetActor,
            incident.Sources, incident.ClaimedBy, best, incident.Figures, reports);
    }

    private static (string? Text, string? Problem) ReadText(DocumentFile file, string databasePath)
    {
        // Paths are stored as the ingest was given them: relative to where it ran, usually the
        // folder sitrep serve runs in too, else the database's folder.
        var candidates = Path.IsPathRooted(file.Path)
            ? [file.Path]
            : new[] { file.Path, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", file.Path) };
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
            return (null, $"{file.Path} is no longer there; the evidence sentences are shown alone");
        try
        {
            var document = DocumentReader.Read(path);
            return document.ContentHash == file.ContentHash
                ? (document.Text, null)
                : (null, $"{file.Path} changed since it was stored; the evidence sentences are shown alone");
        }
        catch (DocumentException e)
        {
            return (null, e.Message);
        }
    }
}
