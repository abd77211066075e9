using Sitrep.Geo.Resolution;

namespace Sitrep.Geo.Tests;

// ProximityPull.Of passes over anchors beyond the reach of the pull found so far; it must give
// the bits of the maximum taken over every anchor, the way the pull was worked out before.
public class ProximityPullTests
{
    [Fact]
    public void Skipping_far_anchors_gives_the_same_bits_as_the_maximum_over_all()
    {
        var random = new Random(26);
        var anchors = new List<PullingAnchor>();
        for (var round = 0; round < 20_000; round++)
        {
            anchors.Clear();
            // A report's places: mostly within a few degrees of each other, some across the world,
            // now and then two at the same spot or one right on the candidate.
            double lat = 44 + random.NextDouble() * 8, lon = 30 + random.NextDouble() * 10;
            var n = random.Next(1, 12);
            for (var i = 0; i < n; i++)
            {
                double alat, alon;
                switch (random.Next(10))
                {
                    case 0: (alat, alon) = (random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180); break;
                    case 1: (alat, alon) = (lat, lon); break;
                    case 2 when anchors.Count > 0: (alat, alon) = (anchors[^1].Lat, anchors[^1].Lon); break;
                    default: (alat, alon) = (lat + random.NextDouble() * 6 - 3, lon + random.NextDouble() * 6 - 3); break;
                }
                var weight = random.Next(3) == 0 ? Weights.OtherSentence : 1.0;
                anchors.Add(new PullingAnchor(alat, alon, GreatCircle.CosLat(alat), weight));
            }
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(anchors);
            Assert.Equal(
                BitConverter.DoubleToInt64Bits(Exhaustive(lat, lon, anchors)),
                BitConverter.DoubleToInt64Bits(ProximityPull.Of(lat, lon, span, ProximityPull.MaxWeight(span))));
        }
    }

    // Anchors measured nearest first: a front's cluster of places seen from a namesake next to
    // it, across the country or across the world, with windows longer than those put in order.
    [Fact]
    public void Clustered_anchors_seen_from_near_and_far_give_the_bits_of_the_maximum()
    {
        var random = new Random(28);
        var anchors = new List<PullingAnchor>();
        for (var round = 0; round < 20_000; round++)
        {
            anchors.Clear();
            double clusterLat = 46 + random.NextDouble() * 6, clusterLon = 32 + random.NextDouble() * 8;
            var n = round % 50 == 0 ? random.Next(150, 200) : random.Next(1, 40);
            for (var i = 0; i < n; i++)
            {
                double alat = clusterLat + random.NextDouble() * 0.6 - 0.3, alon = clusterLon + random.NextDouble() * 0.6 - 0.3;
                var weight = random.Next(3) == 0 ? Weights.OtherSentence : 1.0;
                anchors.Add(new PullingAnchor(alat, alon, GreatCircle.CosLat(alat), weight));
            }
            var (lat, lon) = (round % 4) switch
            {
                0 => (clusterLat + random.NextDouble() * 0.4 - 0.2, clusterLon + random.NextDouble() * 0.4 - 0.2),
                1 => (44 + random.NextDouble() * 8, 30 + random.NextDouble() * 10),
                2 => (random.NextDouble() * 180 - 90, random.NextDouble() * 360 - 180),
                _ => (anchors[0].Lat, anchors[0].Lon),
            };
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(anchors);
            Assert.Equal(
                BitConverter.DoubleToInt64Bits(Exhaustive(lat, lon, anchors)),
                BitConverter.DoubleToInt64Bits(ProximityPull.Of(lat, lon, span, ProximityPull.MaxWeight(span))));
        }
    }

    [Fact]
    public void An_anchor_without_a_position_pulls_not_a_number_wherever_it_stands()
    {
        foreach (var at in new[] { 0, 1, 2 })
        {
            List<PullingAnchor> anchors = [new(48.0, 37.0, GreatCircle.CosLat(48.0), 1.0), new(48.1, 37.1, GreatCircle.CosLat(48.1), 1.0)];
            anchors.Insert(at, new PullingAnchor(double.NaN, double.NaN, double.NaN, 1.0));
            Assert.True(double.IsNaN(Exhaustive(48.05, 37.05, anchors)));
            Assert.True(double.IsNaN(ProximityPull.Of(48.05, 37.05, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(anchors), 1.0)));
        }
    }

    [Fact]
    public void A_candidate_without_a_position_pulls_not_a_number_as_before()
    {
        PullingAnchor[] anchors = [new(48.0, 37.0, GreatCircle.CosLat(48.0), 1.0), new(48.1, 37.1, GreatCircle.CosLat(48.1), 0.6)];
        Assert.True(double.IsNaN(Exhaustive(double.NaN, double.NaN, [.. anchors])));
        Assert.True(double.IsNaN(ProximityPull.Of(double.NaN, double.NaN, anchors, 1.0)));
    }

    [Fact]
    public void Beyond_the_reach_even_the_heaviest_anchor_pulls_less()
    {
        var random = new Random(27);
        for (var i = 0; i < 100_000; i++)
        {
            // An anchor of either weight at some distance pulls; the heaviest weight is 1.
            var weight = random.Next(2) == 0 ? 1.0 : Weights.OtherSentence;
            var km = i % 100 == 0 ? 0 : random.NextDouble() * (i % 3 == 0 ? 2 : 400);
            var pull = weight * Math.Exp(-km / Weights.ProximityKm);
            var reach = ProximityPull.Reach(km, weight == 1.0 ? 0 : Math.Log(1.0 / weight));
            var beyond = Math.BitIncrement(reach);
            Assert.True(1.0 * Math.Exp(-beyond / Weights.ProximityKm) <= pull, $"km {km}, weight {weight}, reach {reach}");
            Assert.True(weight * Math.Exp(-beyond / Weights.ProximityKm) <= pull);
        }
    }

    // The pull as Score worked it out before anchors were skipped: the reference, bit for bit.
    private static double Exhaustive(double lat, double lon, List<PullingAnchor> anchors)
    {
        var pull = 0.0;
        foreach (var a in anchors)
        {
            if (a.Weight <= pull)
                continue;
            var km = GreatCircle.Km(lat, lon, GreatCircle.CosLat(lat), a.Lat, a.Lon, a.CosLat);
            pull = Math.Max(pull, a.Weight * Math.Exp(-km / Weights.ProximityKm));
        }
        return pull;
    }
}
