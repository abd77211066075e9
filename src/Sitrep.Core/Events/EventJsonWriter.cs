using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Geo;

namespace Sitrep.Events;

/// <summary>
/// Writes an event record exactly as <see cref="EventJsonContext"/> would, property by property.
/// The serializer's metadata is generic code from System.Text.Json instantiated over the record's
/// value types (<c>int?</c>, <c>double?</c>, the enums), which ReadyToRun cannot precompile from
/// outside the framework: on a one-report run it cost about 600 JIT compilations. This writer
/// calls only <see cref="Utf8JsonWriter"/>, which comes precompiled. Names come from the
/// properties and the spec's naming policy, enum values from their <see cref="JsonStringEnumMemberNameAttribute"/>s,
/// so there is one source for both; a test holds the two writers to the same bytes.
/// </summary>
internal static class EventJsonWriter
{
    private static readonly JsonNamingPolicy Naming = JsonNamingPolicy.SnakeCaseLower;

    internal static readonly JsonEncodedText Id = Name(nameof(EventRecord.Id));
    internal static readonly JsonEncodedText Doc = Name(nameof(EventRecord.Doc));
    internal static readonly JsonEncodedText Type = Name(nameof(EventRecord.Type));
    internal static readonly JsonEncodedText Subtype = Name(nameof(EventRecord.Subtype));
    internal static readonly JsonEncodedText Date = Name(nameof(EventRecord.Date));
    internal static readonly JsonEncodedText DatePrecision = Name(nameof(EventRecord.DatePrecision));
    internal static readonly JsonEncodedText Places = Name(nameof(EventRecord.Places));
    internal static readonly JsonEncodedText Actor = Name(nameof(EventRecord.Actor));
    internal static readonly JsonEncodedText TargetActor = Name(nameof(EventRecord.TargetActor));
    internal static readonly JsonEncodedText Weapons = Name(nameof(EventRecord.Weapons));
    internal static readonly JsonEncodedText Killed = Name(nameof(EventRecord.Killed));
    internal static readonly JsonEncodedText Injured = Name(nameof(EventRecord.Injured));
    internal static readonly JsonEncodedText AmountUsd = Name(nameof(EventRecord.AmountUsd));
    internal static readonly JsonEncodedText ClaimedBy = Name(nameof(EventRecord.ClaimedBy));
    internal static readonly JsonEncodedText Background = Name(nameof(EventRecord.Background));
    internal static readonly JsonEncodedText Confidence = Name(nameof(EventRecord.Confidence));
    internal static readonly JsonEncodedText Evidence = Name(nameof(EventRecord.Evidence));

    internal static readonly JsonEncodedText PlaceName = Name(nameof(Place.Name));
    internal static readonly JsonEncodedText PlaceKindName = Name(nameof(Place.Kind));
    internal static readonly JsonEncodedText PlaceCountry = Name(nameof(Place.Country));
    internal static readonly JsonEncodedText PlaceAdmin1 = Name(nameof(Place.Admin1));
    internal static readonly JsonEncodedText PlaceLat = Name(nameof(Place.Lat));
    internal static readonly JsonEncodedText PlaceLon = Name(nameof(Place.Lon));
    internal static readonly JsonEncodedText PlaceGeonamesId = Name(nameof(Place.GeonamesId));
    internal static readonly JsonEncodedText PlaceMention = Name(nameof(Place.Mention));
    internal static readonly JsonEncodedText PlaceAdmin2 = Name(nameof(Place.Admin2));

    internal static readonly JsonEncodedText WeaponClassName = Name(nameof(Weapon.Class));
    internal static readonly JsonEncodedText WeaponModel = Name(nameof(Weapon.Model));
    internal static readonly JsonEncodedText WeaponLaunched = Name(nameof(Weapon.Launched));
    internal static readonly JsonEncodedText WeaponIntercepted = Name(nameof(Weapon.Intercepted));

    internal static readonly JsonEncodedText EvidenceStart = Name(nameof(Sitrep.Events.Evidence.Start));
    internal static readonly JsonEncodedText EvidenceEnd = Name(nameof(Sitrep.Events.Evidence.End));
    internal static readonly JsonEncodedText EvidenceText = Name(nameof(Sitrep.Events.Evidence.Text));

    internal static readonly JsonEncodedText[] EventTypes = EnumNames(typeof(EventType));
    internal static readonly JsonEncodedText[] DatePrecisions = EnumNames(typeof(DatePrecision));
    internal static readonly JsonEncodedText[] PlaceKinds = EnumNames(typeof(PlaceKind));
    internal static readonly JsonEncodedText[] WeaponClasses = EnumNames(typeof(WeaponClass));

    /// <summary>Runs the static set-up (names and enum tables) ahead of the first record.</summary>
    public static void Prepare() => _ = EventTypes.Length;

    public static void Write(Utf8JsonWriter writer, EventRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, record.Id);
        writer.WriteString(Doc, record.Doc);
        writer.WriteString(Type, EventTypes[(int)record.Type]);
        writer.WriteString(Subtype, record.Subtype);
        writer.WriteString(Date, record.Date);
        if (record.DatePrecision is { } precision)
            writer.WriteString(DatePrecision, DatePrecisions[(int)precision]);
        else
            writer.WriteNull(DatePrecision);
        List(writer, Places, record.Places, PlaceFields);
        writer.WriteString(Actor, record.Actor);
        writer.WriteString(TargetActor, record.TargetActor);
        List(writer, Weapons, record.Weapons, WeaponFields);
        Number(writer, Killed, record.Killed);
        Number(writer, Injured, record.Injured);
        Number(writer, AmountUsd, record.AmountUsd);
        writer.WriteString(ClaimedBy, record.ClaimedBy);
        writer.WriteBoolean(Background, record.Background);
        writer.WriteNumber(Confidence, record.Confidence);
        List(writer, Evidence, record.Evidence, EvidenceFields);
        writer.WriteEndObject();
    }

    /// <summary>A list property as the serializer writes it: null, or an array of objects (a null item as null).</summary>
    private static void List<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> fields) where T : class
    {
        if (items is null)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartArray(name);
        // An index loop: a foreach over the interface boxes an enumerator for every list of every record.
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                writer.WriteNullValue();
                continue;
            }
            writer.WriteStartObject();
            fields(writer, item);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void PlaceFields(Utf8JsonWriter writer, Place place)
    {
        writer.WriteString(PlaceName, place.Name);
        writer.WriteString(PlaceKindName, PlaceKinds[(int)place.Kind]);
        writer.WriteString(PlaceCountry, place.Country);
        writer.WriteString(PlaceAdmin1, place.Admin1);
        Number(writer, PlaceLat, place.Lat);
        Number(writer, PlaceLon, place.Lon);
        if (place.GeonamesId is { } id)
            writer.WriteNumber(PlaceGeonamesId, id);
        else
            writer.WriteNull(PlaceGeonamesId);
        writer.WriteString(PlaceMention, place.Mention);
        writer.WriteString(PlaceAdmin2, place.Admin2);
    }

    private static void WeaponFields(Utf8JsonWriter writer, Weapon weapon)
    {
        writer.WriteString(WeaponClassName, WeaponClasses[(int)weapon.Class]);
        writer.WriteString(WeaponModel, weapon.Model);
        Number(writer, WeaponLaunched, weapon.Launched);
        Number(writer, WeaponIntercepted, weapon.Intercepted);
    }

    private static void EvidenceFields(Utf8JsonWriter writer, Evidence sentence)
    {
        writer.WriteNumber(EvidenceStart, sentence.Start);
        writer.WriteNumber(EvidenceEnd, sentence.End);
        writer.WriteString(EvidenceText, sentence.Text);
    }

    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }

    private static JsonEncodedText Name(string property) => JsonEncodedText.Encode(Naming.ConvertName(property));

    /// <summary>
    /// The JSON names of an enum's values, indexed by value. Reflection over the fields rather than
    /// <c>Enum.GetValues&lt;T&gt;</c>: the generic would be JIT-compiled again per enum.
    /// </summary>
    private static JsonEncodedText[] EnumNames(System.Type type)
    {
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static);
        var names = new JsonEncodedText[fields.Length];
        foreach (var field in fields)
        {
            var value = Convert.ToInt32(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture);
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            names[value] = JsonEncodedText.Encode(name);
        }
        return names;
    }
}
