namespace Sitrep.Geo;

/// <summary>
/// One document's places as the geocoder resolved them, one per mention (null: not a place),
/// with which of them the text settles beyond doubt, and whether a prior could change any.
/// </summary>
public sealed record PlaceSurvey(IReadOnlyList<Place?> Places, IReadOnlyList<bool> Unambiguous, bool PriorCanDecide);
