using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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
    /// <summary>News reports are kilobytes; anything past this is a mistaken input, not a report.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    private static readonly string[] ReportExtensions = [".txt", ".html", ".htm"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsReport(string path) =>
        ReportExtensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Expands files and folders into report paths, folders recursively and in ordinal order so
    /// that runs are repeatable. Links are followed, but each real file is given once and a link
    /// back to a folder above is not walked again. A missing path, and inside a folder a pipe,
    /// socket or device named like a report, are reported through <paramref name="onError"/>
    /// and skipped; the rest go on. A path named on the command line is read whatever it is
    /// (a process substitution is a pipe), through the size-capped reader.
    /// </summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths, Action<string, string> onError)
    {
        var files = new HashSet<(long, long)>();
        var folders = new HashSet<(long, long)>();
        foreach (var path in paths)
        {
            var node = FileNode.Of(path);
            switch (node.Kind)
            {
                case FileKind.Missing:
                    onError(path, "no such file or folder");
                    break;
                case FileKind.Directory:
                    var found = new List<(string Path, FileNode Node)>();
                    Walk(path, node, folders, found, onError);
                    foreach (var (file, fileNode) in found.OrderBy(f => f.Path, StringComparer.Ordinal))
                    {
                        if (files.Add((fileNode.Device, fileNode.Inode)))
                            yield return file;
                    }
                    break;
                default:
                    if (files.Add((node.Device, node.Inode)))
                        yield return path;
                    break;
            }
        }
    }

    private static void Walk(string folder, FileNode node, HashSet<(long, long)> seen, List<(string, FileNode)> found, Action<string, string> onError)
    {
        if (!seen.Add((node.Device, node.Inode)))
            return; // reached again through a link: its reports are already listed
        List<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onError(folder, $"cannot list folder: {e.Message}");
            return;
        }
        foreach (var entry in entries.Order(StringComparer.Ordinal))
        {
            var child = FileNode.Of(entry);
            switch (child.Kind)
            {
                case FileKind.Directory:
                    Walk(entry, child, seen, found, onError);
                    break;
                case FileKind.Regular when IsReport(entry):
                    found.Add((entry, child));
                    break;
                case FileKind.Other when IsReport(entry):
                    onError(entry, "not a regular file (a pipe, socket or device); skipped");
                    break;
                case FileKind.Missing when IsReport(entry):
                    onError(entry, "a link to nothing; skipped");
                    break;
            }
        }
    }

    /// <summary>
    /// Reads one report; throws <see cref="DocumentException"/> for a file that is not a readable
    /// report. Problems that leave the report readable (a sidecar field of the wrong type) go to
    /// <paramref name="warn"/>, one message each naming the file.
    /// </summary>
    public static Document Read(string path, DateOnly? publishedOverride = null, long maxBytes = DefaultMaxBytes, Action<string>? warn = null)
    {
        string raw;
        var bytes = ReadCapped(path, maxBytes, System.Buffers.ArrayPool<byte>.Shared);
        try
        {
            raw = Decode(path, bytes);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes.Array!);
        }
        // A .txt saved from a page often keeps its paragraph markup: read it as the HTML it is.
        var isHtml = !System.IO.Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase) || HtmlText.HasParagraphMarkup(raw);
        if (isHtml && HtmlText.NestingDepth(raw) is var depth and > HtmlText.MaxDepth)
            throw new DocumentException(path, $"HTML nests elements {depth} deep, over the limit of {HtmlText.MaxDepth}; not a news page");
        var text = isHtml ? HtmlText.MainText(raw) : raw;
        if (string.IsNullOrWhiteSpace(text))
            throw new DocumentException(path, isHtml ? "HTML holds no readable text" : "file is empty");

        var meta = ReadMeta(path, warn ?? (_ => { }));
        if (publishedOverride is not null)
            meta = meta with { Published = publishedOverride };
        return new Document(IdOf(path), path, text, meta, Hash(text, meta));
    }

    /// <summary>
    /// The file's bytes, in an array rented from <paramref name="pool"/> when one is given (the
    /// caller returns it): a report's bytes are only decoded, so one array serves every report.
    /// </summary>
    private static ArraySegment<byte> ReadCapped(string path, long maxBytes, System.Buffers.ArrayPool<byte>? pool)
    {
        // The common case in four system calls; anything out of the way is read (and named) below.
        if (Posix.TryReadWhole(path, maxBytes, pool, out var whole))
            return whole;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > maxBytes)
                throw new DocumentException(path, $"file is {Size(stream.Length)}, over the {Size(maxBytes)} limit for one report");
            // A file says its length: one array of that size, not a 64 KB chunk and a growing
            // copy per report (most reports are a few KB). One byte more shows a file that grew.
            if (stream.CanSeek)
            {
                var length = (int)stream.Length;
                var exact = pool?.Rent(length) ?? new byte[length];
                var read = stream.ReadAtLeast(exact.AsSpan(0, length), length, throwOnEndOfStream: false);
                if (read == length && stream.ReadByte() < 0)
                    return new ArraySegment<byte>(exact, 0, length);
                pool?.Return(exact);
                stream.Position = 0;
            }
            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > maxBytes)
                    throw new DocumentException(path, $"file is over the {Size(maxBytes)} limit for one report (it does not end)");
            }
            // A pipe's bytes: rare, and copied into a pooled array so the caller returns one kind.
            var bytes = pool?.Rent((int)buffer.Length) ?? new byte[buffer.Length];
            buffer.Position = 0;
            buffer.ReadExactly(bytes, 0, (int)buffer.Length);
            return new ArraySegment<byte>(bytes, 0, (int)buffer.Length);
        }
        catch (FileNotFoundException)
        {
            throw new DocumentException(path, "no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new DocumentException(path, "no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentException(path, $"cannot read: {e.Message}");
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
        >= 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => $"{bytes} bytes",
    };

    /// <summary>The document id of the spec: the file name without extension.</summary>
    public static string IdOf(string path) => System.IO.Path.GetFileNameWithoutExtension(path);

    private static string Decode(string path, ArraySegment<byte> bytes)
    {
        if (bytes.Count == 0)
            throw new DocumentException(path, "file is empty");
        var sample = bytes.AsSpan(0, Math.Min(bytes.Count, 8192));
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
                throw new DocumentException(path, "binary file (holds NUL bytes), not a text report");
            if (b < 0x09 || (b > 0x0D && b < 0x20))
                controls++;
        }
        if (controls > sample.Length / 20)
            throw new DocumentException(path, "binary file (mostly control bytes), not a text report");
        try
        {
            var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
            return StrictUtf8.GetString(bytes.AsSpan(start));
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index}" : "";
            throw new DocumentException(path, $"not valid UTF-8{at}; convert the file to UTF-8");
        }
    }

    private static DocumentMeta ReadMeta(string reportPath, Action<string> warn)
    {
        var dir = System.IO.Path.GetDirectoryName(reportPath) ?? ".";
        var metaPath = System.IO.Path.Combine(dir, IdOf(reportPath) + ".meta.json");
        switch (FileNode.Of(metaPath).Kind)
        {
            case FileKind.Missing:
                return DocumentMeta.Empty;
            case FileKind.Directory or FileKind.Other:
                warn($"{metaPath}: not a regular file (a folder, pipe or device); ignored");
                return DocumentMeta.Empty;
        }
        var bytes = ReadCapped(metaPath, MaxMetaBytes, System.Buffers.ArrayPool<byte>.Shared);
        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory());
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new DocumentException(metaPath, "meta.json must hold one JSON object");
            var root = json.RootElement;
            var publishedText = Text(root, "published", metaPath, warn);
            DateOnly? published = null;
            if (publishedText is not null)
            {
                published = ParsePublished(publishedText)
                    ?? throw new DocumentException(metaPath, $"'published' is not an ISO date or date-time: \"{publishedText}\"");
                if (!IsPlausiblyPublished(published.Value))
                {
                    warn($"{metaPath}: 'published' {published:yyyy-MM-dd} is not a plausible publication date (years {FirstYear} to {LastYear}); ignored, relative dates stay null");
                    published = null;
                }
            }
            return new DocumentMeta(published, Text(root, "source", metaPath, warn), Text(root, "url", metaPath, warn), Text(root, "title", metaPath, warn));
        }
        catch (JsonException e)
        {
            throw new DocumentException(metaPath, $"broken JSON: {e.Message}");
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes.Array!);
        }
    }

    /// <summary>A sidecar holds four short strings; a megabyte is already a mistaken file.</summary>
    private const long MaxMetaBytes = 1024 * 1024;

    private const int FirstYear = 1900;
    private const int LastYear = 2100;

    /// <summary>
    /// News about this war is published in these years. A date far outside them (0001-01-01,
    /// 9999-12-31) is a placeholder, and as an anchor it would put relative dates off the calendar.
    /// </summary>
    public static bool IsPlausiblyPublished(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    public static DateOnly? ParsePublished(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day))
            return day;
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var moment))
            return DateOnly.FromDateTime(moment.DateTime); // the day where it was written, not in UTC
        return null;
    }

    /// <summary>
    /// A string field of the sidecar. A field of another type, or a string that is not text (a
    /// lone surrogate), is left out with a warning naming the file and the field: the report is
    /// still read, without that field.
    /// </summary>
    private static string? Text(JsonElement root, string name, string metaPath, Action<string> warn)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            warn($"{metaPath}: '{name}' should be a string, not {KindName(value.ValueKind)}; ignored");
            return null;
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            warn($"{metaPath}: '{name}' holds an unpaired UTF-16 surrogate, which is not text; ignored");
            return null;
        }
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Hash(string text, DocumentMeta meta)
    {
        // The same bytes as hashing the joined string, without building it and its UTF-8 copy
        // for every report: stored hashes stay valid.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = $"{meta.Published:yyyy-MM-dd}\u0001{meta.Source}\u0001{meta.Url}\u0001{meta.Title}\u0001";
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Math.Max(head.Length, text.Length)));
        try
        {
            sha.AppendData(buffer, 0, Encoding.UTF8.GetBytes(head, buffer));
            sha.AppendData(buffer, 0, Encoding.UTF8.GetBytes(text, buffer));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
