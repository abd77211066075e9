using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>What an ingest source hands the writer: a document to store, one known unchanged, or a failure to report.</summary>
internal abstract record IngestItem
{
    public sealed record Ready(ExtractedDocument Item) : IngestItem;
    public sealed record Unchanged(string Path) : IngestItem;
    public sealed record Failed(string Path, string Problem) : IngestItem;
}

/// <summary>The ways documents and their events reach <c>sitrep ingest</c>.</summary>
internal static class IngestSources
{
    /// <summary>
    /// Report files through the reader and the extraction pipeline, in parallel. Reports whose id
    /// and content hash are already stored are not extracted again. Two passes: the first surveys
    /// the places each report settles on its own; the second reads again, toward where the run and
    /// the events already stored (<paramref name="stored"/>) place the war that week, the reports
    /// with same-named villages their text leaves tied. The reports no prior can change go to the
    /// writer as the first pass finishes them, in order; the others follow after the first pass,
    /// in order, so a run holds only those (about a tenth), not every report's text and events.
    /// <paramref name="stored"/> is asked while the writer writes: it must read on a connection of its own.
    /// </summary>
    public static IEnumerable<IngestItem> Extracted(IEnumerable<string> paths, ReportPipeline pipeline, IReadOnlyDictionary<string, string> storedHashes,
        DateOnly? published = null, Func<DateOnly, DateOnly, IEnumerable<EventRecord>>? stored = null) =>
        Extracted(paths, pipeline, storedHashes, published, stored, new KeptReadings());

    internal static IEnumerable<IngestItem> Extracted(IEnumerable<string> paths, ReportPipeline pipeline, IReadOnlyDictionary<string, string> storedHashes,
        DateOnly? published, Func<DateOnly, DateOnly, IEnumerable<EventRecord>>? stored, KeptReadings keeping)
    {
        var failures = new ConcurrentQueue<IngestItem>();
        var files = DocumentReader.Expand(paths, (path, problem) => failures.Enqueue(new IngestItem.Failed(path, problem)));
        ReportBudget.KeepTimersFree(Environment.ProcessorCount);
        // As extract does: reports handed out one at a time, not in PLINQ's growing chunks that
        // leave one thread a tail of dozens to finish while the others idle.
        var surveyed = Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering)
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(path => SurveyOne(path, pipeline, storedHashes, published, keeping));
        // A store that held no report before the run holds only the run's own events by the time
        // the second pass asks, and the prior leaves those out: reading them back (every event of
        // the run so far, through a reader's page cache) would change nothing.
        foreach (var item in InTwoPasses(surveyed, pipeline, storedHashes.Count == 0 ? null : stored, new Reread(published)))
        {
            while (failures.TryDequeue(out var failure))
                yield return failure;
            yield return item;
        }
        while (failures.TryDequeue(out var failure))
            yield return failure;
    }

    /// <summary>
    /// Documents already read (a worker's claim from the queue) through the same two passes,
    /// the batch being the run: one item for each document.
    /// </summary>
    public static IEnumerable<IngestItem> Extracted(IReadOnlyList<Document> documents, ReportPipeline pipeline,
        Func<DateOnly, DateOnly, IEnumerable<EventRecord>>? stored)
    {
        ReportBudget.KeepTimersFree(Environment.ProcessorCount);
        var keeping = new KeptReadings();
        var surveyed = documents
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(document => SurveyDocument(document, pipeline, keeping));
        return InTwoPasses(surveyed, pipeline, stored, reread: null);
    }

    /// <summary>
    /// The second pass after the first: every first pass adds to the run prior; a report no prior
    /// can change is final at once and passes straight on; the others wait for the whole run's
    /// prior and the stored events of its weeks. A later report with the id of a waiting one waits
    /// too, so the first report of an id still reaches the writer first. With
    /// <paramref name="reread"/> (reports read from files) a waiting report drops its text and is read from its file again if its second pass
    /// needs the text, as extract does: its kept reading, if any, already holds what it needs.
    /// Its first-pass events wait in a temporary file, as extract's do, for the report whose first
    /// pass stands: a tenth of a year's reports wait, and their events held some hundreds of MB.
    /// </summary>
    internal static IEnumerable<IngestItem> InTwoPasses(IEnumerable<(IngestItem Item, ReportSurvey? Survey)> surveyed, ReportPipeline pipeline,
        Func<DateOnly, DateOnly, IEnumerable<EventRecord>>? stored, Reread? reread)
    {
        var prior = new RunPrior();
        var waiting = new List<WaitingReport>();
        var waitingIds = new HashSet<string>(StringComparer.Ordinal);
        var extracted = new HashSet<string>(StringComparer.Ordinal);
        using var aside = reread is null ? null : ExtractSpill.Create();
        DateOnly? first = null, last = null;
        foreach (var (item, survey) in surveyed)
        {
            if (item is not IngestItem.Ready ready || survey is null)
            {
                yield return item;
                continue;
            }
            var document = ready.Item.Document;
            prior.Add(document, survey);
            extracted.Add(document.Id);
            if (document.Meta.Published is { } d)
                (first, last) = (first is { } f && f <= d ? f : d, last is { } l && l >= d ? l : d);
            if (!survey.PriorCanDecide && !waitingIds.Contains(document.Id))
            {
                yield return item;
                continue;
            }
            waitingIds.Add(document.Id);
            waiting.Add(aside is null ? new WaitingReport(ready, survey, null) : WaitingReport.Aside(ready, survey, aside));
        }
        if (stored is not null && first is { } from && last is { } to)
            AddStored(prior, stored(from.AddDays(-RunPrior.WindowDays), to.AddDays(RunPrior.WindowDays)), extracted);
        var revisited = Partitioner.Create(waiting, loadBalance: true)
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(w => (Report: w, Again: RevisitOne(w, pipeline, prior, reread)));
        // The file is read here, in order, on one thread: its reads share a position and a buffer.
        foreach (var (report, again) in revisited)
            yield return again ?? report.FirstPass(aside);
    }

    /// <summary>
    /// A report waiting for the run's prior: its first pass as handed on when that pass stands,
    /// and the survey that says whether, and from what, it is read again. Set aside
    /// (<see cref="Events"/>), the first pass keeps neither its text, when the file can give it
    /// again, nor its events, which lie in the run's temporary file.
    /// </summary>
    internal sealed record WaitingReport(IngestItem.Ready First, ReportSurvey Survey, (long Offset, int Length)? Events)
    {
        private static readonly byte[] Newline = "\n"u8.ToArray();

        public static WaitingReport Aside(IngestItem.Ready ready, ReportSurvey survey, ExtractSpill spill)
        {
            var document = ready.Item.Document;
            var at = spill.Append(ExtractCommand.Lines(ready.Item.Events, Newline));
            // A kept reading holds the text already; only a report read from its file again drops it.
            var kept = survey.Reading is not null ? document : document with { Text = string.Empty };
            return new WaitingReport(new IngestItem.Ready(new ExtractedDocument(kept, [])), survey with { Events = [], SettledPlaces = [] }, at);
        }

        /// <summary>The first pass, its events read back from <paramref name="spill"/> when they were set aside there.</summary>
        public IngestItem FirstPass(ExtractSpill? spill)
        {
            if (Events is not { } at)
                return First;
            var events = new List<EventRecord>();
            var lines = spill!.Read(at.Offset, at.Length).Span;
            while (lines.Length > 0)
            {
                var end = lines.IndexOf(Newline);
                events.Add(EventJson.Deserialize(lines[..end]) ?? throw new InvalidDataException("a first-pass event set aside did not read back"));
                lines = lines[(end + Newline.Length)..];
            }
            return new IngestItem.Ready(First.Item with { Events = events });
        }
    }

    /// <summary>
    /// Report files read without extracting them (for the queue), in order: each a document, or
    /// the failure that names why it could not be read.
    /// </summary>
    public static IEnumerable<(Document? Document, IngestItem.Failed? Failure)> Read(IEnumerable<string> paths, DateOnly? published)
    {
        var failures = new List<IngestItem.Failed>();
        foreach (var path in DocumentReader.Expand(paths, (p, problem) => failures.Add(new IngestItem.Failed(p, problem))))
        {
            foreach (var failure in failures)
                yield return (null, failure);
            failures.Clear();
            yield return ReadOne(path, published);
        }
        foreach (var failure in failures)
            yield return (null, failure);
    }

    /// <summary>
    /// The settlements of stored events told to the day, dated by the event. A report this run reads again is
    /// left out: its stored events are what it is about to replace.
    /// </summary>
    private static void AddStored(RunPrior prior, IEnumerable<EventRecord> events, HashSet<string> extracted)
    {
        foreach (var e in events)
        {
            // A week or month told vaguely ("last month") does not say which week of the war it was.
            if (extracted.Contains(e.Doc) || e.DatePrecision != DatePrecision.Day
                || !DateOnly.TryParse(e.Date, System.Globalization.CultureInfo.InvariantCulture, out var date))
                continue;
            foreach (var p in e.Places)
                if (p is { Kind: Sitrep.Geo.PlaceKind.Settlement, Lat: { } lat, Lon: { } lon })
                    prior.AddStored(e.Doc, date, lat, lon);
        }
    }

    private static (Document? Document, IngestItem.Failed? Failure) ReadOne(string path, DateOnly? published)
    {
        try
        {
            return (DocumentReader.Read(path, published, warn: w => Console.Error.WriteLine($"sitrep ingest: warning: {w}")), null);
        }
        catch (DocumentException e)
        {
            return (null, new IngestItem.Failed(e.Path, e.Problem));
        }
    }

    private static (IngestItem Item, ReportSurvey? Survey) SurveyOne(string path, ReportPipeline pipeline, IReadOnlyDictionary<string, string> storedHashes,
        DateOnly? published, KeptReadings keeping)
    {
        var (document, failure) = ReadOne(path, published);
        if (document is null)
            return (failure!, null);
        if (storedHashes.TryGetValue(document.Id, out var hash) && hash == document.ContentHash)
            return (new IngestItem.Unchanged(path), null);
        return SurveyDocument(document, pipeline, keeping);
    }

    /// <summary>
    /// The first pass over one report. The reading of a report a prior could change is kept,
    /// within the run's limit, so its second pass redoes only places and dates instead of reading
    /// the text again: a tenth of the reports were being read twice.
    /// </summary>
    private static (IngestItem Item, ReportSurvey? Survey) SurveyDocument(Document document, ReportPipeline pipeline, KeptReadings keeping)
    {
        ReportSurvey? survey = null;
        var item = Guarded(document.Path, clock =>
        {
            survey = pipeline.SurveyKeeping(document, clock);
            if (survey.Reading is { } reading && !keeping.TryKeep(reading.Text.Length))
                survey = survey with { Reading = null };
            return new IngestItem.Ready(new ExtractedDocument(document, survey.Events));
        });
        return (item, item is IngestItem.Ready ? survey : null);
    }

    /// <summary>How a report whose text was dropped is read again: from its file, with the run's <c>--published</c>.</summary>
    internal sealed record Reread(DateOnly? Published);

    /// <summary>The second pass of a waiting report; null when its first pass stands.</summary>
    private static IngestItem? RevisitOne(WaitingReport waiting, ReportPipeline pipeline, RunPrior prior, Reread? reread)
    {
        var (first, survey) = (waiting.First, waiting.Survey);
        var document = first.Item.Document;
        // Its first pass stands: the text is not needed again.
        if (prior.PriorFor(document.Id, document.Meta.Published, survey.PriorCanDecide) is not { } front)
            return null;
        if (survey.Reading is null && reread is not null)
        {
            var (again, failure) = ReadOne(document.Path, reread.Published);
            if (again is null)
                return failure!;
            // The events must come from the text whose hash is stored with them.
            if (again.ContentHash != document.ContentHash)
                return new IngestItem.Failed(document.Path, "the file changed while it was being ingested; ingest it again");
            document = again;
        }
        // The prior is asked once: a week's window is gathered and sorted for each question.
        return Guarded(document.Path, clock => new IngestItem.Ready(new ExtractedDocument(document, RunPrior.ReadAgain(pipeline, document, survey, front, clock))));
    }

    /// <summary>One step on one report under the time budget; a failure becomes the report's item, so a night's ingest goes on.</summary>
    private static IngestItem Guarded(string path, Func<CancellationToken, IngestItem> step)
    {
        using var clock = new CancellationTokenSource(ReportBudget.Default);
        try
        {
            return step(clock.Token);
        }
        catch (OperationCanceledException) when (clock.IsCancellationRequested)
        {
            return new IngestItem.Failed(path, ReportBudget.Exceeded(ReportBudget.Default));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One report the extractor cannot handle must not stop a night's ingest.
            return new IngestItem.Failed(path, $"extraction failed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Pre-extracted records (<c>sitrep extract</c> output) with the report files they came from:
    /// each report is read for its text, meta and hash, and stored with the records naming it.
    /// </summary>
    public static IEnumerable<IngestItem> RecordsWithReports(string eventsFile, IEnumerable<string> paths)
    {
        var byDoc = new Dictionary<string, List<EventRecord>>(StringComparer.Ordinal);
        var failures = new List<IngestItem>();
        foreach (var (line, record, problem) in ReadLines(eventsFile))
        {
            if (record is null)
                failures.Add(new IngestItem.Failed($"{eventsFile}:{line}", problem!));
            else
                (byDoc.TryGetValue(record.Doc, out var list) ? list : byDoc[record.Doc] = []).Add(record);
        }
        foreach (var failure in failures)
            yield return failure;

        var pending = new List<IngestItem>();
        foreach (var path in DocumentReader.Expand(paths, (p, problem) => pending.Add(new IngestItem.Failed(p, problem))))
        {
            foreach (var failure in pending)
                yield return failure;
            pending.Clear();
            IngestItem item;
            try
            {
                var document = DocumentReader.Read(path, warn: w => Console.Error.WriteLine($"sitrep ingest: warning: {w}"));
                var records = byDoc.Remove(document.Id, out var found) ? found : [];
                item = new IngestItem.Ready(new ExtractedDocument(document, records));
            }
            catch (DocumentException e)
            {
                item = new IngestItem.Failed(e.Path, e.Problem);
            }
            yield return item;
        }
        foreach (var failure in pending)
            yield return failure;
        foreach (var (doc, records) in byDoc)
            yield return new IngestItem.Failed(eventsFile, $"{records.Count} event(s) of document '{doc}', which is not among the reports given");
    }

    /// <summary>
    /// Pre-extracted records alone, streamed: each run of lines with the same <c>doc</c> is one
    /// document, whose hash is that of its lines, so re-ingesting the same file changes nothing.
    /// </summary>
    public static IEnumerable<IngestItem> Records(string eventsFile)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? doc = null;
        string? refused = null;
        var records = new List<EventRecord>();
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var utf8 = new byte[1 << 14];

        IngestItem Complete()
        {
            var id = doc!;
            var digest = Convert.ToHexStringLower(hash.GetHashAndReset());
            var document = new Document(id, eventsFile, "", DocumentMeta.Empty, digest);
            var item = new IngestItem.Ready(new ExtractedDocument(document, records));
            records = [];
            return item;
        }

        foreach (var (line, record, problem, text) in ReadLinesWithText(eventsFile))
        {
            if (record is null)
            {
                yield return new IngestItem.Failed($"{eventsFile}:{line}", problem!);
                continue;
            }
            if (record.Doc == refused)
                continue;
            if (record.Doc != doc)
            {
                if (doc is not null)
                    yield return Complete();
                if (!seen.Add(record.Doc))
                {
                    // Storing the second run would replace the first: refuse rather than lose events.
                    doc = null;
                    refused = record.Doc;
                    yield return new IngestItem.Failed($"{eventsFile}:{line}", $"events of document '{record.Doc}' appear again after other documents; a document's events must be on consecutive lines");
                    continue;
                }
                doc = record.Doc;
                refused = null;
            }
            if (doc is null)
                continue;
            // The line's bytes serve twice: the document's hash, and the record's stored form
            // when the line is already in it.
            // A record past a megabyte gets an array of its own, not kept for the rest of the file.
            var length = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (utf8.Length < length && length <= 1 << 20)
                utf8 = new byte[Math.Max(length, 2 * utf8.Length)];
            var bytes = utf8.Length < length ? new byte[length] : utf8;
            var line8 = bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes));
            hash.AppendData(line8);
            hash.AppendData("\n"u8);
            Store.EventStore.Prepare(record, text, line8);
            records.Add(record);
        }
        if (doc is not null)
            yield return Complete();
    }

    /// <summary>One record is a few kilobytes; a line past this is a broken or hostile file.</summary>
    internal const int MaxRecordChars = 16 * 1024 * 1024;

    /// <summary>
    /// The lines of a file, read a block of characters at a time: a line is found by searching
    /// the block for its end and copied whole, where reading it character by character cost a
    /// call to the reader and one to the line's builder for every character of the file.
    /// </summary>
    internal sealed class Lines(TextReader reader)
    {
        private readonly char[] _block = new char[1 << 16];
        private int _at, _end;

        /// <summary>
        /// Reads one line into <paramref name="line"/>, at most <see cref="MaxRecordChars"/> + 1
        /// characters of it; true when the line ended (newline or end of file after text).
        /// </summary>
        public bool Next(StringBuilder line)
        {
            line.Clear();
            while (true)
            {
                if (_at == _end)
                {
                    (_at, _end) = (0, reader.Read(_block, 0, _block.Length));
                    if (_end == 0)
                        return false;
                }
                var rest = _block.AsSpan(_at, _end - _at);
                var newline = rest.IndexOf('\n');
                var text = newline < 0 ? rest.Length : newline;
                // Past the limit the line is not read further, nor its newline taken.
                var room = MaxRecordChars + 1 - line.Length;
                if (text >= room)
                {
                    line.Append(rest[..room]);
                    _at += room;
                    return false;
                }
                line.Append(rest[..text]);
                _at += text;
                if (newline < 0)
                    continue;
                _at++;
                if (line.Length > 0 && line[^1] == '\r')
                    line.Length--;
                return true;
            }
        }
    }

    private static IEnumerable<(int Line, EventRecord? Record, string? Problem)> ReadLines(string file) =>
        ReadLinesWithText(file).Select(x => (x.Line, x.Record, x.Problem));

    private static IEnumerable<(int Line, EventRecord? Record, string? Problem, string Text)> ReadLinesWithText(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        var number = 0;
        var lines = new Lines(reader);
        var buffer = new StringBuilder();
        while (lines.Next(buffer) is var complete && (complete || buffer.Length > 0))
        {
            number++;
            if (!complete && buffer.Length > MaxRecordChars)
            {
                // A line this long is no record; the rest of the file (perhaps a device that never
                // ends) is not read, so memory stays bounded.
                yield return (number, null, $"line is over the {MaxRecordChars / (1024 * 1024)} M character limit for one event record; this is not an events file, the rest is not read", "");
                yield break;
            }
            var text = buffer.ToString();
            if (string.IsNullOrWhiteSpace(text))
                continue;
            EventRecord? record = null;
            string? problem = null;
            try
            {
                record = EventJson.Deserialize(text);
                if (record is null)
                    problem = "not an event record";
                else if (Store.EventStore.RecordProblem(record) is { } impossible)
                    (record, problem) = (null, impossible);
            }
            catch (JsonException e)
            {
                problem = $"not an event record: {e.Message}";
            }
            yield return (number, record, problem, text);
        }
    }
}
