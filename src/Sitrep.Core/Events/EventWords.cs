using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>
/// Word classes only the event stage reads, from event-words.tsv: they take no bit of the clause
/// layer's masks. A class name missing from the table fails when the stage loads.
/// </summary>
internal static class EventWords
{
    private static readonly Dictionary<string, WordClass> Table = DataFiles.ReadTable("event-words.tsv")
        .ToDictionary(row => row[0], row => WordClass.FromRow(row, table: null, bit: 0), StringComparer.Ordinal);

    public static readonly WordClass SpeechSetting = Get("speech-setting");
    public static readonly WordClass Additive = Get("additive");
    public static readonly WordClass OneMore = Get("one-more");
    public static readonly WordClass CauseNoun = Get("cause-noun");
    public static readonly WordClass SectionNoun = Get("section-noun");
    public static readonly WordClass TallyHead = Get("tally-head");
    public static readonly WordClass ReactionNoun = Get("reaction-noun");
    public static readonly WordClass LeaderNoun = Get("leader-noun");
    public static readonly WordClass GuardPreposition = Get("guard-preposition");
    public static readonly WordClass GuardNoun = Get("guard-noun");
    public static readonly WordClass DefiniteArticle = Get("definite-article");
    public static readonly WordClass IndefiniteArticle = Get("indefinite-article");
    public static readonly WordClass PlaceRelative = Get("place-relative");
    public static readonly WordClass PartitivePronoun = Get("partitive-pronoun");
    public static readonly WordClass SingularAuxiliary = Get("singular-auxiliary");
    public static readonly WordClass TollLevel = Get("toll-level");
    public static readonly WordClass TollNoun = Get("toll-noun-lemma");
    public static readonly WordClass SpanStart = Get("span-start");
    public static readonly WordClass DistanceLink = Get("distance-link");
    public static readonly WordClass Inclusion = Get("inclusion");

    private static WordClass Get(string name) =>
        Table.TryGetValue(name, out var c) ? c : throw new InvalidDataException($"event-words.tsv has no class '{name}'");
}
