using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Incidents;
using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>The prepared statements of one transaction and the steps of writing a document.</summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly Dictionary<long, EventRecord> _recent;
    // Records kept of recently written events: some weeks of reports, so memory stays flat.
    private const int RecentCapacity = 20_000;
    private readonly DbCommand _hash, _insertDocument, _insertEvent, _insertPlace, _insertWeapon, _insertEvidence, _insertCluster, _setMember,
        _newIncident, _members, _record, _updateIncident, _deleteIncident, _deleteFigures, _insertFigure, _recordMerge,
        _eventsOfDocument, _deleteEvent, _deleteDocument, _clusterWindow, _incidentSpan;
    private readonly DbCommand? _insertIncident, _nextIncidentId;
    private readonly string _now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
    private readonly List<DbCommand> _prepared = [];
    private readonly DbBatch? _pending;
    // SQLite's single statements, run through SQLite's own interface: bound by position, without
    // the provider's per-execution look-up and conversion of every parameter name, which cost the
    // writer about as much as some of SQLite's own inserts.
    private readonly Dictionary<DbCommand, RawStatement> _raw = [];

    // What this batch changed, settled by Finish: the days each family must be clustered
    // again, the incident each replaced event was in (so its new version keeps the id), and
    // the incidents whose summary is stale.
    private readonly Dictionary<string, SortedSet<DateOnly>> _affected = [];
    private readonly Dictionary<(string Doc, string Id), long> _predecessor = [];
    private readonly HashSet<long> _touched = [];
    // Incidents this transaction made: they have no figures yet to delete.
    private readonly HashSet<long> _fresh = [];

    // SQLite only: incidents made in this transaction whose row is not written yet, with their
    // family. SQLite numbers a new row the largest id plus one; the writer takes those same ids
    // itself and writes each row whole with its first summary, instead of a stub that the summary
    // then rewrites (its two indexes each changed twice). Every id is taken before Finish deletes
    // any incident, so the ids are those the stubs got.
    private readonly Dictionary<long, string>? _unwritten;
    private long _nextIncident;

    // The batch's evidence rows, written after everything else: the full-text index writes out
    // what it holds in memory whenever a later statement opens a savepoint (every insert checking
    // a foreign key or running a trigger does), so rows written in between would each become a
    // tiny segment of the index to be merged again; written last, they are one segment a batch.
    private readonly Dictionary<long, string> _evidence = [];

    // SQLite only: the batch's place rows, written by Finish some dozens to a statement. Every
    // insert into event_places runs the R*Tree's trigger, so needs a statement journal of its
    // own (a savepoint, each page it touches copied, then released); one statement of many
    // rows pays that once for all of them.
    private readonly List<PlaceRow>? _places;
    private const int PlaceRows = 64;
    // Prepared when a batch first has a whole statement's rows: compiling 64 rows of values and
    // the R*Tree's trigger for each takes SQLite about 3 ms, as long as writing some dozens of
    // rows one by one, so a batch of a few documents would pay more to prepare it than it saves.
    private DbCommand? _insertPlaces;
    private readonly Func<DbCommand>? _preparePlaces;

    // SQLite's copies of what listings and stats read (StoreSummaries), kept with the incidents at commit.
    private readonly Action<IReadOnlyCollection<long>>? _summaries;

    // Clustering profiles of recently written events by key, as the store reads them back: most
    // of a window a batch clusters again is that batch's own reports and the days just before it,
    // whose profiles the writer made itself, so their rows need not be read and parsed again.
    // Bounded as the records are; optional (PostgreSQL's writer reads every row).
    private readonly Dictionary<long, ClusterReport>? _profiles;

    // What summaries read of events summarized before, by key (EventDigest). The real corpus's
    // incidents grow batch after batch to hundreds of reports, each batch summarizes them whole,
    // and their first reports are long gone from the records kept: without these, every batch
    // parsed their stored JSON again (half the members it summarized). The store keeps them from
    // batch to batch beside the records and drops them with those when a write fails, since a
    // rolled-back key can be handed out again. A digest is a few fields, so many more are kept
    // than records.
    private readonly Dictionary<long, EventDigest> _digests;
    private const int DigestCapacity = 100_000;

    public StoreWriter(DbConnection connection, DbTransaction transaction, WriterSql dialect, Dictionary<long, EventRecord> recent,
        Dictionary<long, ClusterReport>? profiles = null, Dictionary<long, EventDigest>? digests = null)
    {
        _recent = recent;
        _profiles = profiles;
        _digests = digests ?? [];
        if (connection is SqliteConnection sqlite && transaction is SqliteTransaction inTransaction)
            _summaries = touched => StoreSummaries.Refresh(sqlite, inTransaction, touched);
        if (connection.CanCreateBatch)
        {
            _pending = connection.CreateBatch();
            _pending.Transaction = transaction;
        }
        DbCommand Prepare(string sqlite, params string[] names)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = dialect.Statement(sqlite);
            foreach (var name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = dialect.Parameter(name);
                command.Parameters.Add(parameter);
            }
            _prepared.Add(command);
            if (connection is SqliteConnection own && RawStatement.Single(command.CommandText))
                _raw[command] = new RawStatement(own, command.CommandText, names);
            return command;
        }
        _hash = Prepare(StoreSql.DocumentHash, "$id");
        _insertDocument = Prepare(StoreSql.InsertDocument, "$id", "$path", "$source", "$url", "$title", "$published", "$hash", "$count", "$at");
        _insertEvent = Prepare(StoreSql.InsertEvent, "$id", "$doc", "$type", "$subtype", "$date", "$precision", "$actor", "$target", "$claimed",
            "$killed", "$injured", "$amount", "$background", "$confidence", "$place", "$admin1", "$lat", "$lon", "$record", "$sum");
        string[] placeNames = ["$event", "$ord", "$name", "$kind", "$country", "$admin1", "$admin2", "$lat", "$lon", "$gid",
            "$admin1_key", "$name_key", "$family", "$date"];
        _insertPlace = Prepare(StoreSql.InsertPlace, placeNames);
        if (connection is SqliteConnection)
        {
            _places = [];
            _preparePlaces = () => Prepare(StoreSql.Rows(StoreSql.InsertPlace, PlaceRows),
                [.. Enumerable.Range(0, PlaceRows).SelectMany(row => placeNames.Select(name => StoreSql.RowParameter(name, row)))]);
        }
        _insertWeapon = Prepare(StoreSql.InsertWeapon, "$event", "$ord", "$class", "$model", "$launched", "$intercepted", "$type", "$actor", "$target", "$claimed");
        _insertEvidence = Prepare(StoreSql.InsertEvidence, "$event", "$text");
        _insertCluster = Prepare(StoreSql.InsertCluster, "$event", "$doc", "$id", "$family", "$date", "$night_after", "$actor", "$target",
            "$level", "$kind", "$name_key", "$admin1_key", "$country", "$lat", "$lon", "$gid", "$killed");
        _setMember = Prepare(StoreSql.SetMember, "$event", "$incident");
        _newIncident = Prepare(StoreSql.InsertIncidentStub, "$family", "$type", "$at");
        _members = Prepare(StoreSql.IncidentMembers, "$incident");
        _record = Prepare(StoreSql.EventRecord, "$event");
        _updateIncident = Prepare(StoreSql.UpdateIncident, SummaryParameters);
        _deleteIncident = Prepare(StoreSql.DeleteIncident, "$id");
        if (connection is SqliteConnection)
        {
            _unwritten = [];
            _nextIncidentId = Prepare(StoreSql.NextIncidentId);
            _insertIncident = Prepare(StoreSql.InsertIncident, [.. SummaryParameters, "$family"]);
        }
        _deleteFigures = Prepare(StoreSql.DeleteFigures, "$incident");
        _insertFigure = Prepare(StoreSql.InsertFigure, "$incident", "$claimant", "$measure", "$best", "$min", "$max", "$reports");
        _recordMerge = Prepare(StoreSql.RecordMerge, "$id", "$into", "$at");
        _eventsOfDocument = Prepare(StoreSql.EventsOfDocument, "$doc");
        _deleteEvent = Prepare(StoreSql.DeleteEvent, "$event");
        _deleteDocument = Prepare(StoreSql.DeleteDocument, "$id");
        _clusterWindow = Prepare(StoreSql.ClusterWindow, "$family", "$lo", "$hi");
        _incidentSpan = Prepare(StoreSql.IncidentSpan, "$family", "$lo", "$hi");
    }

    private static readonly string[] SummaryParameters = ["$id", "$type", "$subtype", "$date_min", "$date_max", "$date_precision",
        "$actor", "$target_actor", "$place", "$place_kind", "$country", "$admin1", "$admin2", "$lat", "$lon",
        "$report_count", "$sources", "$claimed_by", "$killed_best", "$killed_min", "$killed_max",
        "$injured_best", "$injured_min", "$injured_max", "$missiles_launched", "$missiles_intercepted",
        "$drones_launched", "$drones_intercepted", "$at"];

    // Prepared statements hold database handles: release them with the batch, not at some later GC.
    public void Dispose()
    {
        foreach (var raw in _raw.Values)
            raw.Dispose();
        foreach (var command in _prepared)
            command.Dispose();
        _pending?.Dispose();
    }

    public IngestOutcome Write(ExtractedDocument item)
    {
        var doc = item.Document;
        var stored = Scalar(_hash, doc.Id) as string;
        if (stored == doc.ContentHash)
            return IngestOutcome.Unchanged;

        if (stored is not null)
            RemoveDocument(doc.Id);

        Row(_insertDocument).Add(doc.Id).Add(doc.Path).Add(doc.Meta.Source).Add(doc.Meta.Url).Add(doc.Meta.Title)
            .Add(doc.Meta.Published?.ToString("yyyy-MM-dd")).Add(doc.ContentHash).Add(item.Events.Count).Add(_now).Run();

        foreach (var record in item.Events)
        {
            var key = InsertEvent(record);
            if (IncidentRule.Profile(key, record, doc.Meta.Published) is { } profile)
            {
                InsertCluster(profile);
                if (_profiles is not null)
                    Remember(_profiles, key, profile.AsStored());
                Affect(profile.Family, profile.Date, profile.LastDay);
            }
            else
            {
                // An event without a day or a place is an incident of its own.
                var incident = _predecessor.TryGetValue((record.Doc, record.Id), out var before) && !HasMembers(before)
                    ? before : NewIncident(IncidentRule.Family(record.Type));
                Row(_setMember).Add(key).Add(incident).Run();
                _touched.Add(incident);
            }
        }
        return stored is null ? IngestOutcome.Added : IngestOutcome.Replaced;
    }

    // A replaced event that can no longer cluster keeps its old incident only when that
    // incident holds nothing else; otherwise the others keep it and the event starts anew.
    private bool HasMembers(long incident)
    {
        using var rows = Reader(_members, incident);
        return rows.Read();
    }

    private long NewIncident(string family)
    {
        long id;
        if (_unwritten is null)
            id = (long)Scalar(_newIncident, family, EventJsonNames.Type(EventType.Other), _now)!;
        else
        {
            if (_nextIncident == 0)
                _nextIncident = (long)Scalar(_nextIncidentId!)!;
            id = _nextIncident++;
            _unwritten[id] = family;
        }
        _fresh.Add(id);
        return id;
    }

    /// <summary>The stub rows of incidents made and never summarized, as the stub statement wrote them.</summary>
    private void WriteStubs()
    {
        if (_unwritten is null)
            return;
        foreach (var (id, family) in _unwritten.OrderBy(u => u.Key))
        {
            var stub = new object?[SummaryParameters.Length + 1];
            stub[Array.IndexOf(SummaryParameters, "$id")] = id;
            stub[Array.IndexOf(SummaryParameters, "$type")] = EventJsonNames.Type(EventType.Other);
            stub[Array.IndexOf(SummaryParameters, "$report_count")] = 0;
            stub[Array.IndexOf(SummaryParameters, "$at")] = _now;
            stub[^1] = family;
            Run(_insertIncident!, stub);
        }
        _unwritten.Clear();
    }

    private void Affect(string family, DateOnly first, DateOnly last)
    {
        if (!_affected.TryGetValue(family, out var days))
            _affected[family] = days = [];
        for (var d = first.AddDays(-1); d <= last.AddDays(1); d = d.AddDays(1))
            days.Add(d);
    }

    private long InsertEvent(EventRecord e)
    {
        var first = e.Places.FirstOrDefault(p => p.Lat is not null) ?? e.Places.FirstOrDefault();
        var (json, sum) = PreparedRecords.Of(e);
        var key = Row(_insertEvent).Add(e.Id).Add(e.Doc).Add(EventJsonNames.Type(e.Type)).Add(e.Subtype).Add(e.Date)
            .Add(e.DatePrecision is { } dp ? EventJsonNames.Precision(dp) : null)
            .Add(e.Actor).Add(e.TargetActor).Add(e.ClaimedBy).Add(e.Killed).Add(e.Injured).Add(e.AmountUsd).Add(e.Background ? 1 : 0).Add(e.Confidence)
            .Add(first?.Name).Add(first?.Admin1 ?? (first?.Kind == PlaceKind.Region ? first.Name : null)).Add(first?.Lat).Add(first?.Lon)
            .Add(json).Add(sum).Key();

        var family = IncidentRule.Family(e.Type);
        for (var i = 0; i < e.Places.Count; i++)
        {
            var place = new PlaceRow(key, i, e.Places[i], family, e.Date);
            if (_places is not null)
                _places.Add(place);
            else
                place.AddTo(Row(_insertPlace)).Run();
        }
        for (var i = 0; i < e.Weapons.Count; i++)
        {
            var w = e.Weapons[i];
            Row(_insertWeapon).Add(key).Add(i).Add(EventJsonNames.Weapon(w.Class)).Add(w.Model).Add(w.Launched).Add(w.Intercepted)
                .Add(EventJsonNames.Type(e.Type)).Add(e.Actor).Add(e.TargetActor).Add(e.ClaimedBy).Run();
        }
        if (e.Evidence.Count > 0)
            _evidence[key] = string.Join("\n", e.Evidence.Select(x => x.Text));
        Remember(_recent, key, e);
        return key;
    }

    /// <summary>Keeps what was just written under its key, in a cache of at most <see cref="RecentCapacity"/>.</summary>
    private static void Remember<T>(Dictionary<long, T> cache, long key, T value) => RecentEntries.Remember(cache, key, value, RecentCapacity);

    private void InsertCluster(ClusterReport r) =>
        Row(_insertCluster).Add(r.Event).Add(r.Doc).Add(r.Id).Add(r.Family).Add(r.Date.ToString("yyyy-MM-dd")).Add(r.NightCode).Add(r.Actor).Add(r.Target)
            .Add((int)r.Level).Add(r.Kind).Add(r.NameKey).Add(r.Admin1Key).Add(r.Country).Add(r.Lat).Add(r.Lon).Add(r.GeonamesId).Add(r.Killed).Run();

    private void RemoveDocument(string docId)
    {
        var rows = new List<(long Key, string Id, long? Incident, string? Family, string? Date, bool NightAfter)>();
        using (var reader = Reader(_eventsOfDocument, docId))
            while (reader.Read())
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    Text(reader, 3), Text(reader, 4), !reader.IsDBNull(5) && reader.GetInt64(5) == 1));
        foreach (var (key, id, incident, family, date, nightAfter) in rows)
        {
            if (incident is { } i)
            {
                _touched.Add(i);
                _predecessor[(docId, id)] = i;
            }
            if (family is not null && date is not null)
            {
                var day = DateOnly.ParseExact(date, "yyyy-MM-dd");
                Affect(family, day, nightAfter ? day.AddDays(1) : day);
            }
            Scalar(_deleteEvent, key);
            // SQLite hands a deleted largest key out again: nothing may be remembered under it.
            _recent.Remove(key);
            _profiles?.Remove(key);
            _digests.Remove(key);
            // Written earlier in this batch: its evidence is not in the index yet, nor its places in their table.
            _evidence.Remove(key);
            _places?.RemoveAll(p => p.Event == key);
        }
        Run(_deleteDocument, docId);
    }

    /// <summary>
    /// Clusters again every stretch of days the batch touched, gives each resulting incident
    /// the id it had (a merge keeps the older id and records the other), and summarizes
    /// every incident whose reports changed.
    /// </summary>
    public void Finish()
    {
        foreach (var (family, days) in _affected)
            foreach (var (lo, hi) in Closed(family, Stretches(days)))
                Recluster(family, lo, hi);
        foreach (var incident in _touched.Order())
            Resummarize(incident);
        WriteStubs();
        WritePlaces();
        _summaries?.Invoke(_touched);
        foreach (var (key, text) in _evidence)
            Run(_insertEvidence, key, text);
        Flush();
    }

    /// <summary>The batch's place rows, in the order they were given, whole statements of <see cref="PlaceRows"/> rows first.</summary>
    private void WritePlaces()
    {
        if (_places is null)
            return;
        var whole = _places.Count - _places.Count % PlaceRows;
        for (var start = 0; start < whole; start += PlaceRows)
        {
            var rows = Row(_insertPlaces ??= _preparePlaces!());
            for (var row = 0; row < PlaceRows; row++)
                _places[start + row].AddTo(rows);
            rows.Run();
        }
        for (var i = whole; i < _places.Count; i++)
            _places[i].AddTo(Row(_insertPlace)).Run();
        _places.Clear();
    }

    /// <summary>Consecutive affected days as inclusive ranges.</summary>
    private static List<(DateOnly Lo, DateOnly Hi)> Stretches(SortedSet<DateOnly> days)
    {
        var ranges = new List<(DateOnly, DateOnly)>();
        foreach (var day in days)
        {
            if (ranges.Count > 0 && ranges[^1].Item2.AddDays(1) >= day)
                ranges[^1] = (ranges[^1].Item1, day);
            else
                ranges.Add((day, day));
        }
        return ranges;
    }

    /// <summary>Widens each range until every incident with a report in it lies wholly inside, then joins ranges that meet.</summary>
    private List<(DateOnly Lo, DateOnly Hi)> Closed(string family, List<(DateOnly Lo, DateOnly Hi)> ranges)
    {
        var widened = new SortedSet<DateOnly>();
        foreach (var (start, end) in ranges)
        {
            var (lo, hi) = (start, end);
            while (true)
            {
                using var rows = Reader(_incidentSpan, family, lo.ToString("yyyy-MM-dd"), hi.ToString("yyyy-MM-dd"));
                if (!rows.Read() || rows.IsDBNull(0))
                    break;
                var (min, max) = (DateOnly.ParseExact(rows.GetString(0), "yyyy-MM-dd"), DateOnly.ParseExact(rows.GetString(1), "yyyy-MM-dd"));
                if (min >= lo && max <= hi)
                    break;
                (lo, hi) = (min < lo ? min : lo, max > hi ? max : hi);
            }
            for (var d = lo; d <= hi; d = d.AddDays(1))
                widened.Add(d);
        }
        return Stretches(widened);
    }

    private void Recluster(string family, DateOnly lo, DateOnly hi)
    {
        var reports = new List<ClusterReport>();
        var current = new Dictionary<long, long?>();
        using (var rows = Reader(_clusterWindow, family, lo.ToString("yyyy-MM-dd"), hi.ToString("yyyy-MM-dd")))
        {
            while (rows.Read())
            {
                // Columns are read when asked for: a remembered report costs its key and its incident.
                if (_profiles is null || !_profiles.TryGetValue(rows.GetInt64(0), out var r))
                {
                    var (nightAfter, night, nightDated) = ClusterReport.FromNightCode(rows.GetInt64(5));
                    r = new ClusterReport(rows.GetInt64(0), rows.GetString(1), rows.GetString(2), rows.GetString(3),
                        DateOnly.ParseExact(rows.GetString(4), "yyyy-MM-dd"), nightAfter, Text(rows, 6), Text(rows, 7),
                        (PlaceLevel)rows.GetInt64(8), rows.GetString(9), rows.GetString(10), Text(rows, 11), Text(rows, 12),
                        rows.IsDBNull(13) ? null : rows.GetDouble(13), rows.IsDBNull(14) ? null : rows.GetDouble(14),
                        rows.IsDBNull(15) ? null : rows.GetInt64(15), rows.IsDBNull(17) ? null : rows.GetInt32(17), night, nightDated);
                }
                reports.Add(r);
                current[r.Event] = rows.IsDBNull(16) ? null : rows.GetInt64(16);
            }
        }
        // The incident each report was in before: its own, or its predecessor's when its document was replaced.
        long? Before(ClusterReport r) => current[r.Event] ?? (_predecessor.TryGetValue((r.Doc, r.Id), out var p) ? p : null);

        var groups = IncidentClusterer.Cluster(reports, r => RecordOf(r.Event));
        var ids = IncidentIds.Assign(groups, r => (Before(r), current[r.Event] is not null));
        var moved = new Dictionary<(long Old, long New), int>();
        for (var g = 0; g < groups.Count; g++)
        {
            var id = ids[g] ?? NewIncident(family);
            foreach (var r in groups[g])
            {
                if (Before(r) is { } before && before != id)
                {
                    _touched.Add(before);
                    moved[(before, id)] = moved.GetValueOrDefault((before, id)) + 1;
                }
                if (current[r.Event] != id)
                {
                    Run(_setMember, r.Event, id);
                    _touched.Add(id);
                }
            }
        }
        // An id no group kept went into the group that took most of its reports.
        var kept = ids.OfType<long>().ToHashSet();
        foreach (var move in moved.Where(m => !kept.Contains(m.Key.Old)).GroupBy(m => m.Key.Old))
            Run(_recordMerge, move.Key, move.OrderByDescending(m => m.Value).ThenBy(m => m.Key.New).First().Key.New, _now);
    }

    private void Resummarize(long incident)
    {
        var members = new List<(long Key, string Doc, string Id, string? Source)>();
        using (var rows = Reader(_members, incident))
            while (rows.Read())
                members.Add((rows.GetInt64(0), rows.GetString(1), rows.GetString(2), Text(rows, 3)));
        // The summary breaks ties by the order of its reports: ordered by document and event id,
        // not by row key, it is the same whatever order the reports were written in, by one
        // process or several.
        members.Sort((a, b) => string.CompareOrdinal(a.Doc, b.Doc) is var byDoc and not 0 ? byDoc : string.CompareOrdinal(a.Id, b.Id));
        if (!_fresh.Contains(incident))
            Run(_deleteFigures, incident);
        if (members.Count == 0)
        {
            if (_unwritten?.Remove(incident) != true)
                Run(_deleteIncident, incident);
            return;
        }
        var reports = new DigestedReport[members.Count];
        for (var i = 0; i < reports.Length; i++)
            reports[i] = new DigestedReport(members[i].Doc, members[i].Source, DigestOf(members[i].Key));
        var s = IncidentSummarizer.Summarize(incident, reports);
        object?[] summary = [incident, EventJsonNames.Type(s.Type), s.Subtype, s.DateFirst, s.DateLast, s.DatePrecision,
            s.Actor, s.TargetActor, s.Place, s.PlaceKind, s.Country, s.Admin1, s.Admin2, s.Lat, s.Lon,
            reports.Length, string.Join("; ", s.Sources), s.ClaimedBy.Count == 0 ? null : string.Join("; ", s.ClaimedBy),
            s.Killed?.Value, s.Killed?.Min, s.Killed?.Max, s.Injured?.Value, s.Injured?.Min, s.Injured?.Max,
            s.MissilesLaunched?.Value, s.MissilesIntercepted?.Value, s.DronesLaunched?.Value, s.DronesIntercepted?.Value, _now];
        if (_unwritten is not null && _unwritten.Remove(incident, out var family))
            Run(_insertIncident!, [.. summary, family]);
        else
            Run(_updateIncident, summary);
        foreach (var c in s.ByClaimant)
            Run(_insertFigure, incident, c.Claimant, c.Figure, c.Best.Value, c.Best.Min, c.Best.Max, c.Reports);
    }

    private EventDigest DigestOf(long key)
    {
        if (!_digests.TryGetValue(key, out var digest))
            RecentEntries.Remember(_digests, key, digest = EventDigest.Of(RecordOf(key)), DigestCapacity);
        return digest;
    }

    private EventRecord RecordOf(long key)
    {
        if (_recent.TryGetValue(key, out var cached))
            return cached;
        string json;
        using (var rows = Reader(_record, key))
        {
            rows.Read();
            json = RecordChecksum.Verified(rows.GetString(0), Text(rows, 1), rows.GetString(2), rows.GetString(3));
        }
        var record = EventJson.Deserialize(json) ?? throw new InvalidDataException($"event {key} has an empty record");
        if (_recent.Count < RecentCapacity)
            _recent[key] = record;
        return record;
    }

    private static string? Text(IRows rows, int ordinal) => rows.IsDBNull(ordinal) ? null : rows.GetString(ordinal);

    // Integers go as 64-bit, the width of every integer column: PostgreSQL prepares a statement
    // with the types of its first execution (a null takes the column's), and a later 32-bit
    // value would not match them.
    private static void Bind(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = Value(values[i]);
    }

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        int n => (long)n,
        _ => value,
    };

    /// <summary>
    /// Runs a statement whose result the writer does not need. Where the connection can batch
    /// (PostgreSQL), it waits for the next statement that reads, and goes with the others in one
    /// round trip: a document's rows and an incident's summary are then one trip each instead
    /// of dozens. SQLite, in the process, runs it at once.
    /// </summary>
    private void Run(DbCommand command, params object?[] values)
    {
        if (_raw.TryGetValue(command, out var raw))
        {
            raw.Execute(values);
            return;
        }
        if (_pending is null)
        {
            Bind(command, values);
            command.ExecuteNonQuery();
            return;
        }
        var queued = _pending.CreateBatchCommand();
        queued.CommandText = command.CommandText;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = queued.CreateParameter();
            parameter.ParameterName = command.Parameters[i].ParameterName;
            parameter.Value = Value(values[i]);
            queued.Parameters.Add(parameter);
        }
        _pending.BatchCommands.Add(queued);
    }

    /// <summary>Sends the statements <see cref="Run"/> held back; before every read, and at the end.</summary>
    private void Flush()
    {
        if (_pending is not { BatchCommands.Count: > 0 })
            return;
        _pending.ExecuteNonQuery();
        _pending.BatchCommands.Clear();
    }

    private object? Scalar(DbCommand command, params object?[] values)
    {
        if (_raw.TryGetValue(command, out var raw))
            return raw.Execute(values);
        Flush();
        Bind(command, values);
        return command.ExecuteScalar();
    }

    /// <summary>Runs an INSERT of one row and gives its key: SQLite's rowid, or what its RETURNING clause returns.</summary>
    private long Key(DbCommand command, params object?[] values) =>
        _raw.TryGetValue(command, out var raw) ? raw.Key(values) : (long)Scalar(command, values)!;

    private readonly Dictionary<DbCommand, StatementRow> _rows = [];

    /// <summary>The statement's row of values, empty, to be filled in its parameters' order and run.</summary>
    private StatementRow Row(DbCommand command)
    {
        if (!_rows.TryGetValue(command, out var row))
            _rows[command] = row = new StatementRow(this, command, _raw.GetValueOrDefault(command));
        return row.Start();
    }

    /// <summary>
    /// One run's values of a statement, given in the order of its parameters. SQLite's raw
    /// statements take each value as it comes, typed, so a row costs no array of boxed values;
    /// a provider's command (PostgreSQL) gets them gathered, through <see cref="Run"/>.
    /// </summary>
    private sealed class StatementRow(StoreWriter writer, DbCommand command, RawStatement? raw)
    {
        private readonly object?[]? _values = raw is null ? new object?[command.Parameters.Count] : null;
        private readonly int _count = command.Parameters.Count;
        private int _next;

        public StatementRow Add(string? value) => raw is null ? Keep(value) : Bound(raw.Bind(_next, value));
        public StatementRow Add(long? value) => raw is null ? Keep(value) : Bound(raw.Bind(_next, value));
        public StatementRow Add(double? value) => raw is null ? Keep(value) : Bound(raw.Bind(_next, value));

        private StatementRow Keep(object? value)
        {
            _values![_next++] = value;
            return this;
        }

        private StatementRow Bound(RawStatement _)
        {
            _next++;
            return this;
        }

        public void Run()
        {
            Complete();
            if (raw is not null)
                raw.Run();
            else
                writer.Run(command, _values!);
        }

        /// <summary>Runs an INSERT of one row and gives its key, as <see cref="StoreWriter.Key"/> does.</summary>
        public long Key()
        {
            Complete();
            return raw is not null ? raw.Inserted() : writer.Key(command, _values!);
        }

        // From the first parameter again, even after a run that failed halfway through its values.
        public StatementRow Start()
        {
            _next = 0;
            return this;
        }

        // A value left out would leave the previous run's bound in its place, silently.
        private void Complete()
        {
            if (_next != _count)
                throw new InvalidOperationException($"{_count} values expected for the statement, {_next} given");
        }
    }

    /// <summary>One row of event_places, kept until the batch writes its places (see <see cref="WritePlaces"/>).</summary>
    private readonly record struct PlaceRow(long Event, int Ord, Place Place, string Family, string? Date)
    {
        public StatementRow AddTo(StatementRow row) =>
            row.Add(Event).Add(Ord).Add(Place.Name).Add(EventJsonNames.Kind(Place.Kind)).Add(Place.Country).Add(Place.Admin1).Add(Place.Admin2)
                .Add(Place.Lat).Add(Place.Lon).Add(Place.GeonamesId).Add(IncidentRule.Admin1Key(Place)).Add(IncidentRule.NameKey(Place))
                .Add(Family).Add(Date);
    }

    private IRows Reader(DbCommand command, params object?[] values)
    {
        if (_raw.TryGetValue(command, out var raw))
            return raw.Query(values);
        Flush();
        Bind(command, values);
        return new ReaderRows(command.ExecuteReader());
    }
}

