using System.Diagnostics;
using System.Runtime.InteropServices;
using Sitrep.Documents;
using Sitrep.Geo;
using Sitrep.Text;

namespace Sitrep.GeoBench;

/// <summary>
/// Place finding and ranking alone, the pipeline's way: each report's sentences (Segmenter.Default)
/// through PlaceRecognizer.Find with the report's DocumentWords, then Geocoder.Survey with the
/// mentions, sentences and words. Per pass: the thread's CPU time of the finding and of the
/// ranking over all reports, the bytes each allocated (the thread's count; the first pass of a
/// word or name fills the index's memos, so the median is the steady state), and a hash of
/// every mention and place found, the same for two builds that agree.
///   GeoBench CORPUS_DIR [passes] [warm-ups]
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var passes = args.Length > 1 ? int.Parse(args[1]) : 15;
        var warmups = args.Length > 2 ? int.Parse(args[2]) : 3;
        var paths = DocumentReader.Expand([args[0]], (path, problem) => Console.Error.WriteLine($"{path}: {problem}")).ToList();
        var docs = paths.Select(p => DocumentReader.Read(p)).ToList();
        var layouts = docs.Select(d => Segmenter.Default.Segment(d.Text)).ToList();
        var spans = layouts.Select(l => (IReadOnlyList<SentenceSpan>)l.Sentences.Select(s => new SentenceSpan(s.Start, s.End)).ToList()).ToList();
        var g = Gazetteer.Load(Gazetteer.DefaultPath() ?? throw new InvalidOperationException("set SITREP_GAZETTEER"));
        var recognizer = new PlaceRecognizer(g);
        var geocoder = new Geocoder(g);
        var find = new List<double>();
        var rank = new List<double>();
        var findBytes = new List<double>();
        var rankBytes = new List<double>();
        var mentions = new List<PlaceMention>();
        var hash = 0L;
        for (var pass = 0; pass < warmups + passes; pass++)
        {
            double findMs = 0, rankMs = 0;
            long findAlloc = 0, rankAlloc = 0;
            hash = 17;
            for (var i = 0; i < docs.Count; i++)
            {
                var text = docs[i].Text;
                var words = new DocumentWords(text);
                mentions.Clear();
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var t0 = ThreadCpuMs();
                foreach (var s in layouts[i].Sentences)
                    mentions.AddRange(recognizer.Find(text, s.Start, s.End, words));
                var t1 = ThreadCpuMs();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                var survey = mentions.Count > 0 ? geocoder.Survey(text, mentions, spans[i], words) : null;
                var t2 = ThreadCpuMs();
                var a2 = GC.GetAllocatedBytesForCurrentThread();
                findMs += t1 - t0;
                rankMs += t2 - t1;
                findAlloc += a1 - a0;
                rankAlloc += a2 - a1;
                foreach (var m in mentions)
                    hash = hash * 31 + m.Start * 7 + m.End;
                if (survey is not null)
                    for (var k = 0; k < survey.Places.Count; k++)
                        hash = hash * 31 + (survey.Places[k]?.GeonamesId ?? -1) + (survey.Unambiguous[k] ? 1 : 0);
            }
            if (pass >= warmups)
            {
                find.Add(findMs);
                rank.Add(rankMs);
                findBytes.Add(findAlloc);
                rankBytes.Add(rankAlloc);
            }
        }
        Console.WriteLine($"reports {docs.Count} passes {passes} find-cpu-ms-median {Median(find):0.0} survey-cpu-ms-median {Median(rank):0.0} find-mb-allocated {Median(findBytes) / 1e6:0.00} survey-mb-allocated {Median(rankBytes) / 1e6:0.00} hash {hash:x16}");
        Console.WriteLine($"find per pass: {string.Join(' ', find.Select(v => v.ToString("0")))}");
        Console.WriteLine($"survey per pass: {string.Join(' ', rank.Select(v => v.ToString("0")))}");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>This thread's CPU time: the machine is shared, and wall time would count the others' work.</summary>
    private static double ThreadCpuMs()
    {
        const int ClockThreadCpuTime = 3;
        ClockGetTime(ClockThreadCpuTime, out var t);
        return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
    }
}
