namespace Sitrep.Geo.Resolution;

/// <summary>An anchor as the proximity pull weighs it: where it is, and how hard it may pull.</summary>
internal readonly record struct PullingAnchor(double Lat, double Lon, double CosLat, double Weight);

/// <summary>
/// The pull of a report's nearest other place on a candidate: the largest of each anchor's
/// weight times exp(-km / <see cref="Weights.ProximityKm"/>).
/// </summary>
internal static class ProximityPull
{
    /// <summary>
    /// The pull on the point (<paramref name="lat"/>, <paramref name="lon"/>); the same bits as
    /// taking the maximum over every anchor. Once some anchor pulls, an anchor farther than the
    /// reach at which even the heaviest of them (<paramref name="maxWeight"/>) would pull less
    /// cannot raise it: it is passed over by its latitude alone, or after its distance without the
    /// exponential. Most of a candidate's anchors lie beyond the reach of the nearest.
    /// </summary>
    public static double Of(double lat, double lon, ReadOnlySpan<PullingAnchor> anchors, double maxWeight)
    {
        var pull = 0.0;
        var reach = double.PositiveInfinity;
        // The candidate's cosine once for all its anchors.
        var cosLat = GreatCircle.CosLat(lat);
        // Nearest first, by a bound that needs no sines (GreatCircle.FloorSquared): the first anchor
        // measured is then the one that pulls, and its reach passes over the rest unmeasured. The
        // pull is the maximum whatever the order. A report's window holds at most a few dozen spots;
        // a longer list, or a point without a position (whose pull is not a number however it is
        // reached, as before), is taken as it comes.
        var ordered = anchors.Length <= MaxOrdered && double.IsFinite(lat) && double.IsFinite(lon);
        Span<double> floors = stackalloc double[ordered ? anchors.Length : 0];
        Span<int> order = stackalloc int[ordered ? anchors.Length : 0];
        if (ordered)
            for (var k = 0; k < anchors.Length; k++)
            {
                ref readonly var a = ref anchors[k];
                var floor = GreatCircle.FloorSquared(lat, lon, cosLat, a.Lat, a.Lon, a.CosLat);
                if (!double.IsFinite(floor))
                {
                    ordered = false;
                    break;
                }
                var at = k;
                for (; at > 0 && floors[at - 1] > floor; at--)
                    (floors[at], order[at]) = (floors[at - 1], order[at - 1]);
                (floors[at], order[at]) = (floor, k);
            }
        // ln(maxWeight / weight) for the last weight that pulled: the reach needs it, and a report's anchors have a weight or two.
        double loggedWeight = double.NaN, logRatio = 0;
        for (var n = 0; n < anchors.Length; n++)
        {
            // The rest lie farther still: the margin keeps rounding from ever passing over an anchor within reach.
            if (ordered && floors[n] > reach * reach * (1 + 1e-9))
                break;
            ref readonly var anchor = ref anchors[ordered ? order[n] : n];
            // The pull is at most its weight (at no distance).
            if (anchor.Weight <= pull || GreatCircle.SurelyBeyond(lat, anchor.Lat, reach))
                continue;
            var km = GreatCircle.Km(lat, lon, cosLat, anchor.Lat, anchor.Lon, anchor.CosLat);
            if (km > reach)
                continue;
            var before = pull;
            pull = Math.Max(pull, anchor.Weight * Math.Exp(-km / Weights.ProximityKm));
            if (pull != before)
            {
                if (anchor.Weight != loggedWeight)
                    (loggedWeight, logRatio) = (anchor.Weight, anchor.Weight == maxWeight ? 0 : Math.Log(maxWeight / anchor.Weight));
                reach = Reach(km, logRatio);
            }
        }
        return pull;
    }

    /// <summary>The most anchors <see cref="Of"/> puts in order, on the stack: a window's spots, two of each side's.</summary>
    private const int MaxOrdered = 4 * Weights.AnchorWindow;

    /// <summary>
    /// The distance beyond which no anchor pulls harder than an anchor at <paramref name="km"/>
    /// did: its pull is weight · exp(-km / P), and the heaviest weight reaches that pull at
    /// km + P · <paramref name="logRatio"/> (ln of the heaviest weight over its own), so no
    /// logarithm of the pull is taken. Widened by a margin far above the rounding of the
    /// exponential and of the sum, so that a skipped anchor could never have won by a last bit.
    /// Not a number when the distance is not one: then nothing is skipped, as before.
    /// </summary>
    internal static double Reach(double km, double logRatio) =>
        (km + Weights.ProximityKm * logRatio) * (1 + 1e-9) + 1e-9;

    /// <summary>The heaviest weight among <paramref name="anchors"/>; 0 when there are none.</summary>
    public static double MaxWeight(ReadOnlySpan<PullingAnchor> anchors)
    {
        var max = 0.0;
        foreach (ref readonly var anchor in anchors)
            max = Math.Max(max, anchor.Weight);
        return max;
    }
}
