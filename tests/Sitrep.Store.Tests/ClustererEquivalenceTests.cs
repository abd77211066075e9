using Sitrep.Events;
using Sitrep.Store.Incidents;

namespace Sitrep.Store.Tests;

/// <summary>
/// The clusterer and the id assignment written as loops over arrays give what their former LINQ
/// forms gave (kept here as the reference), group for group and report for report, on random
/// windows made to hit the hard cases: vague reports fitting several towns, documents telling two
/// places, contradicting and agreeing tolls, wounded and weapons read from the records, nights.
/// </summary>
public sealed class ClustererEquivalenceTests
{
    private static readonly (string Name, string? Admin1, double? Lat, double? Lon, long? Id, string Kind)[] Points =
    [
        ("kharkiv", "kharkiv", 49.99, 36.23, 706483, "settlement"), ("kharkiv", null, null, null, null, "settlement"),
        ("pisochyn", "kharkiv", 49.96, 36.20, 1, "settlement"), ("merefa", "kharkiv", 49.82, 36.05, 701822, "settlement"),
        ("airfield", "kharkiv", 49.92, 36.29, null, "facility"), ("odesa", "odesa", 46.48, 30.72, 698740, "settlement"),
        ("port", "odesa", 46.50, 30.75, null, "facility"), ("kyiv", "kyiv city", 50.45, 30.52, 703448, "settlement"),
    ];
    private static readonly string?[] Oblasts = ["kharkiv", "odesa", "kyiv city", null];
    private static readonly (string Name, string Kind, string? Country)[] Wide =
        [("ukraine", "country", "UA"), ("black sea", "water", null), ("russia", "country", "RU"), ("ukraine", "country", null)];
    private static readonly string?[] Actors = [null, "RU", "ru", "UA"];
    private static readonly string[] Days = ["2024-05-09", "2024-05-10", "2024-05-11", "2024-05-13"];

    [Fact]
    public void Groups_are_those_of_the_former_clusterer_on_random_windows()
    {
        var random = new Random(28);
        var vagueJoins = 0;
        for (var n = 0; n < 1500; n++)
        {
            var records = new Dictionary<long, EventRecord>();
            var reports = Enumerable.Range(0, 2 + random.Next(n % 10 == 0 ? 60 : 14)).Select(i => Report(random, i, records)).ToList();
            Func<ClusterReport, EventRecord?>? record = n % 7 == 0 ? null : r => records.GetValueOrDefault(r.Event);

            var expected = FormerClusterer.Cluster(reports, record);
            var actual = IncidentClusterer.Cluster(reports, record);

            Assert.Equal(Keys(expected), Keys(actual));
            vagueJoins += actual.Count(g => g.Any(r => r.Level != PlaceLevel.Point) && g.Any(r => r.Level == PlaceLevel.Point));
        }
        // The windows exercised the joins of vague reports, not only the links of towns.
        Assert.True(vagueJoins > 100, $"{vagueJoins} groups joined a vague report to towns");
    }

    [Fact]
    public void Groups_are_those_of_the_former_clusterer_on_windows_of_retold_reports()
    {
        // Outlets retelling one report alike: classes of 1 to 50 reports equal in all a link reads,
        // from documents that sometimes tell two of them, with tolls, wounded and weapons of their own.
        var random = new Random(2929);
        var (retold, vagueJoins) = (0, 0);
        for (var n = 0; n < 300; n++)
        {
            var records = new Dictionary<long, EventRecord>();
            var reports = Retold(random, 1 + random.Next(8), 1 + random.Next(n % 3 == 0 ? 50 : 12), 4 + random.Next(60), records);
            Func<ClusterReport, EventRecord?>? record = n % 5 == 0 ? null : r => records.GetValueOrDefault(r.Event);

            var expected = FormerClusterer.Cluster(reports, record);
            var actual = IncidentClusterer.Cluster(reports, record);

            Assert.Equal(Keys(expected), Keys(actual));
            retold += actual.Count(g => g.Count > 10);
            vagueJoins += actual.Count(g => g.Any(r => r.Level != PlaceLevel.Point) && g.Any(r => r.Level == PlaceLevel.Point));
        }
        // Big groups formed, and vague reports joined them, so both linking and joining met retellings.
        Assert.True(retold > 100, $"{retold} groups of more than 10 reports");
        Assert.True(vagueJoins > 50, $"{vagueJoins} groups joined a vague report to towns");
    }

    [Fact]
    public void Groups_are_those_of_the_former_clusterer_on_big_windows()
    {
        var random = new Random(2930);
        for (var n = 0; n < 6; n++)
        {
            var records = new Dictionary<long, EventRecord>();
            var reports = Retold(random, 20 + random.Next(20), 40, 150 + random.Next(300), records);
            Assert.True(reports.Count > 200, $"{reports.Count} reports");

            var expected = FormerClusterer.Cluster(reports, r => records.GetValueOrDefault(r.Event));
            var actual = IncidentClusterer.Cluster(reports, r => records.GetValueOrDefault(r.Event));

            Assert.Equal(Keys(expected), Keys(actual));
        }
    }

    /// <summary>
    /// Reports made from <paramref name="accounts"/> random ones, each told up to <paramref name="mostTold"/>
    /// times by documents drawn from <paramref name="documents"/>: the copies differ only in their document,
    /// id, toll and record.
    /// </summary>
    private static List<ClusterReport> Retold(Random random, int accounts, int mostTold, int documents, Dictionary<long, EventRecord> records)
    {
        var reports = new List<ClusterReport>();
        var scratch = new Dictionary<long, EventRecord>();
        for (var a = 0; a < accounts; a++)
        {
            var account = Report(random, a, scratch);
            var told = 1 + random.Next(mostTold);
            for (var c = 0; c < told; c++)
            {
                // The copy's own record (its wounded, its weapons), and now and then a toll of its own.
                var own = Report(random, reports.Count, records);
                var doc = $"d{random.Next(documents)}";
                records[own.Event] = records[own.Event] with { Doc = doc };
                reports.Add(account with { Event = own.Event, Doc = doc, Id = own.Id, Killed = random.Next(3) == 0 ? own.Killed : account.Killed });
            }
        }
        return reports;
    }

    [Fact]
    public void Ids_are_those_of_the_former_assignment_on_random_groups()
    {
        var random = new Random(29);
        for (var n = 0; n < 2000; n++)
        {
            var groups = Enumerable.Range(0, 1 + random.Next(6))
                .Select(g => Enumerable.Range(0, 1 + random.Next(5)).Select(i => Report(random, g * 10 + i, [])).ToList()).ToList();
            var before = groups.SelectMany(g => g).ToDictionary(r => r.Event, _ => (random.Next(4) == 0 ? (long?)null : random.Next(1, 6), random.Next(2) == 0));

            Assert.Equal(FormerIds(groups, r => before[r.Event]), IncidentIds.Assign(groups, r => before[r.Event]));
        }
    }

    private static List<List<long>> Keys(List<List<ClusterReport>> groups) => groups.Select(g => g.Select(r => r.Event).ToList()).ToList();

    private static ClusterReport Report(Random random, int i, Dictionary<long, EventRecord> records)
    {
        var key = i + 1L;
        var doc = $"d{random.Next(8)}";
        var date = DateOnly.Parse(Days[random.Next(Days.Length)]);
        var night = random.Next(3) == 0;
        var nightAfter = night && random.Next(2) == 0;
        var nightDated = random.Next(4) != 0;
        var actor = Actors[random.Next(Actors.Length)];
        var target = random.Next(3) == 0 ? "UA" : null;
        int? killed = random.Next(3) == 0 ? null : random.Next(8);
        var weapons = Enumerable.Range(0, random.Next(3))
            .Select(_ => new Weapon((WeaponClass)random.Next(Enum.GetValues<WeaponClass>().Length), null, null, null)).ToList();
        records[key] = Reports.Strike(doc, $"e{i}", Reports.Kharkiv, killed: killed, injured: random.Next(3) == 0 ? null : random.Next(6),
            weapons: weapons);
        switch (random.Next(5))
        {
            case < 3:
                var p = Points[random.Next(Points.Length)];
                return new ClusterReport(key, doc, $"e{i}", "air", date, nightAfter, actor, target, PlaceLevel.Point, p.Kind, p.Name, p.Admin1,
                    "UA", p.Lat, p.Lon, p.Id, killed, night, nightDated);
            case 3:
                var oblast = Oblasts[random.Next(Oblasts.Length)];
                return new ClusterReport(key, doc, $"e{i}", "air", date, nightAfter, actor, target, PlaceLevel.Oblast, "region", oblast ?? "somewhere",
                    oblast, "UA", null, null, null, killed, night, nightDated);
            default:
                var w = Wide[random.Next(Wide.Length)];
                return new ClusterReport(key, doc, $"e{i}", "air", date, nightAfter, actor, target, PlaceLevel.Wide, w.Kind, w.Name, null,
                    w.Country, null, null, null, killed, night, nightDated);
        }
    }

    /// <summary>The id assignment as it was written before, with grouping queries.</summary>
    private static long?[] FormerIds(IReadOnlyList<List<ClusterReport>> groups, Func<ClusterReport, (long? Id, bool Stayed)> before)
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

/// <summary>The clusterer as it was written before, with queries and a scan of the window for a group's members.</summary>
internal static class FormerClusterer
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
