namespace Sitrep.Feeds;

/// <summary>One line of a feeds file: a feed's address or a folder of report files.</summary>
public abstract record FeedSource(string Name)
{
    public sealed record Web(Uri Address) : FeedSource(Address.AbsoluteUri);
    public sealed record Folder(string Path) : FeedSource(Path);
}

/// <summary>
/// The feeds file: one feed URL (http or https) or folder a line; blank lines and lines starting
/// with '#' are skipped, and so is the rest of a line from " #". A line that is neither is named with its line number and skipped.
/// </summary>
public static class FeedList
{
    public static IReadOnlyList<FeedSource> Read(string path, Action<string> problem)
    {
        var sources = new List<FeedSource>();
        var baseDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            // A comment may also follow an entry after a space: addresses hold no spaces.
            var comment = raw.IndexOf(" #", StringComparison.Ordinal);
            var line = (comment >= 0 ? raw[..comment] : raw).Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.Contains("://", StringComparison.Ordinal))
            {
                if (Uri.TryCreate(line, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    sources.Add(new FeedSource.Web(uri));
                else
                    problem($"{path}:{number}: '{line}' is not an http or https address; skipped");
                continue;
            }
            // A relative folder is read from where the feeds file is, so the file works from any directory.
            var folder = System.IO.Path.IsPathRooted(line) ? line : System.IO.Path.Combine(baseDir, line);
            if (Directory.Exists(folder))
                sources.Add(new FeedSource.Folder(folder));
            else
                problem($"{path}:{number}: '{line}' is neither a feed address nor an existing folder; skipped");
        }
        return sources;
    }
}
