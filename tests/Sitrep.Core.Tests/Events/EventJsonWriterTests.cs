using System.Buffers;
using System.Text;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Core.Tests.Events;

/// <summary>
/// The hand-written record writer against the source-generated serializer it replaced for output:
/// the same bytes for every field, null, enum value, awkward number and escaped character. A field
/// added to the record and not to the writer fails here, since the serializer writes every field.
/// </summary>
public sealed class EventJsonWriterTests
{
    private static EventRecord Full(EventType type, DatePrecision precision, PlaceKind kind, WeaponClass weapon) => new()
    {
        Id = "a1b2c3d4e5f60718",
        Doc = "doc-\"quoted\"\\slash",
        Type = type,
        Subtype = "combined",
        Date = "2025-03-14",
        DatePrecision = precision,
        Places =
        [
            new Place("Kyiv", kind, "UA", "Kyiv City", 50.4501, 30.5234, 703448, "Київ") { Admin2 = "Kyivskyi <raion> & 'co'" },
            new Place("Unresolved", kind, null, null, null, null, null, "somewhere"),
        ],
        Actor = "RU",
        TargetActor = "UA",
        Weapons = [new Weapon(weapon, "Shahed-136", 112, 71), new Weapon(weapon, null, null, null)],
        Killed = 3,
        Injured = 0,
        AmountUsd = 1.5e9,
        ClaimedBy = "UA",
        Background = true,
        Confidence = 0.95,
        Evidence = [new Evidence(0, 69, "Ukraine's air force said \"71\" were shot down\ttoday\n—\u00e9\u2028\ud83d\ude80.")],
    };

    public static TheoryData<string, EventRecord> Records()
    {
        var data = new TheoryData<string, EventRecord>();
        foreach (var type in Enum.GetValues<EventType>())
            data.Add($"type {type}", Full(type, DatePrecision.Day, PlaceKind.Settlement, WeaponClass.Missile));
        foreach (var precision in Enum.GetValues<DatePrecision>())
            data.Add($"precision {precision}", Full(EventType.Strike, precision, PlaceKind.Region, WeaponClass.Drone));
        foreach (var kind in Enum.GetValues<PlaceKind>())
            data.Add($"place kind {kind}", Full(EventType.AirDefense, DatePrecision.Week, kind, WeaponClass.Other));
        foreach (var weapon in Enum.GetValues<WeaponClass>())
            data.Add($"weapon {weapon}", Full(EventType.Strike, DatePrecision.Month, PlaceKind.Water, weapon));
        data.Add("nulls and empty lists", new EventRecord { Id = "0", Doc = "d", Type = EventType.Other });
        data.Add("null lists", new EventRecord { Id = "0", Doc = "d", Type = EventType.Aid, Places = null!, Weapons = null!, Evidence = null! });
        data.Add("awkward numbers", new EventRecord
        {
            Id = "n",
            Doc = "d",
            Type = EventType.Aid,
            AmountUsd = 0.1 + 0.2,
            Confidence = 1e-7,
            Killed = int.MaxValue,
            Injured = int.MinValue,
            Places = [new Place("P", PlaceKind.Area, "", "", -0.0, 1e21, long.MaxValue, "")],
        });
        return data;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void WritesWhatTheSerializerWrites(string note, EventRecord record)
    {
        var expected = JsonSerializer.Serialize(record, EventJsonContext.Default.EventRecord);

        _ = note; // names the case in the test list
        Assert.Equal(expected, EventJson.Serialize(record));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            EventJson.Serialize(writer, record);
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void ReadsBackWhatItWrites()
    {
        var record = Full(EventType.GroundCombat, DatePrecision.Year, PlaceKind.Facility, WeaponClass.GlideBomb);

        var again = EventJson.Deserialize(EventJson.Serialize(record))!;

        Assert.Equal(EventJson.Serialize(record), EventJson.Serialize(again));
        Assert.Equal(record.Places[0], again.Places[0]);
        Assert.Equal(record.Weapons[1], again.Weapons[1]);
        Assert.Equal(record.Evidence[0], again.Evidence[0]);
    }
}
