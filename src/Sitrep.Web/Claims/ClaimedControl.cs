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

    /// <summary>How many of a settlement's latest claims are sent with it (all count towards its state).</summary>
    private const int RecentClaims = 10;

    /// <summary>Settlements as of <paramref name="asOf"/> (inclusive; null: every claim), from claims sorted by date.</summary>
    public static List<ClaimedSettlement> AsOf(IEnumerable<ControlClaim> claims, string? asOf) =>
        claims
            .Where(c => asOf is null || string.CompareOrdinal(c.Date, asOf) <= 0)
            .GroupBy(c => c.GeonamesId is { } id ? $"#{id}" : $"{c.Place}|{c.Admin1}", StringComparer.OrdinalIgnoreCase)
            .Select(Settle)
            .OrderBy(s => s.Place, StringComparer.Ordinal)
            .ToList();

    private static ClaimedSettlement Settle(IEnumerable<ControlClaim> group)
    {
        var claims = group.ToList();
        var last = claims[^1];
        var holders = claims.Select(c => c.Actor).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var claimants = claims.Select(c => c.ClaimedBy ?? c.Actor).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var reversed = claims.Zip(claims.Skip(1)).Any(p => p.First.Actor is { } a && p.Second.Actor is { } b
                                                         && !a.Equals(b, StringComparison.OrdinalIgnoreCase));
        var because = reversed ? "a later claim reverses an earlier one"
            : claimants.Count > 1 ? $"claimed by {string.Join(" and ", claimants)}"
            : holders.Count > 1 ? $"claims disagree on who holds it ({string.Join(", ", holders)})"
            : null;
        return new ClaimedSettlement(last.Place, last.Admin1, last.Lat, last.Lon, last.Actor, last.ClaimedBy ?? last.Actor,
            last.Date, because is not null, because, claims.Count, claims.TakeLast(RecentClaims).ToList());
    }

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
