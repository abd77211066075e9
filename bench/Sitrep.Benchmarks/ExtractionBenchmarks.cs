using BenchmarkDotNet.Attributes;
using Sitrep.Clauses;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Pipeline;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Benchmarks;

/// <summary>
/// The reports of one run, segmented once in set-up, so each scenario times only its own stage.
/// Every scenario returns a count of what it made, so nothing it computes can be optimized away.
/// </summary>
[MemoryDiagnoser]
public abstract class CorpusScenario
{
    [Params(10, 100)]
    public int Docs { get; set; }

    protected List<Document> Reports { get; private set; } = [];
    protected Layout[] Layouts { get; private set; } = [];

    [GlobalSetup]
    public void LoadCorpus()
    {
        Reports = BenchCorpus.Documents(Docs);
        Layouts = Reports.Select(d => Segmenter.Default.Segment(d.Text)).ToArray();
        SetUp();
    }

    protected virtual void SetUp()
    {
    }

    /// <summary>The sum of <paramref name="count"/> over every sentence of the run.</summary>
    protected int SumOverSentences(Func<Document, Sentence, int> count)
    {
        var n = 0;
        for (var i = 0; i < Reports.Count; i++)
            foreach (var s in Layouts[i].Sentences)
                n += count(Reports[i], s);
        return n;
    }
}

/// <summary>Word tokens of every sentence (the tokens every recognizer reads).</summary>
public class Tokenize : CorpusScenario
{
    [Benchmark]
    public int Tokens() => SumOverSentences((d, s) => Tokenizer.Tokenize(d.Text, s.Start, s.End).Count);
}

/// <summary>Sentence reading without places: lexicon phrases, numbers, dates, cues.</summary>
public class Recognize : CorpusScenario
{
    private SentenceReader _reader = null!;

    protected override void SetUp() => _reader = new SentenceReader(Lexicons.Default, null);

    [Benchmark]
    public int Readings()
    {
        var n = 0;
        for (var i = 0; i < Reports.Count; i++)
        {
            var d = Reports[i];
            var mentions = new List<PlaceMention>();
            foreach (var s in Layouts[i].Sentences)
                n += _reader.Read(d.Text, s, d.Meta.Published, mentions).Triggers.Count;
        }
        return n;
    }
}

/// <summary>Place names found in every sentence (trie, fuzzy matches, qualifiers), without resolving them.</summary>
public class PlaceFind : CorpusScenario
{
    private PlaceRecognizer _recognizer = null!;

    protected override void SetUp() => _recognizer = new PlaceRecognizer(BenchCorpus.Gazetteer());

    [Benchmark]
    public int Mentions() => SumOverSentences((d, s) => _recognizer.Find(d.Text, s.Start, s.End).Count);
}

/// <summary>Each report's place mentions (found in set-up) resolved together to gazetteer places.</summary>
public class Geocode : CorpusScenario
{
    private Geocoder _geocoder = null!;
    private List<PlaceMention>[] _mentions = [];
    private List<SentenceSpan>[] _spans = [];

    protected override void SetUp()
    {
        var recognizer = new PlaceRecognizer(BenchCorpus.Gazetteer());
        _geocoder = new Geocoder(BenchCorpus.Gazetteer());
        _mentions = Reports.Select((d, i) => Layouts[i].Sentences.SelectMany(s => recognizer.Find(d.Text, s.Start, s.End)).ToList()).ToArray();
        _spans = Layouts.Select(l => l.Sentences.Select(s => new SentenceSpan(s.Start, s.End)).ToList()).ToArray();
    }

    [Benchmark]
    public int Places()
    {
        var n = 0;
        for (var i = 0; i < Reports.Count; i++)
            if (_mentions[i].Count > 0)
                n += _geocoder.Survey(Reports[i].Text, _mentions[i], _spans[i]).Places.Count(p => p is not null);
        return n;
    }
}

/// <summary>
/// Clauses, event drafts, relative dates and merging over sentence readings made in set-up.
/// The builder marks the readings it is given, so each iteration gets fresh ones: the readings
/// are made in an iteration set-up, outside the time.
/// </summary>
public class BuildEvents : CorpusScenario
{
    private SentenceReader _reader = null!;
    private List<SentenceReading>[] _readings = [];

    protected override void SetUp() => _reader = new SentenceReader(Lexicons.Default, new PlaceRecognizer(BenchCorpus.Gazetteer()));

    [IterationSetup]
    public void ReadSentences()
    {
        _readings = Reports.Select((d, i) =>
        {
            var mentions = new List<PlaceMention>();
            return Layouts[i].Sentences.Select(s => _reader.Read(d.Text, s, d.Meta.Published, mentions)).ToList();
        }).ToArray();
    }

    [Benchmark]
    public int Drafts()
    {
        var n = 0;
        for (var i = 0; i < Reports.Count; i++)
        {
            var d = Reports[i];
            var builder = new EventBuilder(d.Text, d.Meta.Published);
            foreach (var r in _readings[i])
            {
                var clauses = r.Triggers.Count > 0 || r.Cues.Count > 0 || r.Casualties.Count > 0
                    ? ClauseReader.Read(d.Text, r.Tokens, r.Cues)
                    : ClauseAnalysis.None;
                builder.Add(r, clauses);
            }
            RelativeDates.Resolve(builder.Drafts);
            n += EventMerger.Merge(builder.Drafts).Count;
        }
        return n;
    }
}

/// <summary>
/// Document in, events out (ReportPipeline.Extract: segmenting through records), over the run's
/// reports on <see cref="Threads"/> threads, as extract shares one pipeline between its readers.
/// </summary>
public class WholePipeline : CorpusScenario
{
    private ReportPipeline _pipeline = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    protected override void SetUp() => _pipeline = ReportPipeline.Create(BenchCorpus.Gazetteer());

    [Benchmark]
    public int Events() =>
        Reports.AsParallel().WithDegreeOfParallelism(Threads).Sum(d => _pipeline.Extract(d).Count);
}
