namespace Sitrep.Documents;

/// <summary>A file that cannot be read as a report; the message names the file and the problem.</summary>
public sealed class DocumentException(string path, string problem) : Exception($"{path}: {problem}")
{
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}

/// <summary>Reads .txt and .html/.htm reports and their NAME.meta.json sidecars.</summary>
public static class DocumentReader
{
    // CONTRACT SKETCH: the extraction work fills this in.
    /// <summary>Expands files and folders into report paths, in a stable order; missing paths are reported through <paramref name="onError"/>.</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths, Action<string, string> onError) => throw new NotImplementedException();

    /// <summary>Reads one report; throws <see cref="DocumentException"/> for an unreadable file.</summary>
    public static Document Read(string path, DateOnly? publishedOverride = null) => throw new NotImplementedException();
}
