using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// A report read in the first pass of a run: its events, the places of those events its text
/// settles on its own (what other reports of the run may lean on), and whether a run prior could
/// change any of its places (only then is it read again).
/// </summary>
public sealed record ReportSurvey(IReadOnlyList<EventRecord> Events, IReadOnlyList<Place> SettledPlaces, bool PriorCanDecide)
{
    /// <summary>
    /// What a second pass starts from, kept by <see cref="ReportPipeline.SurveyKeeping"/> only for
    /// a report a prior could change; null otherwise.
    /// </summary>
    public ReportReading? Reading { get; init; }
}

/// <summary>
/// A report read up to its places: its sentences' place mentions and the events drafted from
/// them, before any gazetteer or prior has a say. Opaque outside the pipeline.
/// </summary>
public sealed class ReportReading
{
    internal ReportReading(ReadState state) => State = state;

    internal ReadState State { get; }

    /// <summary>The report's text, as read: how many characters a caller keeps by keeping this.</summary>
    public string Text => State.Text;
}

internal sealed record ReadState(string Doc, DateOnly? Published, string Text, Layout Layout, List<PlaceMention> Mentions,
    DocumentWords Words, IReadOnlyDictionary<int, string> PhraseMentions, IReadOnlyList<EventDraft> Drafts);
