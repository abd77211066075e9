using Sitrep.Geo.Resolution;

namespace Sitrep.Geo.Tests;

public class GreatCircleTests
{
    [Fact]
    public void The_latitude_check_never_puts_a_point_beyond_its_own_distance()
    {
        var random = new Random(12);
        for (var i = 0; i < 100_000; i++)
        {
            double lat1 = random.NextDouble() * 180 - 90, lon1 = random.NextDouble() * 360 - 180;
            // Most pairs close together, as a report's places are; some across the world.
            double lat2 = i % 10 == 0 ? random.NextDouble() * 180 - 90 : Math.Clamp(lat1 + random.NextDouble() * 2 - 1, -90, 90);
            double lon2 = i % 10 == 0 ? random.NextDouble() * 360 - 180 : lon1 + random.NextDouble() * 2 - 1;
            var km = GreatCircle.Km(lat1, lon1, lat2, lon2);
            Assert.False(GreatCircle.SurelyBeyond(lat1, lat2, km), $"({lat1}, {lon1}) to ({lat2}, {lon2}): {km} km");
            // Along a meridian the check is as tight as the distance itself.
            Assert.False(GreatCircle.SurelyBeyond(lat1, lat2, GreatCircle.Km(lat1, lon1, lat2, lon1)));
        }
    }

    // ProximityPull.Of passes over an anchor whose floor is beyond its reach: the floor must never
    // exceed the distance, near or far, across the date line or at the poles, and must be close
    // to it for places a report names together (a few degrees apart), or it passes over nothing.
    [Fact]
    public void The_floor_is_never_above_the_distance_and_close_to_it_nearby()
    {
        var random = new Random(27);
        for (var i = 0; i < 200_000; i++)
        {
            double lat1 = random.NextDouble() * 180 - 90, lon1 = random.NextDouble() * 360 - 180;
            var (lat2, lon2) = (i % 5) switch
            {
                0 => (random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180),
                1 => (-lat1 + random.NextDouble() * 0.01, lon1 + 180 - random.NextDouble() * 0.01),
                2 => (Math.Clamp(lat1 + random.NextDouble() * 0.02 - 0.01, -90, 90), lon1 + random.NextDouble() * 0.02 - 0.01),
                _ => (Math.Clamp(lat1 + random.NextDouble() * 6 - 3, -90, 90), lon1 + random.NextDouble() * 6 - 3),
            };
            var (cos1, cos2) = (GreatCircle.CosLat(lat1), GreatCircle.CosLat(lat2));
            var km = GreatCircle.Km(lat1, lon1, cos1, lat2, lon2, cos2);
            var floor = GreatCircle.FloorSquared(lat1, lon1, cos1, lat2, lon2, cos2);
            // Within the margin the pull compares it by: a tiny distance rounds either side of its floor.
            Assert.True(floor <= km * km * (1 + 1e-9), $"({lat1}, {lon1}) to ({lat2}, {lon2}): {km} km, floor {Math.Sqrt(floor)}");
            if (km < 700 && Math.Abs(lon2 - lon1) <= 6)
                Assert.True(floor >= km * km * 0.998, $"({lat1}, {lon1}) to ({lat2}, {lon2}): {km} km, floor {Math.Sqrt(floor)}");
        }
    }

    [Theory]
    [InlineData(50.0, 179.9, 50.0, -179.9)]   // across the date line: about 14 km, not a world away
    [InlineData(90.0, 0.0, 90.0, 120.0)]      // one pole, two longitudes
    [InlineData(0.0, 0.0, 0.0, 180.0)]        // half the globe
    public void The_floor_holds_where_longitudes_wrap(double lat1, double lon1, double lat2, double lon2)
    {
        var (cos1, cos2) = (GreatCircle.CosLat(lat1), GreatCircle.CosLat(lat2));
        var km = GreatCircle.Km(lat1, lon1, cos1, lat2, lon2, cos2);
        var floor = GreatCircle.FloorSquared(lat1, lon1, cos1, lat2, lon2, cos2);
        Assert.True(floor <= km * km * (1 + 1e-9) && floor >= km * km * 0.4, $"{km} km, floor {Math.Sqrt(floor)}");
    }

    [Theory]
    [InlineData(48.0, 49.0, 100, true)]    // a degree of latitude is about 111 km
    [InlineData(48.0, 49.0, 120, false)]
    [InlineData(48.0, 48.0, 0, false)]
    public void Points_far_apart_in_latitude_are_beyond_a_short_reach(double lat1, double lat2, double km, bool beyond) =>
        Assert.Equal(beyond, GreatCircle.SurelyBeyond(lat1, lat2, km));

    [Fact]
    public void Cosines_worked_out_beforehand_give_the_same_bits_as_the_distance_in_one()
    {
        var random = new Random(25);
        for (var i = 0; i < 100_000; i++)
        {
            double lat1 = random.NextDouble() * 180 - 90, lon1 = random.NextDouble() * 360 - 180;
            double lat2 = i % 10 == 0 ? random.NextDouble() * 180 - 90 : Math.Clamp(lat1 + random.NextDouble() * 2 - 1, -90, 90);
            double lon2 = i % 10 == 0 ? random.NextDouble() * 360 - 180 : lon1 + random.NextDouble() * 2 - 1;
            var whole = BitConverter.DoubleToInt64Bits(Haversine(lat1, lon1, lat2, lon2));
            Assert.Equal(whole, BitConverter.DoubleToInt64Bits(GreatCircle.Km(lat1, lon1, lat2, lon2)));
            Assert.Equal(whole, BitConverter.DoubleToInt64Bits(GreatCircle.Km(lat1, lon1, GreatCircle.CosLat(lat1), lat2, lon2, GreatCircle.CosLat(lat2))));
        }
    }

    // The distance as it was written before the cosines could be handed in: the reference the split form must match bit for bit.
    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var a = sinLat * sinLat + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * sinLon * sinLon;
        return 2 * 6371.0 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
