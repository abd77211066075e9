using System.Text.Json;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Tests;

/// <summary>The names stored in columns are read from the enums' attributes: they must be the serializer's names.</summary>
public sealed class EventJsonNamesTests
{
    private static string Serialized<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    [Fact]
    public void Every_stored_name_is_the_one_the_serializer_writes()
    {
        foreach (var v in Enum.GetValues<EventType>())
            Assert.Equal(Serialized(v), EventJsonNames.Type(v));
        foreach (var v in Enum.GetValues<DatePrecision>())
            Assert.Equal(Serialized(v), EventJsonNames.Precision(v));
        foreach (var v in Enum.GetValues<WeaponClass>())
            Assert.Equal(Serialized(v), EventJsonNames.Weapon(v));
        foreach (var v in Enum.GetValues<PlaceKind>())
        {
            Assert.Equal(Serialized(v), EventJsonNames.Kind(v));
            Assert.Equal(v, EventJsonNames.ParseKind(Serialized(v).ToUpperInvariant()));
        }
        Assert.Equal(Enum.GetValues<EventType>().Select(Serialized), EventJsonNames.AllTypes);
    }
}
