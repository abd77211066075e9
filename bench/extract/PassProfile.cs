using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Pipeline;

namespace Sitrep.Bench.Extract;

/// <summary>
/// The whole pipeline over the same reports in memory, pass after pass on one thread, timed by
/// the process's CPU per pass: reading files and start-up are left out, and a change of a few
/// per cent in the extraction itself shows across builds run in turn, which a whole process
/// under a shared machine's load does not. Not a test; never asserted on.
/// </summary>
internal static class PassProfile
{
    public static int Run(string[] args)
    {
        if (CorpusOptions.Parse("passes", args, mb: 5, passes: 7) is not { } options)
            return 2;
        var (corpus, gazetteerPath, mb, passes) = options;

        var pipeline = ReportPipeline.Create(Gazetteer.Load(gazetteerPath));
        var limit = (long)(mb * 1024 * 1024);
        var docs = new List<Document>();
        long fileBytes = 0;
        foreach (var p in DocumentReader.Expand([corpus], (_, _) => { }))
        {
            if (fileBytes >= limit)
                break;
            docs.Add(DocumentReader.Read(p));
            fileBytes += new FileInfo(p).Length;
        }

        var cpuMs = new List<double>();
        var digest = "";
        // The first pass warms the JIT's tiers and the word caches; it is shown, not counted.
        for (var pass = 0; pass <= passes; pass++)
        {
            GC.Collect();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var records = new List<EventRecord>();
            foreach (var d in docs)
                records.AddRange(pipeline.Extract(d));
            var ms = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            if (pass > 0)
                cpuMs.Add(ms);
            digest = Digest(records);
            Console.WriteLine($"pass {pass}: {ms:0} CPU ms, {records.Count} events");
        }
        cpuMs.Sort();
        Console.WriteLine($"{docs.Count} reports, {fileBytes / 1048576.0:0.0} MB; {passes} passes after a warm-up: CPU ms least {cpuMs[0]:0}, median {cpuMs[cpuMs.Count / 2]:0}; events sha256 {digest[..12]}");
        return 0;
    }

    /// <summary>The events as JSON, hashed: two builds that time alike must also extract alike.</summary>
    private static string Digest(List<EventRecord> records)
    {
        var sb = new StringBuilder();
        foreach (var r in records)
            sb.Append(EventJson.Serialize(r)).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()))).ToLowerInvariant();
    }
}
