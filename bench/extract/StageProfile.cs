using System.Diagnostics;
using System.Reflection;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Geo.Text;
using Sitrep.Pipeline;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Bench.Extract;

/// <summary>
/// Single-threaded stopwatch profile of the extraction stages over (a prefix of) a corpus:
/// each stage runs over all documents on its own, after one warm-up pass, so the numbers are
/// comparable shares of the whole pipeline. Not a test; never asserted on.
/// </summary>
internal static class StageProfile
{
    public static int Run(string[] args)
    {
        if (CorpusOptions.Parse("stages", args, mb: 20) is not { } options)
            return 2;
        var (corpus, gazetteerPath, mb, _) = options;

        var clock = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Load(gazetteerPath);
        var loadMs = clock.Elapsed.TotalMilliseconds;

        var limit = (long)(mb * 1024 * 1024);
        var paths = new List<string>();
        long fileBytes = 0;
        foreach (var p in DocumentReader.Expand([corpus], (_, _) => { }))
        {
            if (fileBytes >= limit)
                break;
            paths.Add(p);
            fileBytes += new FileInfo(p).Length;
        }

        var results = new List<(string Stage, double Ms)>();
        var docs = new List<Document>();
        results.Add(("read + HTML to text (DocumentReader.Read)", Time(() => { docs.Clear(); foreach (var p in paths) docs.Add(DocumentReader.Read(p)); })));
        var chars = docs.Sum(d => (long)d.Text.Length);

        var segmenter = Segmenter.Default;
        var layouts = new Layout[docs.Count];
        results.Add(("segment (Segmenter: paragraphs, boilerplate, sentences)", Time(() => { for (var i = 0; i < docs.Count; i++) layouts[i] = segmenter.Segment(docs[i].Text); })));
        var sentences = layouts.Sum(l => l.Sentences.Count);

        results.Add(("tokenize (Tokenizer, all sentences)", Time(() =>
        {
            for (var i = 0; i < docs.Count; i++)
                foreach (var s in layouts[i].Sentences)
                    Tokenizer.Tokenize(docs[i].Text, s.Start, s.End);
        })));

        var recognizer = new PlaceRecognizer(gazetteer);
        var mentionsPerDoc = new List<PlaceMention>[docs.Count];
        results.Add(("find places (PlaceRecognizer.Find)", Time(() =>
        {
            for (var i = 0; i < docs.Count; i++)
            {
                var list = new List<PlaceMention>();
                foreach (var s in layouts[i].Sentences)
                    list.AddRange(recognizer.Find(docs[i].Text, s.Start, s.End));
                mentionsPerDoc[i] = list;
            }
        })));
        var mentionCount = mentionsPerDoc.Sum(m => m.Count);

        // Inside PlaceRecognizer.Find: its private steps, called through delegates, each timed on its own.
        var lex = Sitrep.Geo.Recognition.GeoLexicon.Default;
        // (Private methods: when they are renamed or change shape, the breakdown is skipped, not the profile.)
        Func<string, List<WordToken>, bool[], int, (int Last, int Node)>? longest = null;
        Func<string, List<WordToken>, int, int[]?>? fuzzyMatch = null;
        try
        {
            longest = typeof(PlaceRecognizer).GetMethod("LongestName", BindingFlags.NonPublic | BindingFlags.Instance)?
                .CreateDelegate<Func<string, List<WordToken>, bool[], int, (int Last, int Node)>>(recognizer);
            fuzzyMatch = typeof(PlaceRecognizer).GetMethod("FuzzyMatch", BindingFlags.NonPublic | BindingFlags.Instance)?
                .CreateDelegate<Func<string, List<WordToken>, int, int[]?>>(recognizer);
        }
        catch (ArgumentException)
        {
        }
        var misses = new List<(string Text, List<WordToken> Tokens, int Index)>();
        var fuzzyKeys = gazetteer.FuzzyCount;
        var fuzzyHits = 0;
        var scanned = new List<string>();
        var topScanned = "";
        if (longest is not null && fuzzyMatch is not null)
        {
            var tokenized = new List<(string Text, List<WordToken> Tokens, bool[] Blocked)>();
            results.Add(("  in Find: word tokens + person-name marking", Time(() =>
            {
                tokenized.Clear();
                for (var i = 0; i < docs.Count; i++)
                    foreach (var s in layouts[i].Sentences)
                    {
                        var t = WordTokenizer.Tokenize(docs[i].Text, s.Start, s.End);
                        tokenized.Add((docs[i].Text, t, Sitrep.Geo.Recognition.PersonNames.Mark(docs[i].Text, t, lex)));
                    }
            })));
            results.Add(("  in Find: trie lookups of capitalized words (LongestName)", Time(() =>
            {
                misses.Clear();
                foreach (var (text, tokens, blocked) in tokenized)
                    for (var k = 0; k < tokens.Count; k++)
                        if (!blocked[k] && tokens[k].Capitalized && longest(text, tokens, blocked, k).Last < 0)
                            misses.Add((text, tokens, k));
            })));
            results.Add(($"  in Find: fuzzy scans (FuzzyMatch) of {misses.Count} unknown capitalized words", Time(() =>
            {
                fuzzyHits = 0;
                foreach (var (text, tokens, k) in misses)
                    if (fuzzyMatch(text, tokens, k) is not null)
                        fuzzyHits++;
            })));
            // The words FuzzyMatch does not turn away at once (it needs 7+ letters): the ones that cost a full scan.
            scanned = misses.Select(m => m.Tokens[m.Index].Key).Where(k => k.Length >= 7).ToList();
            topScanned = string.Join(", ", scanned.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(12).Select(g => $"{g.Key} {g.Count()}"));

        }

        long numberBytes = 0, dateBytes = 0;
        results.Add(("  numbers (NumberRecognizer, every sentence)", Time(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < docs.Count; i++)
                foreach (var s in layouts[i].Sentences)
                    NumberRecognizer.Recognize(docs[i].Text, s.Start, s.End);
            numberBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        })));
        results.Add(("  dates (DateRecognizer, every sentence)", Time(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < docs.Count; i++)
                foreach (var s in layouts[i].Sentences)
                    DateRecognizer.Recognize(docs[i].Text, s.Start, s.End, docs[i].Meta.Published);
            dateBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        })));
        var lexiconReader = new SentenceReader(Lexicons.Default, null);
        results.Add(("read sentences without places (SentenceReader, lexicons/numbers/dates)", Time(() =>
        {
            for (var i = 0; i < docs.Count; i++)
            {
                var sink = new List<PlaceMention>();
                foreach (var s in layouts[i].Sentences)
                    lexiconReader.Read(docs[i].Text, s, docs[i].Meta.Published, sink);
            }
        })));
        var readings = new List<(string Text, SentenceReading Reading)>();
        for (var i = 0; i < docs.Count; i++)
        {
            var sink = new List<PlaceMention>();
            foreach (var s in layouts[i].Sentences)
                readings.Add((docs[i].Text, lexiconReader.Read(docs[i].Text, s, docs[i].Meta.Published, sink)));
        }
        results.Add(("clauses (ClauseReader, every sentence)", Time(() =>
        {
            foreach (var (text, r) in readings)
                Sitrep.Clauses.ClauseReader.Read(text, r.Tokens, r.Cues);
        })));

        var fullReader = new SentenceReader(Lexicons.Default, recognizer);
        results.Add(("read sentences with places (SentenceReader, full)", Time(() =>
        {
            for (var i = 0; i < docs.Count; i++)
            {
                var sink = new List<PlaceMention>();
                foreach (var s in layouts[i].Sentences)
                    fullReader.Read(docs[i].Text, s, docs[i].Meta.Published, sink);
            }
        })));

        var geocoder = new Geocoder(gazetteer);
        results.Add(("resolve places (Geocoder.Resolve, per document)", Time(() =>
        {
            for (var i = 0; i < docs.Count; i++)
                if (mentionsPerDoc[i].Count > 0)
                    geocoder.Resolve(docs[i].Text, mentionsPerDoc[i]);
        })));

        var pipeline = ReportPipeline.Create(gazetteer);
        var records = new List<EventRecord>();
        results.Add(("whole pipeline (ReportPipeline.Extract, docs in memory)", Time(() =>
        {
            records.Clear();
            foreach (var d in docs)
                records.AddRange(pipeline.Extract(d));
        })));
        results.Add(("serialize events (EventJson.Serialize)", Time(() => { foreach (var r in records) EventJson.Serialize(r); })));

        Console.WriteLine($"fuzzy: {misses.Count} capitalized words not in the index; {scanned.Count} of them ({scanned.Distinct().Count()} distinct) long enough to be scanned against all {fuzzyKeys} fuzzy keys; {fuzzyHits} matched");
        Console.WriteLine($"most scanned: {topScanned}");
        Console.WriteLine($"allocated per pass: numbers {numberBytes / 1048576.0:0.0} MB, dates {dateBytes / 1048576.0:0.0} MB");
        Console.WriteLine($"gazetteer load: {loadMs:0} ms; corpus prefix: {paths.Count} files, {fileBytes / 1048576.0:0.0} MB on disk, {chars / 1048576.0:0.0} M chars of text, {sentences} sentences, {mentionCount} place mentions, {records.Count} events");
        var whole = results.First(r => r.Stage.StartsWith("whole", StringComparison.Ordinal)).Ms;
        Console.WriteLine($"{"stage",-75} {"ms",9} {"MB/s",8} {"% of pipeline",14} {"CPU ms",8} {"MB allocated",13} {"B/input B",10}");
        for (var r = 0; r < results.Count; r++)
        {
            var (stage, ms) = results[r];
            Console.WriteLine($"{stage,-75} {ms,9:0} {fileBytes / 1048576.0 / (ms / 1000),8:0.0} {100 * ms / whole,13:0.0}% {CpuMs[r],8:0} {Allocated[r] / 1048576.0,13:0.0} {(double)Allocated[r] / fileBytes,10:0.0}");
        }
        return 0;
    }

    /// <summary>Process CPU of each timed stage, in the order of the results: under load it varies less than wall time.</summary>
    private static readonly List<double> CpuMs = [];

    /// <summary>Bytes the last timed pass of each stage allocated, by stage name order.</summary>
    private static readonly List<long> Allocated = [];

    /// <summary>One warm-up pass (JIT, tiering, caches), then the best of two timed passes.</summary>
    private static double Time(Action stage)
    {
        stage();
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        long bytes = 0;
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            stage();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        CpuMs.Add(bestCpu);
        Allocated.Add(bytes);
        return best;
    }
}
