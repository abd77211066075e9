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
        if (events.Any(e => string.Equals(e.TargetActor, Code, StringComparison.OrdinalIgnoreCase)))
            return true;
        var strikes = events.Where(e => e.Type == EventType.Strike).Select(e => Words(e.Evidence)).ToList();
        return strikes.Any(t => Civilian.Any(t.Contains)) && !strikes.Any(t => NotCivilian.Any(t.Contains));
    }

    /// <summary>The evidence as lower-case words between single spaces, so a cue matches whole words only.</summary>
    private static string Words(IEnumerable<Evidence> evidence)
    {
        var text = string.Join(" ", evidence.Select(e => e.Text)).ToLowerInvariant().Replace('’', '\'');
        var chars = text.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : ' ').ToArray();
        return " " + string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " ";
    }
}
