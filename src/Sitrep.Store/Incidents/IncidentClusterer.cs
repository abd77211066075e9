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
    // Loops and arrays rather than LINQ and closures: the writer clusters every stretch of days a
    // batch touches, too few times for the runtime to optimize the methods, and the candidates'
    // evidence used to list a group's members by scanning every report of the window.

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
        var window = new Window(reports, byDay);

        LinkWithin(PlaceLevel.Point, window, groups, null);
        var settled = new bool[reports.Count];
        foreach (var level in (ReadOnlySpan<PlaceLevel>)[PlaceLevel.Oblast, PlaceLevel.Wide])
        {
            // A vague report that fits several finer incidents is left alone: it could be any of
            // them, and linking it with other vague reports would merge incidents through it.
            JoinOnlyCandidate(level, window, groups, settled);
            LinkWithin(level, window, groups, settled);
        }

        // Groups in the order of their first report, each report in its place in the window.
        var result = new List<List<ClusterReport>>();
        var slot = new int[reports.Count];
        Array.Fill(slot, -1);
        for (var i = 0; i < reports.Count; i++)
        {
            var root = groups.Find(i);
            if (slot[root] < 0)
            {
                slot[root] = result.Count;
                result.Add([]);
            }
            result[slot[root]].Add(reports[i]);
        }
        return result;
    }

    /// <summary>The reports in (document, event id) order, and each (family, day)'s reports by index.</summary>
    private sealed class Window(List<ClusterReport> reports, Dictionary<(string, DateOnly), List<int>> byDay)
    {
        public List<ClusterReport> Reports { get; } = reports;

        /// <summary>Reports of the same family dated the day before, the day of, or the day after, into a list kept for the purpose.</summary>
        public List<int> Near(ClusterReport r, List<int> near)
        {
            near.Clear();
            for (var d = -1; d <= 1; d++)
                if (byDay.TryGetValue((r.Family, r.Date.AddDays(d)), out var day))
                    near.AddRange(day);
            return near;
        }
    }

    /// <summary>
    /// Pairwise links among reports of one level, closest places first; reports settled by a join take no part.
    /// The links are tried as the rule orders them, every same-place link before any nearby one and each kind
    /// by (A, B), without listing or sorting them. What a report's turn can change is decided by the groups
    /// its later partners were in when the turn began: only its own group grows during the turn, so each
    /// other group either joins it at its first partner or refuses it, and a refusal is for good (groups only
    /// grow, and what keeps two apart, a shared document, two known actors or targets, more than two days,
    /// stays). So a turn tries the first partner of each group, in report order, and a pair from one document
    /// needs no test of its own: its groups share that document. A pair's match is asked once per pair of
    /// <see cref="LinkProfile"/>s.
    /// </summary>
    private static void LinkWithin(PlaceLevel level, Window window, Groups groups, bool[]? settled)
    {
        var reports = window.Reports;
        var profiles = new LinkProfiles(reports, level, settled);
        var failed = new int[reports.Count];
        var partners = new List<int>();
        var turn = 0;
        foreach (var kind in (ReadOnlySpan<PlaceMatch>)[PlaceMatch.SamePlace, PlaceMatch.Nearby])
        {
            for (var i = 0; i < reports.Count; i++)
            {
                if (profiles.Of(i) < 0)
                    continue;
                profiles.FirstPartnerOfEachGroup(i, kind, groups, partners);
                var root = groups.Find(i);
                turn++;
                foreach (var j in partners)
                {
                    var other = groups.Find(j);
                    if (other == root || failed[other] == turn)
                        continue;
                    if (groups.TryUnion(i, j))
                        root = groups.Find(i);
                    else
                        failed[other] = turn;
                }
            }
        }
    }

    /// <summary>
    /// Everything a link between two reports reads of them (<see cref="IncidentRule.SameDayOrNight"/>, the
    /// actors, <see cref="IncidentRule.Match"/>): reports with one profile link with any third report alike.
    /// Coordinates are kept as their bits, so that a profile is equal only where the distance is.
    /// </summary>
    private readonly record struct LinkProfile(
        string Family, DateOnly Date, bool NightAfter, bool Night, bool NightDated, string? Actor, string? Target,
        PlaceLevel Level, string Kind, string NameKey, string? Admin1Key, string? Country, long? LatBits, long? LonBits, long? GeonamesId)
    {
        public static LinkProfile Of(ClusterReport r) => new(r.Family, r.Date, r.NightAfter, r.Night, r.NightDated, r.Actor, r.Target,
            r.Level, r.Kind, r.NameKey, r.Admin1Key, r.Country,
            r.Lat is { } lat ? BitConverter.DoubleToInt64Bits(lat) : null, r.Lon is { } lon ? BitConverter.DoubleToInt64Bits(lon) : null, r.GeonamesId);
    }

    /// <summary>
    /// The reports of one level that take part in linking, by profile: each profile's reports, split by the
    /// group they are in, and the match of each pair of profiles, asked once.
    /// </summary>
    private sealed class LinkProfiles
    {
        private const sbyte NoMatch = -1;

        private readonly List<ClusterReport> _reports;
        private readonly int[] _profile;
        private readonly List<List<int>> _members = [];
        private readonly Dictionary<(string Family, DateOnly Day), List<int>> _byDay = [];
        // The matches of the profile last asked about against every other, by the other's profile: a
        // report's turn asks about its own profile only, so a row serves the whole turn.
        private readonly List<sbyte> _row = [];
        private readonly List<int> _rowOf = [];
        // A profile's reports ordered by group, then report, with where each group's run starts; valid
        // while no union has happened since (by Groups.Unions).
        private readonly List<(int[] ByGroup, List<int> Starts, int Unions)?> _split = [];

        public LinkProfiles(List<ClusterReport> reports, PlaceLevel level, bool[]? settled)
        {
            _reports = reports;
            _profile = new int[reports.Count];
            var index = new Dictionary<LinkProfile, int>();
            for (var i = 0; i < reports.Count; i++)
            {
                var r = reports[i];
                if (r.Level != level || settled?[i] == true)
                {
                    _profile[i] = -1;
                    continue;
                }
                var profile = LinkProfile.Of(r);
                if (!index.TryGetValue(profile, out var p))
                {
                    index[profile] = p = _members.Count;
                    _members.Add([]);
                    _row.Add(NoMatch);
                    _rowOf.Add(-1);
                    _split.Add(null);
                    if (!_byDay.TryGetValue((r.Family, r.Date), out var day))
                        _byDay[(r.Family, r.Date)] = day = [];
                    day.Add(p);
                }
                _profile[i] = p;
                _members[p].Add(i);
            }
        }

        /// <summary>The profile of a report, or -1 when it takes no part.</summary>
        public int Of(int i) => _profile[i];

        /// <summary>
        /// Into <paramref name="partners"/>, in report order: for each group that holds a later report linking
        /// with report <paramref name="i"/> by <paramref name="kind"/>, the first such report.
        /// </summary>
        public void FirstPartnerOfEachGroup(int i, PlaceMatch kind, Groups groups, List<int> partners)
        {
            partners.Clear();
            var r = _reports[i];
            for (var d = -1; d <= 1; d++)
            {
                if (!_byDay.TryGetValue((r.Family, r.Date.AddDays(d)), out var day))
                    continue;
                foreach (var q in day)
                {
                    if (_members[q][^1] <= i || Match(i, q) != (sbyte)kind)
                        continue;
                    var (byGroup, starts) = Split(q, groups);
                    for (var s = 0; s < starts.Count; s++)
                    {
                        var end = s + 1 < starts.Count ? starts[s + 1] : byGroup.Length;
                        var at = Array.BinarySearch(byGroup, starts[s], end - starts[s], i + 1);
                        if (at < 0)
                            at = ~at;
                        if (at < end)
                            partners.Add(byGroup[at]);
                    }
                }
            }
            partners.Sort();
        }

        /// <summary>How report <paramref name="a"/>'s place agrees with the places of profile <paramref name="q"/>'s later reports, as a <see cref="PlaceMatch"/> or <see cref="NoMatch"/>.</summary>
        private sbyte Match(int a, int q)
        {
            var p = _profile[a];
            if (_rowOf[q] != p)
            {
                _rowOf[q] = p;
                var (x, y) = (_reports[a], _reports[_members[q][0]]);
                _row[q] = IncidentRule.SameDayOrNight(x, y) && IncidentRule.ActorsCompatible(x.Actor, y.Actor)
                    && IncidentRule.ActorsCompatible(x.Target, y.Target) && IncidentRule.Match(x, y) is { } match ? (sbyte)match : NoMatch;
            }
            return _row[q];
        }

        private (int[] ByGroup, List<int> Starts) Split(int q, Groups groups)
        {
            if (_split[q] is { } known && known.Unions == groups.Unions)
                return (known.ByGroup, known.Starts);
            var members = _members[q];
            var roots = new (int Root, int Report)[members.Count];
            for (var k = 0; k < members.Count; k++)
                roots[k] = (groups.Find(members[k]), members[k]);
            Array.Sort(roots);
            var byGroup = new int[roots.Length];
            var starts = new List<int>();
            for (var k = 0; k < roots.Length; k++)
            {
                byGroup[k] = roots[k].Report;
                if (k == 0 || roots[k].Root != roots[k - 1].Root)
                    starts.Add(k);
            }
            _split[q] = (byGroup, starts, groups.Unions);
            return (byGroup, starts);
        }
    }

    /// <summary>
    /// Joins each report of a vague level to the one finer group it fits, when there is exactly one.
    /// Each round decides from the groups as the round before left them, so no join changes another's
    /// candidates within a round; a join can rule its group out for the next round (the group now
    /// holds that document, that actor, that toll), so rounds go on until one joins nothing.
    /// Marks as settled the reports that joined one and those that still fit several.
    /// </summary>
    private static void JoinOnlyCandidate(PlaceLevel level, Window window, Groups groups, bool[] settled)
    {
        var reports = window.Reports;
        var joined = new bool[reports.Count];
        var several = new bool[reports.Count];
        var search = new CandidateSearch(window, groups);
        var joins = new List<(int Report, int Group)>();
        while (true)
        {
            joins.Clear();
            Array.Clear(several);
            for (var i = 0; i < reports.Count; i++)
            {
                if (reports[i].Level != level || joined[i])
                    continue;
                var fit = search.Fit(i);
                if (fit >= 0)
                    joins.Add((i, fit));
                else if (fit == CandidateSearch.Several)
                    several[i] = true;
            }
            var any = false;
            foreach (var (report, group) in joins)
            {
                if (groups.TryUnion(group, report))
                {
                    joined[report] = true;
                    any = true;
                }
            }
            if (!any)
                break;
        }
        for (var i = 0; i < reports.Count; i++)
            if (joined[i] || several[i])
                settled[i] = true;
    }

    /// <summary>The finer groups a vague report fits, its buffers kept from one report to the next.</summary>
    private sealed class CandidateSearch(Window window, Groups groups)
    {
        /// <summary>What <see cref="Fit"/> gives for a report no group fits.</summary>
        public const int None = -1;

        /// <summary>What <see cref="Fit"/> gives for a report several groups fit.</summary>
        public const int Several = -2;

        private readonly List<int> _candidates = [];
        // The groups found to take or refuse the report, by root, marked with the number of the search.
        private readonly int[] _decided = new int[window.Reports.Count];
        private int _search;
        private readonly List<(int Group, int Agreeing)> _fitting = [];
        private readonly List<int> _near = [];

        /// <summary>
        /// The one finer group a vague report fits, after the evidence that tells them apart has had its
        /// say; or <see cref="None"/>, or <see cref="Several"/>.
        /// </summary>
        public int Fit(int i)
        {
            var reports = window.Reports;
            var vague = reports[i];
            _candidates.Clear();
            _search++;
            foreach (var j in window.Near(vague, _near))
            {
                // A group already decided on needs none of its other reports' places: most of a day's reports are in a few big groups.
                var group = groups.Find(j);
                if (_decided[group] == _search)
                    continue;
                var fine = reports[j];
                if (!IncidentRule.Contains(vague, fine) || !IncidentRule.SameDayOrNight(vague, fine))
                    continue;
                // No join happens during the search, so a group that cannot take the report is asked once, not once a member.
                _decided[group] = _search;
                if (groups.CanJoin(group, i))
                    _candidates.Add(group);
            }
            if (_candidates.Count < 2)
                return _candidates.Count == 1 ? _candidates[0] : None;
            _fitting.Clear();
            foreach (var group in _candidates)
                if (Compare(i, group, reports, groups) is (false, var agreeing))
                    _fitting.Add((group, agreeing));
            // When the evidence rules out all but one, that one must also share something with the
            // report (a toll, a count of wounded, a weapon, the night), not merely not contradict it:
            // the report may tell an incident no finer report told.
            if (_fitting.Count == 1)
                return _fitting[0].Agreeing > 0 ? _fitting[0].Group : Several;
            if (_fitting.Count == 0)
                return None;
            // Among several that fit, the one that shares more of what the report states than any
            // other is the one it tells: each detail it shares (a toll, the wounded, the weapon, the
            // night) is a detail the others, stating it otherwise or not at all, do not back.
            var (best, bestAgreeing, second) = (-1, -1, -1);
            foreach (var (group, agreeing) in _fitting)
            {
                if (agreeing > bestAgreeing || (agreeing == bestAgreeing && group < best))
                {
                    second = Math.Max(second, bestAgreeing);
                    (best, bestAgreeing) = (group, agreeing);
                }
                else
                    second = Math.Max(second, agreeing);
            }
            return bestAgreeing > second ? best : Several;
        }
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
        var members = groups.Members(group);
        var own = groups.Details(i);
        var killed = new FigureVerdict(vague.Killed);
        var injured = new FigureVerdict(own.Injured);
        var (theirWeapons, sharedWeapon, night) = (false, false, false);
        foreach (var r in members)
        {
            killed.Add(reports[r].Killed);
            night |= reports[r].TellsNight;
            // A member's record is read only when the report has something of it to compare.
            if (own.Injured is null && own.Weapons.Count == 0)
                continue;
            var theirs = groups.Details(r);
            injured.Add(theirs.Injured);
            if (own.Weapons.Count == 0)
                continue;
            foreach (var weapon in theirs.Weapons)
            {
                theirWeapons = true;
                sharedWeapon |= own.Weapons.Contains(weapon);
            }
        }
        var weapons = own.Weapons.Count == 0 || !theirWeapons ? Evidence.Silent : sharedWeapon ? Evidence.Agrees : Evidence.Contradicts;
        var nightVerdict = !vague.TellsNight ? Evidence.Silent : night ? Evidence.Agrees : Evidence.Contradicts;
        var contradicts = false;
        var agreeing = 0;
        foreach (var verdict in (ReadOnlySpan<Evidence>)[killed.Verdict, injured.Verdict, weapons, nightVerdict])
        {
            contradicts |= verdict == Evidence.Contradicts;
            agreeing += verdict == Evidence.Agrees ? 1 : 0;
        }
        return (contradicts, agreeing);
    }

    private enum Evidence { Silent, Agrees, Contradicts }

    /// <summary>A figure against a group's: silent when either is unstated, contradicting when no stated one agrees.</summary>
    private struct FigureVerdict(int? figure)
    {
        private bool _stated, _agrees;

        public void Add(int? theirs)
        {
            if (figure is null || theirs is null)
                return;
            _stated = true;
            _agrees |= IncidentRule.FiguresAgree(theirs, figure);
        }

        public readonly Evidence Verdict => !_stated ? Evidence.Silent : _agrees ? Evidence.Agrees : Evidence.Contradicts;
    }

    /// <summary>Union-find over report indexes, each group carrying its members and what a merge must not break.</summary>
    private sealed class Groups
    {
        private readonly int[] _parent;
        private readonly GroupState?[] _state;
        // A group's reports, kept by its root: the candidates' evidence reads them at every round.
        private readonly List<int>[] _members;

        private readonly List<ClusterReport> _reports;
        private readonly Func<ClusterReport, EventRecord?>? _record;
        private readonly ReportDetails?[] _details;

        public Groups(List<ClusterReport> reports, Func<ClusterReport, EventRecord?>? record)
        {
            _reports = reports;
            _record = record;
            _parent = new int[reports.Count];
            _state = new GroupState?[reports.Count];
            _members = new List<int>[reports.Count];
            _details = new ReportDetails?[reports.Count];
            for (var i = 0; i < reports.Count; i++)
            {
                var r = reports[i];
                _parent[i] = i;
                _state[i] = new GroupState([r.Doc], r.Actor, r.Target, r.Date, r.Date);
                _members[i] = [i];
            }
        }

        /// <summary>The reports of a group, by its root.</summary>
        public List<int> Members(int group) => _members[group];

        /// <summary>How many merges have happened: what was known of the groups holds while it stays the same.</summary>
        public int Unions { get; private set; }

        /// <summary>What a report's full record tells beyond its profile, read once and only when asked.</summary>
        public ReportDetails Details(int i)
        {
            if (_details[i] is { } known)
                return known;
            var record = _record?.Invoke(_reports[i]);
            var weapons = new HashSet<WeaponClass>();
            if (record is not null)
                foreach (var w in record.Weapons)
                    if (IncidentRule.AttackWeapon(w.Class) is { } attack)
                        weapons.Add(attack);
            var details = new ReportDetails(record?.Injured, weapons);
            _details[i] = details;
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
            var (x, y) = (_state[Find(a)]!, _state[Find(b)]!);
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
            var (x, y) = (_state[ra]!, _state[rb]!);
            var (root, child) = ra < rb ? (ra, rb) : (rb, ra);
            _parent[child] = root;
            x.Docs.UnionWith(y.Docs);
            _state[root] = new GroupState(x.Docs, x.Actor ?? y.Actor, x.Target ?? y.Target, Min(x.First, y.First), Max(x.Last, y.Last));
            _state[child] = null;
            _members[root].AddRange(_members[child]);
            _members[child] = [];
            Unions++;
            return true;
        }

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        private sealed record GroupState(HashSet<string> Docs, string? Actor, string? Target, DateOnly First, DateOnly Last);
    }

    /// <summary>What a report's full record adds to its profile for telling incidents apart.</summary>
    private sealed record ReportDetails(int? Injured, HashSet<WeaponClass> Weapons);
}
