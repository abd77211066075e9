namespace Sitrep.Store.Incidents;

/// <summary>
/// Keeps incident ids stable when reports are clustered again, as ACLED's living dataset does:
/// a group keeps the id most of its reports had; when a report bridges two incidents the older
/// (lower) id stays; a report that split off takes a new id and leaves the old one to the rest.
/// </summary>
internal static class IncidentIds
{
    /// <summary>
    /// The id each group keeps, or null where it needs a new one. <paramref name="before"/> gives a
    /// report's incident before, and whether the report itself was in it (rather than an earlier
    /// version of it): reports that stayed weigh more, so the rest keep the id of a report that left.
    /// </summary>
    public static long?[] Assign(IReadOnlyList<List<ClusterReport>> groups, Func<ClusterReport, (long? Id, bool Stayed)> before)
    {
        var claims = new List<(long Old, int Group, int Count)>();
        for (var g = 0; g < groups.Count; g++)
            foreach (var old in groups[g].Select(before).Where(b => b.Id is not null).GroupBy(b => b.Id!.Value))
                claims.Add((old.Key, g, old.Sum(b => b.Stayed ? 2 : 1)));

        var ids = new long?[groups.Count];
        var taken = new HashSet<long>();
        foreach (var (old, group, _) in claims.OrderBy(c => c.Old).ThenByDescending(c => c.Count).ThenBy(c => c.Group))
        {
            if (ids[group] is null && taken.Add(old))
                ids[group] = old;
        }
        return ids;
    }
}
