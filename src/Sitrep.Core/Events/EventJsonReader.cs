using System.Text.Json;
using Sitrep.Geo;
using W = Sitrep.Events.EventJsonWriter;

namespace Sitrep.Events;

/// <summary>
/// Reads an event record from the UTF-8 line <see cref="EventJsonWriter"/> writes, straight into
/// the record, for the store's queries (a month of full rows is some 10,000 records). The
/// source-generated serializer spent most of a row looking properties up, caching constructor
/// arguments and boxing numbers. This reader takes only what the writer writes: every property
/// of the record once, each value of its one JSON type, enum values as the writer spells them.
/// Anything else (a line of another writer, a hand-edited record, JSON null for a list) is
/// declined, and the caller reads the line with the serializer, which stays the contract: what
/// it accepts, rejects or defaults is what a read gives.
/// </summary>
internal static class EventJsonReader
{
    private static readonly JsonEncodedText[] RecordNames =
    [
        W.Id, W.Doc, W.Type, W.Subtype, W.Date, W.DatePrecision, W.Places, W.Actor, W.TargetActor,
        W.Weapons, W.Killed, W.Injured, W.AmountUsd, W.ClaimedBy, W.Background, W.Confidence, W.Evidence,
    ];

    private static readonly JsonEncodedText[] PlaceNames =
        [W.PlaceName, W.PlaceKindName, W.PlaceCountry, W.PlaceAdmin1, W.PlaceLat, W.PlaceLon, W.PlaceGeonamesId, W.PlaceMention, W.PlaceAdmin2];

    private static readonly JsonEncodedText[] WeaponNames = [W.WeaponClassName, W.WeaponModel, W.WeaponLaunched, W.WeaponIntercepted];

    private static readonly JsonEncodedText[] EvidenceNames = [W.EvidenceStart, W.EvidenceEnd, W.EvidenceText];

    // Every property of the record, which the writer always writes: a line without one is the serializer's to default or refuse.
    private const int AllRecordProperties = (1 << 17) - 1;

    /// <summary>The record of a line in the writer's shape; false (and no record) for any other line.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out EventRecord? record)
    {
        record = null;
        var json = new Utf8JsonReader(utf8);
        try
        {
            return json.Read() && json.TokenType == JsonTokenType.StartObject
                && Record(ref json, out record)
                && !json.Read(); // nothing after the object
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed: the serializer reads the line again and reports it in its own words.
            record = null;
            return false;
        }
    }

    private static bool Record(ref Utf8JsonReader json, out EventRecord? record)
    {
        record = null;
        string? id = null, doc = null, subtype = null, date = null, actor = null, targetActor = null, claimedBy = null;
        EventType type = default;
        DatePrecision? precision = null;
        List<Place>? places = null;
        List<Weapon>? weapons = null;
        List<Evidence>? evidence = null;
        int? killed = null, injured = null;
        double? amountUsd = null;
        var background = false;
        double confidence = 0;
        var properties = new Properties(RecordNames);
        while (properties.Next(ref json, out var property))
        {
            var read = property switch
            {
                0 => Text(ref json, out id) && id is not null,
                1 => Text(ref json, out doc) && doc is not null,
                2 => Enum(ref json, W.EventTypes, out type),
                3 => Text(ref json, out subtype),
                4 => Text(ref json, out date),
                5 => OptionalEnum(ref json, W.DatePrecisions, out precision),
                6 => List(ref json, Place, out places),
                7 => Text(ref json, out actor),
                8 => Text(ref json, out targetActor),
                9 => List(ref json, Weapon, out weapons),
                10 => Number(ref json, Int32, out killed),
                11 => Number(ref json, Int32, out injured),
                12 => Number(ref json, Double, out amountUsd),
                13 => Text(ref json, out claimedBy),
                14 => Boolean(ref json, out background),
                15 => json.TokenType == JsonTokenType.Number && json.TryGetDouble(out confidence),
                _ => List(ref json, Evidence, out evidence),
            };
            if (!read)
                return false;
        }
        if (!properties.Ended(ref json) || properties.Seen != AllRecordProperties)
            return false;
        record = new EventRecord
        {
            Id = id!,
            Doc = doc!,
            Type = type,
            Subtype = subtype,
            Date = date,
            DatePrecision = precision,
            Places = places!,
            Actor = actor,
            TargetActor = targetActor,
            Weapons = weapons!,
            Killed = killed,
            Injured = injured,
            AmountUsd = amountUsd,
            ClaimedBy = claimedBy,
            Background = background,
            Confidence = confidence,
            Evidence = evidence!,
        };
        return true;
    }

    private delegate bool Item<T>(ref Utf8JsonReader json, out T? item);

    // A missing property of a place, weapon or sentence is the serializer's default for it (null, zero), as here.
    private static bool Place(ref Utf8JsonReader json, out Place? place)
    {
        place = null;
        string? name = null, country = null, admin1 = null, mention = null, admin2 = null;
        PlaceKind kind = default;
        double? lat = null, lon = null;
        long? geonamesId = null;
        var properties = new Properties(PlaceNames);
        while (properties.Next(ref json, out var property))
        {
            var read = property switch
            {
                0 => Text(ref json, out name),
                1 => Enum(ref json, W.PlaceKinds, out kind),
                2 => Text(ref json, out country),
                3 => Text(ref json, out admin1),
                4 => Number(ref json, Double, out lat),
                5 => Number(ref json, Double, out lon),
                6 => Number(ref json, Int64, out geonamesId),
                7 => Text(ref json, out mention),
                _ => Text(ref json, out admin2),
            };
            if (!read)
                return false;
        }
        if (!properties.Ended(ref json))
            return false;
        place = new Place(name!, kind, country, admin1, lat, lon, geonamesId, mention!) { Admin2 = admin2 };
        return true;
    }

    private static bool Weapon(ref Utf8JsonReader json, out Weapon? weapon)
    {
        weapon = null;
        WeaponClass kind = default;
        string? model = null;
        int? launched = null, intercepted = null;
        var properties = new Properties(WeaponNames);
        while (properties.Next(ref json, out var property))
        {
            var read = property switch
            {
                0 => Enum(ref json, W.WeaponClasses, out kind),
                1 => Text(ref json, out model),
                2 => Number(ref json, Int32, out launched),
                _ => Number(ref json, Int32, out intercepted),
            };
            if (!read)
                return false;
        }
        if (!properties.Ended(ref json))
            return false;
        weapon = new Weapon(kind, model, launched, intercepted);
        return true;
    }

    private static bool Evidence(ref Utf8JsonReader json, out Evidence? sentence)
    {
        sentence = null;
        int start = 0, end = 0;
        string? text = null;
        var properties = new Properties(EvidenceNames);
        while (properties.Next(ref json, out var property))
        {
            var read = property switch
            {
                0 => json.TokenType == JsonTokenType.Number && json.TryGetInt32(out start),
                1 => json.TokenType == JsonTokenType.Number && json.TryGetInt32(out end),
                _ => Text(ref json, out text),
            };
            if (!read)
                return false;
        }
        if (!properties.Ended(ref json))
            return false;
        sentence = new Evidence(start, end, text!);
        return true;
    }

    /// <summary>
    /// Steps through one object's properties as the writer writes them: each name once, nearly
    /// always in the writer's order. <see cref="Next"/> leaves the reader on the property's value;
    /// it stops at the object's end, and fails at a name the object does not have or one seen
    /// before, which the serializer is left to read.
    /// </summary>
    private ref struct Properties(JsonEncodedText[] names)
    {
        private readonly JsonEncodedText[] _names = names;
        private int _next;
        private bool _failed;

        /// <summary>One bit for each property read, by its place in the names.</summary>
        public int Seen { get; private set; }

        public bool Next(ref Utf8JsonReader json, out int property)
        {
            property = -1;
            if (!json.Read() || json.TokenType != JsonTokenType.PropertyName)
                return false;
            property = Index(ref json, _names, _next);
            if (property < 0 || (Seen & (1 << property)) != 0 || !json.Read())
            {
                _failed = true;
                return false;
            }
            Seen |= 1 << property;
            _next = property + 1;
            return true;
        }

        /// <summary>Whether the properties ended with the object, not at something the writer does not write.</summary>
        public readonly bool Ended(ref Utf8JsonReader json) => !_failed && json.TokenType == JsonTokenType.EndObject;

        // The writer's order makes the property the one after the last nearly always.
        private static int Index(ref Utf8JsonReader json, JsonEncodedText[] names, int expected)
        {
            if (expected < names.Length && json.ValueTextEquals(names[expected].EncodedUtf8Bytes))
                return expected;
            for (var i = 0; i < names.Length; i++)
                if (json.ValueTextEquals(names[i].EncodedUtf8Bytes))
                    return i;
            return -1;
        }
    }

    // A list the writer wrote: an array of objects. JSON null, for the list or an item, is left to the serializer.
    private static bool List<T>(ref Utf8JsonReader json, Item<T> item, out List<T>? list) where T : class
    {
        list = null;
        if (json.TokenType != JsonTokenType.StartArray)
            return false;
        var items = new List<T>();
        while (json.Read() && json.TokenType == JsonTokenType.StartObject)
        {
            if (!item(ref json, out var one))
                return false;
            items.Add(one!);
        }
        list = items;
        return json.TokenType == JsonTokenType.EndArray;
    }

    private static bool Text(ref Utf8JsonReader json, out string? text)
    {
        text = json.TokenType == JsonTokenType.String ? json.GetString() : null;
        return json.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static bool Boolean(ref Utf8JsonReader json, out bool value)
    {
        value = json.TokenType == JsonTokenType.True;
        return json.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private delegate bool NumberRead<T>(ref Utf8JsonReader json, out T value);

    private static readonly NumberRead<int> Int32 = (ref Utf8JsonReader json, out int value) => json.TryGetInt32(out value);
    private static readonly NumberRead<long> Int64 = (ref Utf8JsonReader json, out long value) => json.TryGetInt64(out value);
    private static readonly NumberRead<double> Double = (ref Utf8JsonReader json, out double value) => json.TryGetDouble(out value);

    // A number the property's type cannot hold (a fraction for a count) is the serializer's to refuse.
    private static bool Number<T>(ref Utf8JsonReader json, NumberRead<T> read, out T? value) where T : struct
    {
        value = null;
        if (json.TokenType == JsonTokenType.Null)
            return true;
        if (json.TokenType != JsonTokenType.Number || !read(ref json, out var v))
            return false;
        value = v;
        return true;
    }

    /// <summary>An enum value as the writer spells it (its index in the writer's table is the value).</summary>
    private static bool Enum<TEnum>(ref Utf8JsonReader json, JsonEncodedText[] spellings, out TEnum value) where TEnum : struct, System.Enum
    {
        value = default;
        if (json.TokenType != JsonTokenType.String)
            return false;
        for (var i = 0; i < spellings.Length; i++)
            if (json.ValueTextEquals(spellings[i].EncodedUtf8Bytes))
            {
                // The record's enums are all int-based: the index is the value itself.
                value = System.Runtime.CompilerServices.Unsafe.As<int, TEnum>(ref i);
                return true;
            }
        return false;
    }

    private static bool OptionalEnum<TEnum>(ref Utf8JsonReader json, JsonEncodedText[] spellings, out TEnum? value) where TEnum : struct, System.Enum
    {
        value = null;
        if (json.TokenType == JsonTokenType.Null)
            return true;
        if (!Enum(ref json, spellings, out TEnum v))
            return false;
        value = v;
        return true;
    }
}
