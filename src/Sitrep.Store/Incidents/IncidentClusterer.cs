namespace Sitrep.Store.Incidents;

/// <summary>
/// Groups reports into incidents. The result depends only on the set of reports, never on the
/// order they arrived in: reports are taken in (document, event id) order, and each step below
/// decides from the state the step before left.
/// <list type="number">
/// <item>Reports at a settlement or facility link pairwise when their places agree
///   (<see cref="IncidentRule.Match"/>); a report linking two groups merges them.</item>
/// <item>An oblast-level report joins a group of step 1 only when exactly one group in its
///   oblast fits it (same day or night, actors and death toll not contradicting); otherwise it
///   groups with other oblast-level reports of its oblast that fit no group.</item>
/// <item>A country-level report does the same one level up; seas and front sectors group only with
///   reports of the same sea or sector.</item>
/// </list>
/// Every merge keeps a group to one report per document, one known actor and target, and two
/// consecutive days at most, so no chain of near matches grows into a week of strikes.
/// </summary>
internal static class IncidentClusterer
{
    public static List<List<ClusterReport>> Cluster(IEnumerable<ClusterReport> input)
    {
        var reports = input.OrderBy(r => r.Doc, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var groups = new Groups(reports);
        var byDay = new Dictionary<(string Family, DateOnly Day), List<int>>();
        for (var i = 0; i < reports.Count; i++)
        {
            var key = (reports[i].Family, reports[i].Date);
            if (!byDay.TryGetValue(key, out var list))
                byDay[key] = list = [];
            list.Add(i);
        }

        LinkWithin(PlaceLevel.Point, reports, byDay, groups, _ => true);
        foreach (var level in new[] { PlaceLevel.Oblast, PlaceLevel.Wide })
        {
            // A vague report that fits several finer incidents is left alone: it could be any of
            // them, and linking it with other vague reports would merge incidents through it.
            var settled = JoinOnlyCandidate(level, reports, byDay, groups);
            LinkWithin(level, reports, byDay, groups, i => !settled.Contains(i));
        }

        return Enumerable.Range(0, reports.Count)
            .GroupBy(groups.Find)
            .Select(g => g.Select(i => reports[i]).ToList())
            .ToList();
    }

    /// <summary>Pairwise links among reports of one level, closest places first.</summary>
    private static void LinkWithin(PlaceLevel level, List<ClusterReport> reports, Dictionary<(string, DateOnly), List<int>> byDay, Groups groups, Func<int, bool> eligible)
    {
        var links = new List<(PlaceMatch Match, int A, int B)>();
        for (var i = 0; i < reports.Count; i++)
        {
            var a = reports[i];
            if (a.Level != level || !eligible(i))
                continue;
            foreach (var j in Near(a, byDay))
            {
                var b = reports[j];
                if (j <= i || b.Level != level || !eligible(j) || a.Doc == b.Doc || !IncidentRule.SameDayOrNight(a, b)
                    || !IncidentRule.ActorsCompatible(a.Actor, b.Actor) || !IncidentRule.ActorsCompatible(a.Target, b.Target))
                    continue;
                if (IncidentRule.Match(a, b) is { } match)
                    links.Add((match, i, j));
            }
        }
        foreach (var (_, a, b) in links.OrderBy(l => l.Match).ThenBy(l => l.A).ThenBy(l => l.B))
            groups.TryUnion(a, b);
    }

    /// <summary>
    /// Joins each report of a vague level to the one finer group it fits, when there is exactly one;
    /// decided from the groups as they stand, so no join changes another's candidates. Returns the
    /// reports that joined one and those that fit several.
    /// </summary>
    private static HashSet<int> JoinOnlyCandidate(PlaceLevel level, List<ClusterReport> reports, Dictionary<(string, DateOnly), List<int>> byDay, Groups groups)
    {
        var joins = new List<(int Report, int Group)>();
        var settled = new HashSet<int>();
        for (var i = 0; i < reports.Count; i++)
        {
            var vague = reports[i];
            if (vague.Level != level)
                continue;
            var candidates = new HashSet<int>();
            foreach (var j in Near(vague, byDay))
            {
                var fine = reports[j];
                if (IncidentRule.Contains(vague, fine) && IncidentRule.SameDayOrNight(vague, fine) && groups.CanJoin(groups.Find(j), i))
                    candidates.Add(groups.Find(j));
            }
            // A group whose every stated toll contradicts the vague report's is not the incident it tells.
            if (vague.Killed is not null && candidates.Count > 1)
                candidates.RemoveWhere(g => groups.Killed(g) is { Count: > 0 } tolls && !tolls.Any(t => IncidentRule.FiguresAgree(t, vague.Killed)));
            if (candidates.Count == 1)
                joins.Add((i, candidates.First()));
            else if (candidates.Count > 1)
                settled.Add(i);
        }
        foreach (var (report, group) in joins)
            if (groups.TryUnion(group, report))
                settled.Add(report);
        return settled;
    }

    /// <summary>Reports of the same family dated the day before, the day of, or the day after.</summary>
    private static IEnumerable<int> Near(ClusterReport r, Dictionary<(string, DateOnly), List<int>> byDay)
    {
        for (var d = -1; d <= 1; d++)
            if (byDay.TryGetValue((r.Family, r.Date.AddDays(d)), out var list))
                foreach (var j in list)
                    yield return j;
    }

    /// <summary>Union-find over report indexes, each group carrying what a merge must not break.</summary>
    private sealed class Groups
    {
        private readonly int[] _parent;
        private readonly Dictionary<int, GroupState> _state = [];

        private readonly List<ClusterReport> _reports;

        public Groups(List<ClusterReport> reports)
        {
            _reports = reports;
            _parent = Enumerable.Range(0, reports.Count).ToArray();
            for (var i = 0; i < reports.Count; i++)
            {
                var r = reports[i];
                _state[i] = new GroupState([r.Doc], r.Actor, r.Target, r.Date, r.Date);
            }
        }

        /// <summary>The death tolls the reports of a group state.</summary>
        public List<int> Killed(int group) =>
            Enumerable.Range(0, _parent.Length).Where(i => Find(i) == group && _reports[i].Killed is not null).Select(i => _reports[i].Killed!.Value).ToList();

        public int Find(int i)
        {
            while (_parent[i] != i)
                i = _parent[i] = _parent[_parent[i]];
            return i;
        }

        public bool CanJoin(int a, int b)
        {
            var (x, y) = (_state[Find(a)], _state[Find(b)]);
            return !x.Docs.Overlaps(y.Docs)
                && IncidentRule.ActorsCompatible(x.Actor, y.Actor) && IncidentRule.ActorsCompatible(x.Target, y.Target)
                && Max(x.Last, y.Last).DayNumber - Min(x.First, y.First).DayNumber <= 1;
        }

        public bool TryUnion(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra == rb)
                return true;
            if (!CanJoin(ra, rb))
                return false;
            var (x, y) = (_state[ra], _state[rb]);
            var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
            _parent[child] = root;
            x.Docs.UnionWith(y.Docs);
            _state[root] = new GroupState(x.Docs, x.Actor ?? y.Actor, x.Target ?? y.Target, Min(x.First, y.First), Max(x.Last, y.Last));
            _state.Remove(child);
            return true;
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private sealed record GroupState(HashSet<string> Docs, string? Actor, string? Target, DateOnly First, DateOnly Last);
    }
}
