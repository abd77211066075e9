using System.CommandLine;
using Sitrep.Store;
using Sitrep.Web;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep serve</c>: the dashboard (map, timeline, evidence) and its JSON API over one database.</summary>
internal sealed class ServeCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but a loopback address needs --token", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port (0: any free port)", DefaultValueFactory = _ => 8080 };
        var token = new Option<string?>("--token") { Description = "Secret every request must carry (Authorization: Bearer, or ?token= once in the browser); default $SITREP_TOKEN" };
        var tiles = new Option<string?>("--tiles") { Description = "Map tile URL template (https://host/{z}/{x}/{y}.png); without it a built-in basemap of oblast and country outlines" };
        var attribution = new Option<string?>("--tiles-attribution") { Description = "Credit line for --tiles" };
        var frontline = new Option<string?>("--frontline") { Description = "A GeoJSON front-line or occupied-area file to overlay on the claimed-control layer" };

        var command = new Command("serve", "Serve the dashboard: incidents on a map, a timeline, each incident's sources and evidence");
        foreach (var option in new Option[] { db, host, port, token, tiles, attribution, frontline })
            command.Options.Add(option);
        command.SetAction(result =>
        {
            var path = result.GetValue(db)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"sitrep serve: no database at {path}; fill one with 'sitrep ingest' or name one with --db");
                return ExitCodes.Usage;
            }
            var secret = result.GetValue(token) ?? Environment.GetEnvironmentVariable("SITREP_TOKEN");
            var options = new DashboardOptions
            {
                DatabasePath = path,
                Host = result.GetValue(host)!,
                Port = result.GetValue(port),
                Token = string.IsNullOrEmpty(secret) ? null : secret,
                TileUrl = result.GetValue(tiles),
                TileAttribution = result.GetValue(attribution),
                FrontlinePath = result.GetValue(frontline),
            };
            return Serve(options).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> Serve(DashboardOptions options)
    {
        DashboardServer server;
        try
        {
            server = DashboardServer.Create(options);
        }
        catch (Exception e) when (e is DashboardOptionsException or StoreException)
        {
            Console.Error.WriteLine($"sitrep serve: {e.Message}");
            return ExitCodes.Usage;
        }
        await using (server)
        {
            try
            {
                await server.StartAsync();
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"sitrep serve: cannot listen on {options.Host}:{options.Port}: {e.Message}");
                return ExitCodes.Usage;
            }
            var url = server.Address.ToString();
            if (options.Host == "0.0.0.0" || options.Host == "::")
                url = url.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
            // The URL is what the user needs from this command: stdout. With a token it opens the
            // page once and leaves a cookie, so the token is printed only where the user sees it.
            Console.WriteLine(options.Token is null ? url : $"{url}?token={Uri.EscapeDataString(options.Token)}");
            Console.Error.WriteLine($"sitrep serve: dashboard of {options.DatabasePath} at {url} (Ctrl+C stops it)");
            await server.WaitForShutdownAsync();
        }
        return ExitCodes.Ok;
    }
}
