using System.Runtime.InteropServices;

namespace Sitrep.Cli.Commands;

/// <summary>
/// The document ids a run of ingest has taken, each with the file that took it, so a second file
/// of the same id is refused and both are named. A run keeps one entry for each report, so a path
/// is kept as the id between parts the whole folder shares (the folder, the extension), not as a
/// string of its own: on a year's reports (204,087) the paths alone were some 33 MB.
/// </summary>
internal sealed class IdsTaken
{
    private readonly Dictionary<string, (string Before, string? After)> _first = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parts = new(StringComparer.Ordinal);

    /// <summary>How many distinct path parts are kept: what the paths cost beyond one entry per id.</summary>
    internal int Parts => _parts.Count;

    /// <summary>Takes <paramref name="id"/> for <paramref name="path"/>; false, and nothing changed, when a file took it before.</summary>
    public bool TryTake(string id, string path)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_first, id, out var taken);
        if (taken)
            return false;
        // A report's id is its file name less the extension; a records file's documents are named inside it.
        var at = path.LastIndexOf(id, StringComparison.Ordinal);
        first = at < 0 || id.Length == 0 ? (Shared(path), null) : (Shared(path.AsSpan(0, at)), Shared(path.AsSpan(at + id.Length)));
        return true;
    }

    /// <summary>The path of the file that took <paramref name="id"/>.</summary>
    public string FirstPath(string id)
    {
        var (before, after) = _first[id];
        return after is null ? before : string.Concat(before, id, after);
    }

    private string Shared(ReadOnlySpan<char> part)
    {
        var parts = _parts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (parts.TryGetValue(part, out var kept))
            return kept;
        var text = part.ToString();
        _parts.Add(text, text);
        return text;
    }
}
