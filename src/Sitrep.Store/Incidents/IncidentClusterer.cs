using Sitrep.Events;

namespace Sitrep.Store.Incidents;

/// <summary>
/// Groups reports into incidents. The result depends only on the set of reports, never on the
/// order they arrived in: reports are taken in (document, event id) order, and each step below
/// decides from the state the step before left.
/// <list type="number">
/// <item>Reports at a settlement or facility link pairwise when their places agree
///   (<see cref="IncidentRule.Match"/>); a report linking two groups merges them.</item>
/// <item>An oblast-level report joins a group of step 1 only when exactly one group in its
///   oblast fits it (same day or night, actors, death toll, wounded, weapon and the night not
///   contradicting, and, when the others were ruled out, something agreeing), or when one of
///   those that fit shares more of its details than any other; rounds repeat while joins rule
///   out more groups. Otherwise it groups with other oblast-level reports of its oblast
///   that fit no group.</item>
/// <item>A country-level report does the same one level up; seas and front sectors group only with
///   reports of the same sea or sector.</item>
/// </list>
/// Every merge keeps a group to one report per document, one known actor and target, and two
/// consecutive days at most, so no chain of near matches grows into a week of strikes.
/// </summary>
internal static class IncidentClusterer
{
    /// <param name="input">The reports to group.</param>
    /// <param name="record">
    /// The full record of a report, read only to tell apart the incidents a vague report could be
    /// (its wounded, its weapons); without it those are left unknown.
    /// </param>
    public static List<List<ClusterReport>> Cluster(IEnumerable<ClusterReport> input, Func<ClusterReport, EventRecord?>? record = null)
    {
        var reports = input.OrderBy(r => r.Doc, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var groups = new Groups(reports, record);
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
    /// Joins each report of a vague level to the one finer group it fits, when there is exactly one.
    /// Each round decides from the groups as the round before left them, so no join changes another's
    /// candidates within a round; a join can rule its group out for the next round (the group now
    /// holds that document, that actor, that toll), so rounds go on until one joins nothing.
    /// Returns the reports that joined one and those that still fit several.
    /// </summary>
    private static HashSet<int> JoinOnlyCandidate(PlaceLevel level, List<ClusterReport> reports, Dictionary<(string, DateOnly), List<int>> byDay, Groups groups)
    {
        var joined = new HashSet<int>();
        var several = new HashSet<int>();
        while (true)
        {
            var joins = new List<(int Report, int Group)>();
            several.Clear();
            for (var i = 0; i < reports.Count; i++)
            {
                if (reports[i].Level != level || joined.Contains(i))
                    continue;
                var candidates = Candidates(i, reports, byDay, groups);
                if (candidates.Count == 1)
                    joins.Add((i, candidates.First()));
                else if (candidates.Count > 1)
                    several.Add(i);
            }
            var any = false;
            foreach (var (report, group) in joins)
            {
                if (groups.TryUnion(group, report))
                {
                    joined.Add(report);
                    any = true;
                }
            }
            if (!any)
                return [.. joined, .. several];
        }
    }

    /// <summary>The finer groups a vague report fits, after the evidence that tells them apart has had its say.</summary>
    private static HashSet<int> Candidates(int i, List<ClusterReport> reports, Dictionary<(string, DateOnly), List<int>> byDay, Groups groups)
    {
        var vague = reports[i];
        var candidates = new HashSet<int>();
        foreach (var j in Near(vague, byDay))
        {
            var fine = reports[j];
            if (IncidentRule.Contains(vague, fine) && IncidentRule.SameDayOrNight(vague, fine) && groups.CanJoin(groups.Find(j), i))
                candidates.Add(groups.Find(j));
        }
        if (candidates.Count < 2)
            return candidates;
        var evidence = candidates.ToDictionary(g => g, g => Compare(i, g, reports, groups));
        var fitting = candidates.Where(g => !evidence[g].Contradicts).ToHashSet();
        // When the evidence rules out all but one, that one must also share something with the
        // report (a toll, a count of wounded, a weapon, the night), not merely not contradict it:
        // the report may tell an incident no finer report told.
        if (fitting.Count == 1)
            return evidence[fitting.First()].Agreeing > 0 ? fitting : candidates;
        // Among several that fit, the one that shares more of what the report states than any
        // other is the one it tells: each detail it shares (a toll, the wounded, the weapon, the
        // night) is a detail the others, stating it otherwise or not at all, do not back.
        var ranked = fitting.OrderByDescending(g => evidence[g].Agreeing).ThenBy(g => g).ToList();
        return ranked.Count > 1 && evidence[ranked[0]].Agreeing > evidence[ranked[1]].Agreeing ? [ranked[0]] : fitting;
    }

    /// <summary>
    /// What a vague report's details say of a finer group: whether any contradicts it, and how many
    /// agree. A group whose every stated toll (or count of wounded) contradicts the report's is not
    /// the incident it tells, nor one whose reports name only other kinds of weapon, nor (for a
    /// report of a night's attack) one no report of which speaks of a night. The converse of the
    /// last does not hold: many retellings leave the hour out.
    /// </summary>
    private static (bool Contradicts, int Agreeing) Compare(int i, int group, List<ClusterReport> reports, Groups groups)
    {
        var vague = reports[i];
        var members = groups.Members(group).ToList();
        var verdicts = new List<Evidence>
        {
            Figures(members.Select(r => reports[r].Killed), vague.Killed),
            Figures(members.Select(r => groups.Details(r).Injured), groups.Details(i).Injured),
        };
        var weapons = groups.Details(i).Weapons;
        var theirs = members.SelectMany(r => groups.Details(r).Weapons).ToHashSet();
        verdicts.Add(weapons.Count == 0 || theirs.Count == 0 ? Evidence.Silent : theirs.Overlaps(weapons) ? Evidence.Agrees : Evidence.Contradicts);
        if (vague.TellsNight)
            verdicts.Add(members.Any(r => reports[r].TellsNight) ? Evidence.Agrees : Evidence.Contradicts);
        return (verdicts.Contains(Evidence.Contradicts), verdicts.Count(v => v == Evidence.Agrees));
    }

    private enum Evidence { Silent, Agrees, Contradicts }

    /// <summary>A figure against a group's: silent when either is unstated, contradicting when no stated one agrees.</summary>
    private static Evidence Figures(IEnumerable<int?> figures, int? figure)
    {
        var stated = figures.OfType<int>().ToList();
        return figure is null || stated.Count == 0 ? Evidence.Silent
            : stated.Any(f => IncidentRule.FiguresAgree(f, figure)) ? Evidence.Agrees : Evidence.Contradicts;
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
        private readonly Func<ClusterReport, EventRecord?>? _record;
        private readonly Dictionary<int, (int? Injured, HashSet<WeaponClass> Weapons)> _details = [];

        public Groups(List<ClusterReport> reports, Func<ClusterReport, EventRecord?>? record)
        {
            _reports = reports;
            _record = record;
            _parent = Enumerable.Range(0, reports.Count).ToArray();
            for (var i = 0; i < reports.Count; i++)
            {
                var r = reports[i];
                _state[i] = new GroupState([r.Doc], r.Actor, r.Target, r.Date, r.Date);
            }
        }

        /// <summary>The reports of a group.</summary>
        public IEnumerable<int> Members(int group) => Enumerable.Range(0, _parent.Length).Where(i => Find(i) == group);

        /// <summary>What a report's full record tells beyond its profile, read once and only when asked.</summary>
        public (int? Injured, HashSet<WeaponClass> Weapons) Details(int i)
        {
            if (!_details.TryGetValue(i, out var details))
            {
                var record = _record?.Invoke(_reports[i]);
                _details[i] = details = (record?.Injured, record?.Weapons.Select(w => IncidentRule.AttackWeapon(w.Class)).OfType<WeaponClass>().ToHashSet() ?? []);
            }
            return details;
        }

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
