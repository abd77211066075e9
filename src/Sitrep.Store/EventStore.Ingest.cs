using Dapper;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store.Incidents;
using Sitrep.Store.Sql;

namespace Sitrep.Store;

/// <summary>A document and the events extracted from it: the unit the store writes whole or not at all.</summary>
public sealed record ExtractedDocument(Document Document, IReadOnlyList<EventRecord> Events);

public enum IngestOutcome
{
    /// <summary>A document the store did not have.</summary>
    Added,
    /// <summary>The same document with the same content: nothing changed.</summary>
    Unchanged,
    /// <summary>A known document whose content changed: its old events were replaced.</summary>
    Replaced,
}

public sealed partial class EventStore
{
    public IngestOutcome Ingest(Document document, IReadOnlyList<EventRecord> events) =>
        Ingest([new ExtractedDocument(document, events)])[0];

    /// <summary>
    /// Stores documents with their events in one transaction: a document already stored with
    /// the same content hash is left as it is; one stored with another hash has its events
    /// replaced. Each new event joins an incident (or starts one).
    /// </summary>
    /// <exception cref="ArgumentException">A document's events are inconsistent (see <see cref="Problem"/>); nothing is written.</exception>
    public IReadOnlyList<IngestOutcome> Ingest(IReadOnlyList<ExtractedDocument> batch)
    {
        foreach (var item in batch)
            if (Problem(item) is { } problem)
                throw new ArgumentException($"{item.Document.Path}: {problem}", nameof(batch));

        var outcomes = new List<IngestOutcome>(batch.Count);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var writer = new Writer(_connection, transaction, _recent);
            foreach (var item in batch)
                outcomes.Add(writer.Write(item));
            transaction.Commit();
        }
        catch
        {
            _recent.Clear();
            throw;
        }
        return outcomes;
    }

    /// <summary>Why the store would refuse a document, or null when it can be stored.</summary>
    public static string? Problem(ExtractedDocument item)
    {
        var doc = item.Document;
        if (string.IsNullOrWhiteSpace(doc.Id))
            return "document has no id";
        if (string.IsNullOrEmpty(doc.ContentHash))
            return "document has no content hash";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in item.Events)
        {
            if (e.Doc != doc.Id)
                return $"event {e.Id} names document '{e.Doc}', not '{doc.Id}'";
            if (!ids.Add(e.Id))
                return $"event id {e.Id} appears twice";
            if (e.Date is not null && !DateOnly.TryParseExact(e.Date, "yyyy-MM-dd", out _))
                return $"event {e.Id} has date '{e.Date}', not yyyy-MM-dd";
        }
        return null;
    }

    // Records of recently written events by key, so summarizing an incident does not parse the
    // JSON of reports this process has just stored (an incident's reports are days apart, so
    // some weeks of events suffice and memory stays flat). Dropped whole when a write fails,
    // since a rolled-back key can be handed out again.
    private readonly Dictionary<long, EventRecord> _recent = [];
    private const int RecentCapacity = 20_000;

    /// <summary>The prepared statements of one transaction and the steps of writing a document.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteTransaction _transaction;
        private readonly Dictionary<long, EventRecord> _recent;
        private readonly SqliteCommand _hash, _insertDocument, _insertEvent, _insertPlace, _insertWeapon, _insertEvidence, _insertMember, _newIncident,
            _candidates, _documentsOfIncident, _members, _record, _updateIncident, _deleteIncident, _eventKeys, _incidentOfEvent, _deleteEvent, _deleteDocument;
        private readonly string _now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
        private readonly List<SqliteCommand> _prepared = [];

        public Writer(SqliteConnection connection, SqliteTransaction transaction, Dictionary<long, EventRecord> recent)
        {
            _transaction = transaction;
            _recent = recent;
            SqliteCommand Prepare(string sql, params string[] names)
            {
                var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                foreach (var name in names)
                    command.Parameters.Add(new SqliteParameter(name, null));
                _prepared.Add(command);
                return command;
            }
            _hash = Prepare(StoreSql.DocumentHash, "$id");
            _insertDocument = Prepare(StoreSql.InsertDocument, "$id", "$path", "$source", "$url", "$title", "$published", "$hash", "$count", "$at");
            _insertEvent = Prepare(StoreSql.InsertEvent, "$id", "$doc", "$type", "$subtype", "$date", "$precision", "$actor", "$target", "$claimed",
                "$killed", "$injured", "$amount", "$background", "$confidence", "$place", "$admin1", "$lat", "$lon", "$record");
            _insertPlace = Prepare(StoreSql.InsertPlace, "$event", "$ord", "$name", "$kind", "$country", "$admin1", "$admin2", "$lat", "$lon", "$gid",
                "$admin1_key", "$name_key", "$family", "$date");
            _insertWeapon = Prepare(StoreSql.InsertWeapon, "$event", "$ord", "$class", "$model", "$launched", "$intercepted");
            _insertEvidence = Prepare(StoreSql.InsertEvidence, "$event", "$text");
            _insertMember = Prepare(StoreSql.InsertMember, "$event", "$incident");
            _newIncident = Prepare(StoreSql.InsertIncidentStub, "$family", "$type", "$at");
            _candidates = Prepare(StoreSql.ClusterCandidates, "$family", "$d0", "$d1", "$d2", "$name_key", "$admin1_key", "$is_region",
                "$lat_min", "$lat_max", "$lon_min", "$lon_max");
            _documentsOfIncident = Prepare(StoreSql.DocumentsOfIncident, "$incident");
            _members = Prepare(StoreSql.IncidentMembers, "$incident");
            _record = Prepare(StoreSql.EventRecord, "$event");
            _updateIncident = Prepare(StoreSql.UpdateIncident, "$id", "$type", "$subtype", "$date_min", "$date_max", "$date_precision",
                "$actor", "$target_actor", "$place", "$place_kind", "$country", "$admin1", "$admin2", "$lat", "$lon",
                "$report_count", "$sources", "$claimed_by", "$killed_best", "$killed_min", "$killed_max",
                "$injured_best", "$injured_min", "$injured_max", "$missiles_launched", "$missiles_intercepted",
                "$drones_launched", "$drones_intercepted", "$at");
            _deleteIncident = Prepare(StoreSql.DeleteIncident, "$id");
            _eventKeys = Prepare(StoreSql.EventKeysOfDocument, "$doc");
            _incidentOfEvent = Prepare(StoreSql.IncidentOfEvent, "$event");
            _deleteEvent = Prepare(StoreSql.DeleteEvent, "$event");
            _deleteDocument = Prepare(StoreSql.DeleteDocument, "$id");
        }

        // Prepared statements hold SQLite handles: release them with the batch, not at some later GC.
        public void Dispose()
        {
            foreach (var command in _prepared)
                command.Dispose();
        }

        public IngestOutcome Write(ExtractedDocument item)
        {
            var doc = item.Document;
            var stored = Scalar(_hash, doc.Id) as string;
            if (stored == doc.ContentHash)
                return IngestOutcome.Unchanged;

            var touched = new HashSet<long>();
            if (stored is not null)
            {
                RemoveDocument(doc.Id, touched);
                // Incidents that lost a report are summarized again (or dropped when empty) before
                // the new events look for incidents to join.
                foreach (var incident in touched)
                    Resummarize(incident);
                touched.Clear();
            }

            Scalar(_insertDocument, doc.Id, doc.Path, doc.Meta.Source, doc.Meta.Url, doc.Meta.Title,
                doc.Meta.Published?.ToString("yyyy-MM-dd"), doc.ContentHash, item.Events.Count, _now);

            foreach (var record in item.Events)
            {
                var key = InsertEvent(record);
                touched.Add(Cluster(key, record));
            }
            foreach (var incident in touched)
                Resummarize(incident);

            return stored is null ? IngestOutcome.Added : IngestOutcome.Replaced;
        }

        private long InsertEvent(EventRecord e)
        {
            var first = e.Places.FirstOrDefault(p => p.Lat is not null) ?? e.Places.FirstOrDefault();
            var key = (long)Scalar(_insertEvent, e.Id, e.Doc, EventJsonNames.Type(e.Type), e.Subtype, e.Date,
                e.DatePrecision is { } dp ? EventJsonNames.Precision(dp) : null,
                e.Actor, e.TargetActor, e.ClaimedBy, e.Killed, e.Injured, e.AmountUsd, e.Background ? 1 : 0, e.Confidence,
                first?.Name, first?.Admin1 ?? (first?.Kind == PlaceKind.Region ? first.Name : null), first?.Lat, first?.Lon,
                EventJson.Serialize(e))!;

            var family = IncidentRule.Family(e.Type);
            for (var i = 0; i < e.Places.Count; i++)
            {
                var p = e.Places[i];
                Scalar(_insertPlace, key, i, p.Name, EventJsonNames.Kind(p.Kind), p.Country, p.Admin1, p.Admin2, p.Lat, p.Lon, p.GeonamesId,
                    IncidentRule.Admin1Key(p), IncidentRule.NameKey(p), family, e.Date);
            }
            for (var i = 0; i < e.Weapons.Count; i++)
            {
                var w = e.Weapons[i];
                Scalar(_insertWeapon, key, i, EventJsonNames.Weapon(w.Class), w.Model, w.Launched, w.Intercepted);
            }
            if (e.Evidence.Count > 0)
                Scalar(_insertEvidence, key, string.Join("\n", e.Evidence.Select(x => x.Text)));
            if (_recent.Count >= RecentCapacity)
                _recent.Clear();
            _recent[key] = e;
            return key;
        }

        /// <summary>Puts a new event into the closest compatible incident, or into a new one; returns the incident.</summary>
        private long Cluster(long key, EventRecord record)
        {
            var family = IncidentRule.Family(record.Type);
            var incident = IncidentRule.CanCluster(record) ? FindIncident(record, family) : null;
            incident ??= (long)Scalar(_newIncident, family, EventJsonNames.Type(record.Type), _now)!;
            Scalar(_insertMember, key, incident.Value);
            return incident.Value;
        }

        private long? FindIncident(EventRecord record, string family)
        {
            var day = DateOnly.ParseExact(record.Date!, "yyyy-MM-dd");
            var candidates = new Dictionary<long, (PlaceMatch Match, double Km)>();
            foreach (var place in record.Places)
            {
                var box = IncidentRule.IsPoint(place) && place.Lat is { } lat && place.Lon is { } lon
                    ? GeoMath.BoundingBox(lat, lon, IncidentRule.NearbyKm)
                    : ((double, double, double, double)?)null;
                using var rows = Reader(_candidates, family, day.AddDays(-1).ToString("yyyy-MM-dd"), record.Date, day.AddDays(1).ToString("yyyy-MM-dd"),
                    IncidentRule.NameKey(place), IncidentRule.Admin1Key(place),
                    // Same-oblast matching needs an oblast on one side: a town looks only for oblast-level reports.
                    place.Kind == PlaceKind.Region ? 1 : 0,
                    box?.Item1, box?.Item2, box?.Item3, box?.Item4);
                while (rows.Read())
                {
                    var incident = rows.GetInt64(0);
                    if (rows.GetString(1) == record.Doc || !IncidentRule.WithinADay(Text(rows, 6), Text(rows, 7), record.Date!))
                        continue;
                    if (!IncidentRule.ActorsCompatible(record.Actor, Text(rows, 2)) || !IncidentRule.ActorsCompatible(record.Actor, Text(rows, 4))
                        || !IncidentRule.ActorsCompatible(record.TargetActor, Text(rows, 3)) || !IncidentRule.ActorsCompatible(record.TargetActor, Text(rows, 5)))
                        continue;
                    var other = new Place(rows.GetString(8), EventJsonNames.ParseKind(rows.GetString(9)) ?? PlaceKind.Area, Text(rows, 10), Text(rows, 11),
                        rows.IsDBNull(12) ? null : rows.GetDouble(12), rows.IsDBNull(13) ? null : rows.GetDouble(13),
                        rows.IsDBNull(14) ? null : rows.GetInt64(14), rows.GetString(8));
                    if (IncidentRule.Match(place, other) is not { } match)
                        continue;
                    // An oblast-level report joins an incident in its oblast; but an incident already
                    // pinned to a town is compared by its towns, or one vague report would pull every
                    // strike in the oblast that day into it.
                    if (match == PlaceMatch.SameOblast && place.Kind != PlaceKind.Region && IncidentRule.IsPointKind(Text(rows, 15)))
                        continue;
                    var km = place.Lat is { } a && place.Lon is { } b && other.Lat is { } c && other.Lon is { } d ? GeoMath.DistanceKm(a, b, c, d) : 0;
                    if (!candidates.TryGetValue(incident, out var best) || (match, km).CompareTo(best) < 0)
                        candidates[incident] = (match, km);
                }
            }

            // A document tells an incident once: an incident that already holds a report from
            // this document is a different incident this document also reports.
            foreach (var (incident, _) in candidates.OrderBy(c => c.Value.Match).ThenBy(c => c.Value.Km).ThenBy(c => c.Key))
            {
                using var docs = Reader(_documentsOfIncident, incident);
                var taken = false;
                while (docs.Read() && !taken)
                    taken = docs.GetString(0) == record.Doc;
                if (!taken)
                    return incident;
            }
            return null;
        }

        private void RemoveDocument(string docId, HashSet<long> touched)
        {
            var keys = new List<long>();
            using (var rows = Reader(_eventKeys, docId))
                while (rows.Read())
                    keys.Add(rows.GetInt64(0));
            foreach (var key in keys)
            {
                if (Scalar(_incidentOfEvent, key) is long incident)
                    touched.Add(incident);
                Scalar(_deleteEvent, key);
                _recent.Remove(key);
            }
            Scalar(_deleteDocument, docId);
        }

        private void Resummarize(long incident)
        {
            var members = new List<(long Key, string Doc, string? Source, string? Published, string? Url)>();
            using (var rows = Reader(_members, incident))
                while (rows.Read())
                    members.Add((rows.GetInt64(0), rows.GetString(1), Text(rows, 2), Text(rows, 3), Text(rows, 4)));
            if (members.Count == 0)
            {
                Scalar(_deleteIncident, incident);
                return;
            }
            var reports = members.Select(m => new IncidentReport(m.Doc, m.Source, m.Published, m.Url, RecordOf(m.Key))).ToList();
            var s = IncidentSummarizer.Summarize(incident, reports);
            Scalar(_updateIncident, incident, EventJsonNames.Type(s.Type), s.Subtype, s.DateFirst, s.DateLast, s.DatePrecision,
                s.Actor, s.TargetActor, s.Place, s.PlaceKind, s.Country, s.Admin1, s.Admin2, s.Lat, s.Lon,
                s.Reports.Count, string.Join("; ", s.Sources), s.ClaimedBy.Count == 0 ? null : string.Join("; ", s.ClaimedBy),
                s.Killed?.Value, s.Killed?.Min, s.Killed?.Max, s.Injured?.Value, s.Injured?.Min, s.Injured?.Max,
                s.MissilesLaunched?.Value, s.MissilesIntercepted?.Value, s.DronesLaunched?.Value, s.DronesIntercepted?.Value, _now);
        }

        private EventRecord RecordOf(long key)
        {
            if (_recent.TryGetValue(key, out var cached))
                return cached;
            var json = (string)Scalar(_record, key)!;
            var record = EventJson.Deserialize(json) ?? throw new InvalidDataException($"event {key} has an empty record");
            if (_recent.Count < RecentCapacity)
                _recent[key] = record;
            return record;
        }

        private static string? Text(SqliteDataReader rows, int ordinal) => rows.IsDBNull(ordinal) ? null : rows.GetString(ordinal);

        private static void Bind(SqliteCommand command, object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        private static object? Scalar(SqliteCommand command, params object?[] values)
        {
            Bind(command, values);
            return command.ExecuteScalar();
        }

        private static SqliteDataReader Reader(SqliteCommand command, params object?[] values)
        {
            Bind(command, values);
            return command.ExecuteReader();
        }
    }

    internal static List<IncidentReport> LoadReports(SqliteConnection connection, SqliteTransaction? transaction, long incident) =>
        connection.Query<ReportRow>(StoreSql.IncidentReports, new { incident }, transaction)
            .Select(r => new IncidentReport(r.Doc, r.Source, r.Published, r.Url,
                EventJson.Deserialize(r.Record) ?? throw new InvalidDataException($"event record of document {r.Doc} is empty")))
            .ToList();

    private sealed record ReportRow(string Doc, string? Source, string? Published, string? Url, string Record);
}
