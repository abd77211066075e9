using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace Sitrep.Web;

/// <summary>The page and its libraries, embedded in this assembly (wwwroot/...), served by path.</summary>
internal static class StaticAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".geojson"] = "application/geo+json",
        [".json"] = "application/json",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8",
    };

    private static readonly Lazy<Dictionary<string, byte[]>> Files = new(() =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files["/" + name[Prefix.Length..].Replace('\\', '/')] = copy.ToArray();
        }
        return files;
    });

    public static IResult Serve(HttpContext context)
    {
        var path = context.Request.Path.Value is null or "/" ? "/index.html" : context.Request.Path.Value;
        if (!Files.Value.TryGetValue(path, out var bytes))
            return Results.NotFound();
        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
        // The page and app scripts change with the build; libraries are pinned, so they may be cached.
        context.Response.Headers.CacheControl = path.StartsWith("/lib/", StringComparison.Ordinal) ? "public, max-age=86400" : "no-cache";
        return Results.Bytes(bytes, type);
    }
}
