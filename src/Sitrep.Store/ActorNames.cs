using Sitrep.Store.Export;
using Sitrep.Text;

namespace Sitrep.Store;

/// <summary>
/// Turns what an analyst types for an actor ("Russia", "russian forces", "RU", "Military Forces
/// of Russia (2000-)") into the actor code events carry, from the extractor's actor lexicon and
/// the ACLED actor table.
/// </summary>
public static class ActorNames
{
    private static readonly Lazy<Dictionary<string, string>> Names = new(Load);

    /// <summary>The actor code a name or code stands for, or null when no lexicon knows it.</summary>
    public static string? Resolve(string text)
    {
        var key = text.Trim().ToLowerInvariant();
        return key.Length == 0 ? null : Names.Value.GetValueOrDefault(key);
    }

    private static Dictionary<string, string> Load()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in DataFiles.ReadTable("actors.tsv"))
        {
            if (row.Length < 2)
                continue;
            names.TryAdd(row[1].ToLowerInvariant(), row[1]);
            names.TryAdd(row[0].ToLowerInvariant(), row[1]);
        }
        foreach (var (code, actor) in AcledCodebook.Default.Actors)
        {
            names.TryAdd(code.ToLowerInvariant(), code);
            names.TryAdd(actor.Name.ToLowerInvariant(), code);
        }
        return names;
    }
}
