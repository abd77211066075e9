using System.Reflection;
using Sitrep.Store;

namespace Sitrep.Web.Claims;

/// <summary>A settlement's claimed control as of one day, from every report up to that day.</summary>
internal sealed record ClaimedSettlement(string Place, string? Admin1, double Lat, double Lon,
    string? Holder, string? ClaimedBy, string LastDate, bool Contested, string? ContestedBecause, int ClaimCount, IReadOnlyList<ControlClaim> Claims);

/// <summary>
/// DeepState's job from reports: for each settlement whose capture or liberation was claimed,
/// which side the latest claim says holds it, who claimed it, and whether it is contested
/// (both sides claim it, or a later claim reverses an earlier one).
/// </summary>
internal static class ClaimedControl
{
    /// <summary>Subtypes that say the event's actor holds the place afterwards (Data/control-subtypes.tsv).</summary>
    public static readonly IReadOnlyList<string> ControlSubtypes = ReadSubtypes();

    /// <summary>Settlements as of <paramref name="asOf"/> (inclusive; null: every claim), from claims sorted by date, by name.</summary>
    public static List<ClaimedSettlement> AsOf(IReadOnlyList<ControlClaim> claims, string? asOf) =>
        new ClaimTimeline(claims).AsOf(asOf).ToList();

    private static List<string> ReadSubtypes()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Web.Data.control-subtypes.tsv")
            ?? throw new InvalidOperationException("control-subtypes.tsv is not embedded in Sitrep.Web.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t')[0].Trim())
            .ToList();
    }
}

/// <summary>
/// Every settlement's state after each of its claims, worked out once: the date slider then asks,
/// per settlement, how many of its claims fall on or before the day (a binary search), and walks
/// settlements already in name order. Nothing is sorted or worked out again per request: a
/// request only picks (and for a zoomed-out map counts by grid cell) the states of that day.
/// </summary>
internal sealed class ClaimTimeline
{
    /// <summary>How many of a settlement's latest claims are sent with it (all count towards its state).</summary>
    private const int RecentClaims = 10;

    private readonly Track[] _tracks;

    /// <param name="claims">Claims sorted by date, oldest first.</param>
    public ClaimTimeline(IReadOnlyList<ControlClaim> claims)
    {
        FirstDate = claims.Count > 0 ? claims[0].Date : null;
        LastDate = claims.Count > 0 ? claims[^1].Date : null;
        _tracks = claims
            .GroupBy(c => c.GeonamesId is { } id ? $"#{id}" : $"{c.Place}|{c.Admin1}", StringComparer.OrdinalIgnoreCase)
            .Select(g => new Track(g.ToArray()))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public string? FirstDate { get; }
    public string? LastDate { get; }

    /// <summary>Each settlement claimed by <paramref name="asOf"/> (null: ever), in name order, as its claims up to that day leave it.</summary>
    public IEnumerable<ClaimedSettlement> AsOf(string? asOf)
    {
        foreach (var track in _tracks)
            if (track.ClaimsBy(asOf) is var seen and > 0)
                yield return track.States[seen - 1];
    }

    private sealed class Track
    {
        private readonly string[] _dates;

        public Track(ControlClaim[] claims)
        {
            _dates = claims.Select(c => c.Date).ToArray();
            Name = claims[^1].Place;
            States = new ClaimedSettlement[claims.Length];
            var holders = new List<string>();
            var claimants = new List<string>();
            var reversed = false;
            for (var k = 0; k < claims.Length; k++)
            {
                var claim = claims[k];
                if (claim.Actor is { } actor && !holders.Contains(actor, StringComparer.OrdinalIgnoreCase))
                    holders.Add(actor);
                if ((claim.ClaimedBy ?? claim.Actor) is { } claimant && !claimants.Contains(claimant, StringComparer.OrdinalIgnoreCase))
                    claimants.Add(claimant);
                reversed |= k > 0 && claims[k - 1].Actor is { } before && claim.Actor is { } after
                            && !before.Equals(after, StringComparison.OrdinalIgnoreCase);
                var because = reversed ? "a later claim reverses an earlier one"
                    : claimants.Count > 1 ? $"claimed by {string.Join(" and ", claimants)}"
                    : holders.Count > 1 ? $"claims disagree on who holds it ({string.Join(", ", holders)})"
                    : null;
                var recent = Math.Max(0, k + 1 - RecentClaims);
                States[k] = new ClaimedSettlement(claim.Place, claim.Admin1, claim.Lat, claim.Lon, claim.Actor, claim.ClaimedBy ?? claim.Actor,
                    claim.Date, because is not null, because, k + 1, new ArraySegment<ControlClaim>(claims, recent, k + 1 - recent));
            }
        }

        public string Name { get; }

        /// <summary>The settlement's state after its first k claims, at k - 1.</summary>
        public ClaimedSettlement[] States { get; }

        /// <summary>How many of the claims fall on or before the day (ISO dates sort as text).</summary>
        public int ClaimsBy(string? asOf)
        {
            if (asOf is null)
                return _dates.Length;
            var (low, high) = (0, _dates.Length);
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (string.CompareOrdinal(_dates[mid], asOf) <= 0)
                    low = mid + 1;
                else
                    high = mid;
            }
            return low;
        }
    }
}
