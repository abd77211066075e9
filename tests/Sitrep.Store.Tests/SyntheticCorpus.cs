using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Store.Tests;

/// <summary>A reproducible pile of pre-extracted records, written as 'sitrep extract' would.</summary>
internal static class SyntheticCorpus
{
    private static readonly Place[] Places = [Reports.Kharkiv, Reports.Merefa, Reports.Chuhuiv, Reports.Odesa, Reports.Kyiv, Reports.KharkivOblast];

    /// <summary>Writes <paramref name="documents"/> documents of <paramref name="eventsPerDocument"/> events each; returns the event ids by document.</summary>
    public static Dictionary<string, HashSet<string>> WriteJsonl(string path, int documents, int eventsPerDocument, int seed = 7)
    {
        var random = new Random(seed);
        var expected = new Dictionary<string, HashSet<string>>();
        using var writer = new StreamWriter(path);
        for (var d = 0; d < documents; d++)
        {
            var doc = $"report-{d:D6}";
            expected[doc] = [];
            for (var e = 0; e < eventsPerDocument; e++)
            {
                var id = $"{doc}-e{e}";
                var date = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 365)).ToString("yyyy-MM-dd");
                var record = Reports.Strike(doc, id, Places[random.Next(Places.Length)], date, killed: random.Next(0, 4) == 0 ? null : random.Next(0, 12),
                    evidence: $"Strike number {e} described by report {d}.");
                writer.WriteLine(EventJson.Serialize(record));
                expected[doc].Add(id);
            }
        }
        return expected;
    }
}
