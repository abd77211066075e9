using Microsoft.AspNetCore.Http;

namespace Sitrep.Web.Security;

/// <summary>
/// Headers on every response. The Content-Security-Policy allows scripts only from the app
/// itself (no inline script, no eval), so article text that slipped into the page as markup still
/// could not run; images may also come from the user's tile server.
/// </summary>
internal static class SecurityHeaders
{
    public static string Policy(string? tileUrl) =>
        $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:{TileSource(tileUrl)}; connect-src 'self'; " +
        "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // "https://{s}.tile.example.org/{z}/{x}/{y}.png" -> " https://*.tile.example.org"
    private static string TileSource(string? tileUrl)
    {
        var scheme = tileUrl?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (tileUrl is null || scheme < 0)
            return "";
        var hostEnd = tileUrl.IndexOf('/', scheme + 3);
        var origin = hostEnd < 0 ? tileUrl : tileUrl[..hostEnd];
        return " " + origin.Replace("{s}", "*", StringComparison.Ordinal);
    }

    public static Func<HttpContext, RequestDelegate, Task> Middleware(string policy) => (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        return next(context);
    };
}
