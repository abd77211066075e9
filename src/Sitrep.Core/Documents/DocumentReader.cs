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
    /// that runs are repeatable. A missing path is reported through <paramref name="onError"/>
    /// and skipped; the rest go on.
    /// </summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths, Action<string, string> onError)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsReport)
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                    yield return file;
            }
            else
            {
                onError(path, "no such file or folder");
            }
        }
    }

    /// <summary>Reads one report; throws <see cref="DocumentException"/> for a file that is not a readable report.</summary>
    public static Document Read(string path, DateOnly? publishedOverride = null, long maxBytes = DefaultMaxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new DocumentException(path, "no such file");
            if (info.Length > maxBytes)
                throw new DocumentException(path, $"file is {Size(info.Length)}, over the {Size(maxBytes)} limit for one report");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentException(path, $"cannot read: {e.Message}");
        }

        var raw = Decode(path, bytes);
        // A .txt saved from a page often keeps its paragraph markup: read it as the HTML it is.
        var isHtml = !System.IO.Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase) || HtmlText.HasParagraphMarkup(raw);
        var text = isHtml ? HtmlText.MainText(raw) : raw;
        if (string.IsNullOrWhiteSpace(text))
            throw new DocumentException(path, isHtml ? "HTML holds no readable text" : "file is empty");

        var meta = ReadMeta(path);
        if (publishedOverride is not null)
            meta = meta with { Published = publishedOverride };
        return new Document(IdOf(path), path, text, meta, Hash(text, meta));
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
        >= 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => $"{bytes} bytes",
    };

    /// <summary>The document id of the spec: the file name without extension.</summary>
    public static string IdOf(string path) => System.IO.Path.GetFileNameWithoutExtension(path);

    private static string Decode(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
            throw new DocumentException(path, "file is empty");
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
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
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index}" : "";
            throw new DocumentException(path, $"not valid UTF-8{at}; convert the file to UTF-8");
        }
    }

    private static DocumentMeta ReadMeta(string reportPath)
    {
        var dir = System.IO.Path.GetDirectoryName(reportPath) ?? ".";
        var metaPath = System.IO.Path.Combine(dir, IdOf(reportPath) + ".meta.json");
        if (!File.Exists(metaPath))
            return DocumentMeta.Empty;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(metaPath));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new DocumentException(metaPath, "meta.json must hold one JSON object");
            var root = json.RootElement;
            var publishedText = Text(root, "published");
            DateOnly? published = null;
            if (publishedText is not null)
            {
                published = ParsePublished(publishedText)
                    ?? throw new DocumentException(metaPath, $"'published' is not an ISO date or date-time: \"{publishedText}\"");
            }
            return new DocumentMeta(published, Text(root, "source"), Text(root, "url"), Text(root, "title"));
        }
        catch (JsonException e)
        {
            throw new DocumentException(metaPath, $"broken JSON: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentException(metaPath, $"cannot read: {e.Message}");
        }
    }

    public static DateOnly? ParsePublished(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day))
            return day;
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var moment))
            return DateOnly.FromDateTime(moment.DateTime); // the day where it was written, not in UTC
        return null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Hash(string text, DocumentMeta meta)
    {
        var payload = Encoding.UTF8.GetBytes($"{meta.Published:yyyy-MM-dd}\u0001{meta.Source}\u0001{meta.Url}\u0001{meta.Title}\u0001{text}");
        return Convert.ToHexStringLower(SHA256.HashData(payload));
    }
}
