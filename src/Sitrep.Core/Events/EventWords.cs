using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>
/// Word classes only the event stage reads (event-words.tsv), by typed name. They take no bit
/// of the clause layer's masks; a name missing from the table fails when this type loads.
/// </summary>
internal static class EventWords
{
    private static readonly Dictionary<string, WordClass> Table = DataFiles.ReadTable("event-words.tsv")
        .ToDictionary(r => r[0], r => new WordClass(r[0], (r.Length > 1 ? r[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : []).ToHashSet(StringComparer.Ordinal), 64), StringComparer.Ordinal);

    public static readonly WordClass SectionNoun = Get("section-noun");
    public static readonly WordClass TallyHead = Get("tally-head");
    public static readonly WordClass ReactionNoun = Get("reaction-noun");
    public static readonly WordClass LeaderNoun = Get("leader-noun");
    public static readonly WordClass GuardPreposition = Get("guard-preposition");
    public static readonly WordClass GuardNoun = Get("guard-noun");

    private static WordClass Get(string name) =>
        Table.TryGetValue(name, out var c) ? c : throw new InvalidDataException($"event-words.tsv has no class '{name}'");
}
