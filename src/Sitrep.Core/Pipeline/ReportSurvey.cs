using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Pipeline;

/// <summary>
/// A report read in the first pass of a run: its events, the places of those events its text
/// settles on its own (what other reports of the run may lean on), and whether a run prior could
/// change any of its places (only then is it read again).
/// </summary>
public sealed record ReportSurvey(IReadOnlyList<EventRecord> Events, IReadOnlyList<Place> SettledPlaces, bool PriorCanDecide);
