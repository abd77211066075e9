using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store;

/// <summary>The spec's names for enum values ("air_defense", "glide_bomb"), as stored in columns.</summary>
internal static class EventJsonNames
{
    public static string Type(EventType value) => Names<EventType>.ToName[value];
    public static string Precision(DatePrecision value) => Names<DatePrecision>.ToName[value];
    public static string Weapon(WeaponClass value) => Names<WeaponClass>.ToName[value];
    public static string Kind(PlaceKind value) => Names<PlaceKind>.ToName[value];

    public static EventType? ParseType(string text) => Names<EventType>.Parse(text);
    public static WeaponClass? ParseWeapon(string text) => Names<WeaponClass>.Parse(text);
    public static PlaceKind? ParseKind(string text) => Names<PlaceKind>.Parse(text);

    public static IEnumerable<string> AllTypes => Names<EventType>.ToName.Values;

    // The enums carry their spec names as JSON attributes; reuse them instead of a second table.
    // Read from the attribute itself: serializing each value made every process that writes
    // compile the serializer's converter for each enum at start-up, only to read these names.
    private static class Names<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ToName =
            Enum.GetValues<T>().ToDictionary(v => v, v =>
                typeof(T).GetField(v.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonSerializer.Serialize(v).Trim('"'));

        private static readonly Dictionary<string, T> FromName =
            ToName.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        public static T? Parse(string text) => FromName.TryGetValue(text, out var v) ? v : null;
    }
}
