using System.Text.Json.Serialization;

namespace Sitrep.Geo;

/// <summary>How precisely a place pins an event down; also the spec's <c>kind</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlaceKind>))]
public enum PlaceKind
{
    [JsonStringEnumMemberName("settlement")] Settlement,
    [JsonStringEnumMemberName("region")] Region,
    [JsonStringEnumMemberName("country")] Country,
    [JsonStringEnumMemberName("water")] Water,
    [JsonStringEnumMemberName("facility")] Facility,
    [JsonStringEnumMemberName("area")] Area,
}

/// <summary>
/// A place as the event record carries it. <see cref="Mention"/> is the text as written;
/// <see cref="Name"/> the canonical English name. Coordinates are null when the mention
/// could not be resolved: an unresolved place is kept, never guessed.
/// </summary>
public sealed record Place(
    string Name,
    PlaceKind Kind,
    string? Country,
    string? Admin1,
    double? Lat,
    double? Lon,
    long? GeonamesId,
    string Mention)
{
    /// <summary>Second-level division (raion), when known; ACLED's admin2.</summary>
    public string? Admin2 { get; init; }
}
