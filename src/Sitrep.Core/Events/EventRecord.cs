using System.Text.Json.Serialization;
using Sitrep.Geo;

namespace Sitrep.Events;

[JsonConverter(typeof(JsonStringEnumConverter<EventType>))]
public enum EventType
{
    [JsonStringEnumMemberName("strike")] Strike,
    [JsonStringEnumMemberName("air_defense")] AirDefense,
    [JsonStringEnumMemberName("ground_combat")] GroundCombat,
    [JsonStringEnumMemberName("territorial_change")] TerritorialChange,
    [JsonStringEnumMemberName("cyber")] Cyber,
    [JsonStringEnumMemberName("aid")] Aid,
    [JsonStringEnumMemberName("diplomacy")] Diplomacy,
    [JsonStringEnumMemberName("threat")] Threat,
    [JsonStringEnumMemberName("policy")] Policy,
    [JsonStringEnumMemberName("other")] Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<DatePrecision>))]
public enum DatePrecision
{
    [JsonStringEnumMemberName("day")] Day,
    [JsonStringEnumMemberName("week")] Week,
    [JsonStringEnumMemberName("month")] Month,
    [JsonStringEnumMemberName("year")] Year,
}

[JsonConverter(typeof(JsonStringEnumConverter<WeaponClass>))]
public enum WeaponClass
{
    [JsonStringEnumMemberName("missile")] Missile,
    [JsonStringEnumMemberName("drone")] Drone,
    [JsonStringEnumMemberName("aircraft")] Aircraft,
    [JsonStringEnumMemberName("helicopter")] Helicopter,
    [JsonStringEnumMemberName("artillery")] Artillery,
    [JsonStringEnumMemberName("mlrs")] Mlrs,
    [JsonStringEnumMemberName("glide_bomb")] GlideBomb,
    [JsonStringEnumMemberName("air_defense_system")] AirDefenseSystem,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>A weapon used in a strike or met by air defence; counts are null when the text gives none.</summary>
public sealed record Weapon(
    WeaponClass Class,
    string? Model,
    int? Launched,
    int? Intercepted);

/// <summary>A sentence an event was read from: UTF-16 offsets into the document text.</summary>
public sealed record Evidence(int Start, int End, string Text);

/// <summary>
/// One event, version 1 of shared/spec/events.md: the contract between the extractor and
/// everything downstream (store, exports, scorer). Fields may be added, never renamed.
/// </summary>
public sealed record EventRecord
{
    public required string Id { get; init; }
    public required string Doc { get; init; }
    public required EventType Type { get; init; }
    public string? Subtype { get; init; }
    /// <summary>ISO date (yyyy-MM-dd) the event happened, or null when the text does not pin it.</summary>
    public string? Date { get; init; }
    public DatePrecision? DatePrecision { get; init; }
    public IReadOnlyList<Place> Places { get; init; } = [];
    public string? Actor { get; init; }
    public string? TargetActor { get; init; }
    public IReadOnlyList<Weapon> Weapons { get; init; } = [];
    public int? Killed { get; init; }
    public int? Injured { get; init; }
    public double? AmountUsd { get; init; }
    public string? ClaimedBy { get; init; }
    public bool Background { get; init; }
    public double Confidence { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}
