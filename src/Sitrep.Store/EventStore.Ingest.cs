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
        using var transaction = _connection.BeginTransaction();
        var writer = new Writer(_connection, transaction);
        foreach (var item in batch)
            outcomes.Add(writer.Write(item));
        transaction.Commit();
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

    /// <summary>The prepared statements of one transaction and the steps of writing a document.</summary>
    private sealed class Writer
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _hash, _insertDocument, _insertEvent, _insertPlace, _insertWeapon, _insertEvidence, _insertMember, _newIncident;
        private readonly string _now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");

        public Writer(SqliteConnection connection, SqliteTransaction transaction)
        {
            _connection = connection;
            _transaction = transaction;
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
        }

        public IngestOutcome Write(ExtractedDocument item)
        {
            var doc = item.Document;
            var stored = Run(_hash, doc.Id) as string;
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

            Run(_insertDocument, doc.Id, doc.Path, doc.Meta.Source, doc.Meta.Url, doc.Meta.Title,
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
            var key = (long)Run(_insertEvent, e.Id, e.Doc, EventJsonNames.Type(e.Type), e.Subtype, e.Date,
                e.DatePrecision is { } dp ? EventJsonNames.Precision(dp) : null,
                e.Actor, e.TargetActor, e.ClaimedBy, e.Killed, e.Injured, e.AmountUsd, e.Background ? 1 : 0, e.Confidence,
                first?.Name, first?.Admin1 ?? (first?.Kind == PlaceKind.Region ? first.Name : null), first?.Lat, first?.Lon,
                EventJson.Serialize(e))!;

            var family = IncidentRule.Family(e.Type);
            for (var i = 0; i < e.Places.Count; i++)
            {
                var p = e.Places[i];
                Run(_insertPlace, key, i, p.Name, EventJsonNames.Kind(p.Kind), p.Country, p.Admin1, p.Admin2, p.Lat, p.Lon, p.GeonamesId,
                    IncidentRule.Admin1Key(p), IncidentRule.NameKey(p), family, e.Date);
            }
            for (var i = 0; i < e.Weapons.Count; i++)
            {
                var w = e.Weapons[i];
                Run(_insertWeapon, key, i, EventJsonNames.Weapon(w.Class), w.Model, w.Launched, w.Intercepted);
            }
            if (e.Evidence.Count > 0)
                Run(_insertEvidence, key, string.Join("\n", e.Evidence.Select(x => x.Text)));
            return key;
        }

        /// <summary>Puts a new event into the closest compatible incident, or into a new one; returns the incident.</summary>
        private long Cluster(long key, EventRecord record)
        {
            var family = IncidentRule.Family(record.Type);
            var incident = IncidentRule.CanCluster(record) ? FindIncident(record, family) : null;
            incident ??= (long)Run(_newIncident, family, EventJsonNames.Type(record.Type), _now)!;
            Run(_insertMember, key, incident.Value);
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
                var rows = _connection.Query<CandidateRow>(StoreSql.ClusterCandidates, new
                {
                    family,
                    d0 = day.AddDays(-1).ToString("yyyy-MM-dd"),
                    d1 = record.Date,
                    d2 = day.AddDays(1).ToString("yyyy-MM-dd"),
                    name_key = IncidentRule.NameKey(place),
                    admin1_key = IncidentRule.Admin1Key(place),
                    // Same-oblast matching needs an oblast on one side: a town looks only for oblast-level reports.
                    is_region = place.Kind == PlaceKind.Region,
                    lat_min = box?.Item1, lat_max = box?.Item2, lon_min = box?.Item3, lon_max = box?.Item4,
                }, _transaction);

                foreach (var row in rows)
                {
                    if (row.Doc == record.Doc || !IncidentRule.WithinADay(row.DateMin, row.DateMax, record.Date!))
                        continue;
                    if (!IncidentRule.ActorsCompatible(record.Actor, row.Actor) || !IncidentRule.ActorsCompatible(record.Actor, row.IncidentActor)
                        || !IncidentRule.ActorsCompatible(record.TargetActor, row.TargetActor) || !IncidentRule.ActorsCompatible(record.TargetActor, row.IncidentTargetActor))
                        continue;
                    var other = row.ToPlace();
                    if (IncidentRule.Match(place, other) is not { } match)
                        continue;
                    var km = place.Lat is { } a && place.Lon is { } b && other.Lat is { } c && other.Lon is { } d ? GeoMath.DistanceKm(a, b, c, d) : 0;
                    if (!candidates.TryGetValue(row.Incident, out var best) || (match, km).CompareTo(best) < 0)
                        candidates[row.Incident] = (match, km);
                }
            }

            // A document tells an incident once: an incident that already holds a report from
            // this document is a different incident this document also reports.
            foreach (var (incident, _) in candidates.OrderBy(c => c.Value.Match).ThenBy(c => c.Value.Km).ThenBy(c => c.Key))
            {
                var docs = _connection.Query<string>(StoreSql.DocumentsOfIncident, new { incident }, _transaction);
                if (!docs.Contains(record.Doc))
                    return incident;
            }
            return null;
        }

        private void RemoveDocument(string docId, HashSet<long> touched)
        {
            var keys = _connection.Query<long>(StoreSql.EventKeysOfDocument, new { doc = docId }, _transaction).ToList();
            foreach (var key in keys)
            {
                if (_connection.ExecuteScalar<long?>(StoreSql.IncidentOfEvent, new { @event = key }, _transaction) is { } incident)
                    touched.Add(incident);
                _connection.Execute(StoreSql.DeleteEvent, new { @event = key }, _transaction);
            }
            _connection.Execute(StoreSql.DeleteDocument, new { id = docId }, _transaction);
        }

        private void Resummarize(long incident)
        {
            var reports = LoadReports(_connection, _transaction, incident);
            if (reports.Count == 0)
            {
                _connection.Execute(StoreSql.DeleteIncident, new { id = incident }, _transaction);
                return;
            }
            var s = IncidentSummarizer.Summarize(incident, reports);
            _connection.Execute(StoreSql.UpdateIncident, new
            {
                id = incident,
                type = EventJsonNames.Type(s.Type),
                subtype = s.Subtype,
                date_min = s.DateFirst,
                date_max = s.DateLast,
                date_precision = s.DatePrecision,
                actor = s.Actor,
                target_actor = s.TargetActor,
                place = s.Place,
                place_kind = s.PlaceKind,
                country = s.Country,
                admin1 = s.Admin1,
                admin2 = s.Admin2,
                lat = s.Lat,
                lon = s.Lon,
                report_count = s.Reports.Count,
                sources = string.Join("; ", s.Sources),
                claimed_by = s.ClaimedBy.Count == 0 ? null : string.Join("; ", s.ClaimedBy),
                killed_best = s.Killed?.Value, killed_min = s.Killed?.Min, killed_max = s.Killed?.Max,
                injured_best = s.Injured?.Value, injured_min = s.Injured?.Min, injured_max = s.Injured?.Max,
                missiles_launched = s.MissilesLaunched?.Value,
                missiles_intercepted = s.MissilesIntercepted?.Value,
                drones_launched = s.DronesLaunched?.Value,
                drones_intercepted = s.DronesIntercepted?.Value,
                at = _now,
            }, _transaction);
        }

        private SqliteCommand Prepare(string sql, params string[] names)
        {
            var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            foreach (var name in names)
                command.Parameters.Add(new SqliteParameter(name, null));
            return command;
        }

        private static object? Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            return command.ExecuteScalar();
        }
    }

    internal static List<IncidentReport> LoadReports(SqliteConnection connection, SqliteTransaction? transaction, long incident) =>
        connection.Query<ReportRow>(StoreSql.IncidentReports, new { incident }, transaction)
            .Select(r => new IncidentReport(r.Doc, r.Source, r.Published, r.Url,
                EventJson.Deserialize(r.Record) ?? throw new InvalidDataException($"event record of document {r.Doc} is empty")))
            .ToList();

    private sealed record ReportRow(string Doc, string? Source, string? Published, string? Url, string Record);

    private sealed class CandidateRow
    {
        public long Incident { get; init; }
        public string Doc { get; init; } = "";
        public string? Actor { get; init; }
        public string? TargetActor { get; init; }
        public string? IncidentActor { get; init; }
        public string? IncidentTargetActor { get; init; }
        public string? DateMin { get; init; }
        public string? DateMax { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? Country { get; init; }
        public string? Admin1 { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public long? GeonamesId { get; init; }

        public Place ToPlace() =>
            new(Name, EventJsonNames.ParseKind(Kind) ?? PlaceKind.Area, Country, Admin1, Lat, Lon, GeonamesId, Name);
    }
}
