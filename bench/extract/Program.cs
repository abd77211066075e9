using Sitrep.Bench.Extract;

return args.FirstOrDefault() switch
{
    "corpus" => CorpusGenerator.Run(args[1..]),
    "stages" => StageProfile.Run(args[1..]),
    "passes" => PassProfile.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Sitrep.Bench corpus --samples DIR --out DIR [--mb 60] [--seed 42]
               Sitrep.Bench stages CORPUS_DIR [--mb 20] [--gazetteer PATH]
               Sitrep.Bench passes CORPUS_DIR [--mb 5] [--passes 7] [--gazetteer PATH]
        """);
    return 2;
}
