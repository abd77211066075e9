using System.Globalization;

namespace Sitrep.Bench.Extract;

/// <summary>What the profiles are given: a corpus folder, a place index, how many MB of the corpus to read, and how many passes.</summary>
internal sealed record CorpusOptions(string Corpus, string Gazetteer, double Mb, int Passes)
{
    /// <summary>The options of <paramref name="args"/>, or null (the problem told on stderr) when the corpus or the index is missing.</summary>
    public static CorpusOptions? Parse(string command, string[] args, double mb, int passes = 0)
    {
        string? corpus = null, gazetteer = Sitrep.Geo.Gazetteer.DefaultPath();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mb": mb = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--passes": passes = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--gazetteer": gazetteer = args[++i]; break;
                default: corpus = args[i]; break;
            }
        }
        if (corpus is not null && gazetteer is not null)
            return new CorpusOptions(corpus, gazetteer, mb, passes);
        Console.Error.WriteLine($"{command}: CORPUS_DIR and a gazetteer (--gazetteer or SITREP_GAZETTEER) are required");
        return null;
    }
}
