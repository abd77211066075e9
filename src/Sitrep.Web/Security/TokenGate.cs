using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sitrep.Web.Security;

/// <summary>
/// The token rule. Without a token, only reading is allowed (GET, HEAD): anything that could
/// change data is refused. With one, every request must carry it, as an
/// <c>Authorization: Bearer</c> header, the <c>sitrep_token</c> cookie, or once as <c>?token=</c>
/// (which sets the cookie, so a shared link opens the page).
/// </summary>
internal sealed class TokenGate(string? token)
{
    public const string Cookie = "sitrep_token";
    private readonly byte[]? _token = token is null ? null : Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var reading = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (_token is null)
        {
            if (!reading)
            {
                await Refuse(context, StatusCodes.Status403Forbidden, "this server was started without --token, so it accepts no request that changes data");
                return;
            }
            await next(context);
            return;
        }

        if (context.Request.Query["token"].LastOrDefault() is { } fromQuery && Matches(fromQuery))
        {
            context.Response.Cookies.Append(Cookie, fromQuery, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            await next(context);
            return;
        }
        var bearer = context.Request.Headers.Authorization.LastOrDefault() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header["Bearer ".Length..] : null;
        if (Matches(bearer) || Matches(context.Request.Cookies[Cookie]))
        {
            await next(context);
            return;
        }
        await Refuse(context, StatusCodes.Status401Unauthorized, "this server needs its token: open the URL sitrep serve printed, or send Authorization: Bearer TOKEN");
    }

    private bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }
}
