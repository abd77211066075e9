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

    public static bool Targeted(IReadOnlyList<EventDigest> events)
    {
        foreach (var e in events)
            if (string.Equals(e.TargetActor, Code, StringComparison.OrdinalIgnoreCase))
                return true;
        // One strike naming a military or energy target outweighs any number naming civilians.
        var civilian = false;
        foreach (var e in events)
        {
            if (e.NamesOtherTarget)
                return false;
            civilian = civilian || e.NamesCivilianTarget;
        }
        return civilian;
    }

    /// <summary>Whether a strike's evidence names a civilian target, and whether it names another; neither for other events.</summary>
    public static (bool Civilian, bool Other) Named(EventRecord e)
    {
        if (e.Type != EventType.Strike)
            return (false, false);
        var words = Words(e.Evidence);
        return (Any(words, Civilian), Any(words, NotCivilian));
    }

    private static bool Any(ReadOnlySpan<char> words, string[] cues)
    {
        foreach (var cue in cues)
            if (words.Contains(cue, StringComparison.Ordinal))
                return true;
        return false;
    }

    // Every strike the writer stores has its evidence read here once (EventDigest): the words are
    // laid out in one buffer per thread instead of a new string each time.
    [ThreadStatic]
    private static char[]? _words;

    /// <summary>The evidence as lower-case words between single spaces, so a cue matches whole words only.</summary>
    private static ReadOnlySpan<char> Words(IReadOnlyList<Evidence> evidence)
    {
        // Each character gives at most one, and each text one space after it.
        var most = 1;
        foreach (var e in evidence)
            most += e.Text.Length + 1;
        var words = _words is { } buffer && buffer.Length >= most ? buffer : _words = new char[Math.Max(most, 256)];
        // Anything not a letter, a digit or a hyphen separates words (an apostrophe, a curly one too).
        words[0] = ' ';
        var n = 1;
        foreach (var e in evidence)
        {
            foreach (var c in e.Text)
            {
                if (char.IsLetterOrDigit(c) || c == '-')
                    words[n++] = char.ToLowerInvariant(c);
                else if (words[n - 1] != ' ')
                    words[n++] = ' ';
            }
            if (words[n - 1] != ' ')
                words[n++] = ' ';
        }
        return words.AsSpan(0, n);
    }
}
