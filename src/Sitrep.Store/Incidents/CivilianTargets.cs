using Sitrep.Events;

namespace Sitrep.Store.Incidents;

/// <summary>
/// Whether an incident's civilians were its target, as ACLED codes civilian_targeting: its
/// reports' target is civilians, or a strike's evidence names a civilian target (a home, a
/// market, residents) and none a military or energy one. The extractor names the attacked state
/// as the target of a strike on a town, so the evidence is what tells the two apart.
/// </summary>
internal static class CivilianTargets
{
    /// <summary>The actor code of civilians (acled-actors.csv: "Civilians (...)", inter Civilians).</summary>
    public const string Code = "civilians";

    private static readonly HashSet<string> Cues = IncidentRule.LoadWords("civilian-targets.txt");
    private static readonly string[] Civilian = [.. Cues.Where(c => !c.StartsWith('-')).Select(c => $" {c.ToLowerInvariant()} ")];
    private static readonly string[] NotCivilian = [.. Cues.Where(c => c.StartsWith('-')).Select(c => $" {c[1..].ToLowerInvariant()} ")];

    public static bool Targeted(IReadOnlyList<EventRecord> events)
    {
        foreach (var e in events)
            if (string.Equals(e.TargetActor, Code, StringComparison.OrdinalIgnoreCase))
                return true;
        var civilian = false;
        foreach (var e in events)
        {
            if (e.Type != EventType.Strike)
                continue;
            var words = Words(e.Evidence);
            if (Any(words, NotCivilian))
                return false;
            civilian = civilian || Any(words, Civilian);
        }
        return civilian;
    }

    private static bool Any(string words, string[] cues)
    {
        foreach (var cue in cues)
            if (words.Contains(cue, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>The evidence as lower-case words between single spaces, so a cue matches whole words only.</summary>
    private static string Words(IReadOnlyList<Evidence> evidence)
    {
        // One pass into one buffer: every incident with a strike is summarized at each write,
        // and lowering, replacing, splitting and joining made a string at each step. Anything
        // not a letter, a digit or a hyphen separates words (an apostrophe, a curly one too).
        var words = new System.Text.StringBuilder(" ");
        foreach (var e in evidence)
        {
            foreach (var c in e.Text)
            {
                if (char.IsLetterOrDigit(c) || c == '-')
                    words.Append(char.ToLowerInvariant(c));
                else if (words[^1] != ' ')
                    words.Append(' ');
            }
            if (words[^1] != ' ')
                words.Append(' ');
        }
        return words.ToString();
    }
}
