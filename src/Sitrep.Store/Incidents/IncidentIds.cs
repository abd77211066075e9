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
        // Loops rather than grouping queries: the writer assigns ids at every stretch it clusters again.
        var claims = new List<(long Old, int Group, int Count)>();
        var weights = new List<(long Old, int Count)>();
        for (var g = 0; g < groups.Count; g++)
        {
            weights.Clear();
            foreach (var report in groups[g])
            {
                if (before(report) is not ({ } old, var stayed))
                    continue;
                var at = 0;
                while (at < weights.Count && weights[at].Old != old)
                    at++;
                if (at == weights.Count)
                    weights.Add((old, 0));
                weights[at] = (old, weights[at].Count + (stayed ? 2 : 1));
            }
            foreach (var (old, count) in weights)
                claims.Add((old, g, count));
        }
        // Each (old id, group) is claimed once, so this order is total.
        claims.Sort(static (x, y) => x.Old != y.Old ? x.Old.CompareTo(y.Old) : x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Group.CompareTo(y.Group));

        var ids = new long?[groups.Count];
        var taken = new HashSet<long>();
        foreach (var (old, group, _) in claims)
        {
            if (ids[group] is null && taken.Add(old))
                ids[group] = old;
        }
        return ids;
    }
}
