using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sitrep.Store;
using Sitrep.Web.Api;
using Sitrep.Web.Incidents;
using Sitrep.Web.Security;

namespace Sitrep.Web;

/// <summary>Options that cannot run; the message says which and why.</summary>
public sealed class DashboardOptionsException(string message) : Exception(message);

/// <summary>
/// The dashboard: the page (a map, a timeline and the evidence) and the JSON API behind it,
/// read-only over one Sitrep database.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StorePool _stores;
    private readonly IncidentIndex _index;
    private readonly ClaimsApi _claims;

    private DashboardServer(WebApplication app, StorePool stores, IncidentIndex index, ClaimsApi claims)
    {
        _app = app;
        _stores = stores;
        _index = index;
        _claims = claims;
    }

    /// <summary>The address the server listens on, known once it has started.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "localhost", StringComparison.Ordinal) + "/");

    /// <summary>The routes it answers (tests check that none changes data).</summary>
    internal IEnumerable<Endpoint> Endpoints =>
        ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints);

    /// <summary>Checks the options and builds the server; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <exception cref="DashboardOptionsException">A non-local host without a token, a bad port, or an unreadable front-line file.</exception>
    /// <exception cref="StoreException">The database cannot be opened.</exception>
    public static DashboardServer Create(DashboardOptions options)
    {
        if (!IPAddress.TryParse(options.Host, out var address))
            throw new DashboardOptionsException($"--host '{options.Host}' is not an IP address (127.0.0.1, 0.0.0.0, ...)");
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(options.Token))
            throw new DashboardOptionsException($"--host {options.Host} lets other machines in; it needs --token");
        if (options.Port is < 0 or > 65535)
            throw new DashboardOptionsException($"--port {options.Port} is not a port number");
        var frontline = options.FrontlinePath is null ? null : ReadFrontline(options.FrontlinePath);
        // Fails now, with the file named, rather than on the first request.
        EventStore.OpenReadOnly(options.DatabasePath).Dispose();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(address, options.Port));
        var app = builder.Build();
        var stores = new StorePool(options.DatabasePath);
        var index = new IncidentIndex(stores);
        var claims = new ClaimsApi(stores, index);

        app.Use(SecurityHeaders.Middleware(SecurityHeaders.Policy(options.TileUrl)));
        if (IPAddress.IsLoopback(address))
            app.Use(LocalHostsOnly);
        app.Use(new TokenGate(options.Token).InvokeAsync);
        app.Use(Errors);

        app.MapGet("/api/incidents", (HttpContext c) => Results.Json(IncidentsApi.List(index, c.Request.Query), Json.Options));
        app.MapGet("/api/incidents/{id:long}", (long id) => IncidentsApi.One(stores, id));
        app.MapGet("/api/events", (HttpContext c) => Results.Json(EventsApi.Get(stores, c.Request.Query), Json.Options));
        app.MapGet("/api/stats", (HttpContext c) => Results.Json(StatsApi.Get(index, c.Request.Query), Json.Options));
        app.MapGet("/api/claims", (HttpContext c) => claims.Get(c.Request.Query));
        app.MapGet("/api/config", () => Results.Json(new
        {
            TileUrl = options.TileUrl,
            TileAttribution = options.TileAttribution,
            Frontline = frontline is not null,
            PointLimit = IncidentsApi.PointLimit,
        }, Json.Options));
        app.MapGet("/api/frontline", () => frontline is null ? Results.NotFound() : Results.Bytes(frontline, "application/geo+json"));
        // The default fallback skips paths that look like files; the page is all files.
        app.MapFallback("{**path}", StaticAssets.Serve).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return new DashboardServer(app, stores, index, claims);
    }

    /// <summary>Reads every incident's summary (seconds for 100,000) and every claim, then listens: the first page view is not the one that waits.</summary>
    public Task StartAsync(CancellationToken cancel = default)
    {
        _index.Matches(new DashboardFilter(new EventQuery(), null));
        _claims.Warm();
        return _app.StartAsync(cancel);
    }

    /// <summary>Serves until Ctrl+C or SIGTERM.</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _index.Dispose();
        _stores.Dispose();
    }

    // A page on another site can make the browser send requests to 127.0.0.1 under its own name
    // (DNS rebinding); a local server answers only to local names.
    private static Task LocalHostsOnly(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        if (host is "localhost" or "127.0.0.1" or "[::1]" or "::1")
            return next(context);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(new { error = $"host '{host}' is not this machine's local name" });
    }

    private static async Task Errors(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is BadRequestException or QueryException && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = e.Message });
        }
        catch (StoreException e) when (!context.Response.HasStarted)
        {
            Console.Error.WriteLine($"sitrep serve: {e.Message}");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { error = e.Message });
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // A bug, not a bad request: the whole story goes to stderr, a short one to the page.
            Console.Error.WriteLine($"sitrep serve: {context.Request.Method} {context.Request.Path}{context.Request.QueryString}: {e}");
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = $"internal error: {e.Message}" });
        }
    }

    private static byte[] ReadFrontline(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DashboardOptionsException($"--frontline {path}: cannot read: {e.Message}");
        }
        try
        {
            using var json = JsonDocument.Parse(bytes);
            var type = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type is not ("FeatureCollection" or "Feature" or "Polygon" or "MultiPolygon" or "LineString" or "MultiLineString" or "GeometryCollection"))
                throw new DashboardOptionsException($"--frontline {path}: not GeoJSON (no FeatureCollection, Feature or geometry type)");
        }
        catch (JsonException e)
        {
            throw new DashboardOptionsException($"--frontline {path}: not JSON: {e.Message}");
        }
        return bytes;
    }
}
