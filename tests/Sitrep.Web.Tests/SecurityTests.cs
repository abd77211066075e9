using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Sitrep.Web.Tests;

/// <summary>The local bind, the token rule, the local-name check and the Content-Security-Policy.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SecurityTests(Dashboard dashboard)
{
    [Fact]
    public void By_default_the_server_listens_on_the_loopback_address_only()
    {
        Assert.Equal("127.0.0.1", new DashboardOptions { DatabasePath = "x.db" }.Host);
        Assert.Equal("127.0.0.1", dashboard.Address.Host);
    }

    [Fact]
    public async Task The_default_server_cannot_be_reached_on_this_machines_other_addresses()
    {
        var others = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
            .Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();
        foreach (var address in others)
        {
            using var socket = new System.Net.Sockets.TcpClient();
            var error = await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => socket.ConnectAsync(address, dashboard.Address.Port));
            Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, error.SocketErrorCode);
        }
        // The loopback address answers on the same port: the refusals above are the bind, not a dead server.
        Assert.Equal(200, (await Http.Raw(dashboard.Address, "/api/config")).Status);
    }

    [Fact]
    public void The_cli_without_host_listens_on_the_loopback_address()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "serve", "--db", dashboard.DatabasePath, "--port", "0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            // The first line on stdout is the address it listens on.
            var url = process.StandardOutput.ReadLine();
            Assert.NotNull(url);
            Assert.Equal("127.0.0.1", new Uri(url).Host);
        }
        finally
        {
            process.Kill();
            process.WaitForExit(30_000);
        }
    }

    [Fact]
    public void Listening_on_every_interface_without_a_token_is_refused()
    {
        var error = Assert.Throws<DashboardOptionsException>(() =>
            DashboardServer.Create(new DashboardOptions { DatabasePath = dashboard.DatabasePath, Host = "0.0.0.0", Port = 0 }));
        Assert.Contains("--token", error.Message);
    }

    [Fact]
    public void The_cli_refuses_a_public_host_without_a_token_with_exit_code_2()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "sitrep.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", cli, "serve", "--db", dashboard.DatabasePath, "--host", "0.0.0.0", "--port", "0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "sitrep serve did not exit");
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("needs --token", stderr);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Without_a_token_no_request_that_could_change_data_is_accepted(string method)
    {
        var (status, body) = await Http.Raw(dashboard.Address, "/api/incidents", new HttpMethod(method));
        Assert.Equal(403, status);
        Assert.Contains("--token", body);
    }

    [Fact]
    public async Task With_a_token_a_request_that_could_change_data_needs_it_too()
    {
        await using var server = DashboardServer.Create(new DashboardOptions
        {
            DatabasePath = dashboard.DatabasePath, Port = 0, Token = "write-token",
        });
        await server.StartAsync();
        // A client of its own: cookies another test's server set on 127.0.0.1 would go with it.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false });
        async Task<int> Send(string method, string path, string? bearer = null)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(server.Address, path));
            if (bearer is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await client.SendAsync(request);
            return (int)response.StatusCode;
        }
        foreach (var method in new[] { "POST", "PUT", "PATCH", "DELETE" })
        {
            Assert.Equal(401, await Send(method, "/api/incidents"));
            Assert.Equal(401, await Send(method, "/api/incidents?token=wrong"));
            Assert.Equal(401, await Send(method, "/", bearer: "wrong"));
            // With the token the gate lets it by, and no route takes it.
            Assert.Equal(405, await Send(method, "/api/incidents", bearer: "write-token"));
        }
    }

    [Fact]
    public void Every_endpoint_only_reads()
    {
        // The token gate refuses every other method without the token; a route that answered one
        // would be an endpoint that changes data, and this test is where it has to be owned up to.
        var methods = dashboard.Server.Endpoints
            .Select(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>())
            .ToList();
        Assert.NotEmpty(methods);
        foreach (var m in methods)
        {
            Assert.NotNull(m);
            Assert.All(m.HttpMethods, h => Assert.True(h is "GET" or "HEAD", $"a route answers {h}"));
        }
    }

    [Fact]
    public async Task The_pages_scripts_never_insert_markup()
    {
        foreach (var script in new[] { "main.js", "api.js", "map.js", "panel.js", "timeline.js", "claims.js" })
        {
            var (status, code) = await Http.Raw(dashboard.Address, $"/js/{script}");
            Assert.Equal(200, status);
            Assert.DoesNotMatch(@"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|eval\(|new Function\(", code);
            // Leaflet puts a string tooltip or popup in as HTML: only elements built as text go in.
            Assert.DoesNotMatch(@"\.(bindTooltip|bindPopup|setContent)\((?!tip\(|el\()", code);
        }
    }

    [Fact]
    public async Task With_a_token_every_request_must_carry_it()
    {
        await using var server = DashboardServer.Create(new DashboardOptions
        {
            DatabasePath = dashboard.DatabasePath, Port = 0, Token = "s3cret-token",
        });
        await server.StartAsync();
        var address = server.Address;

        Assert.Equal(401, (await Http.Raw(address, "/api/incidents")).Status);
        Assert.Equal(401, (await Http.Raw(address, "/")).Status);
        Assert.Equal(401, (await Http.Raw(address, "/api/incidents", configure: r =>
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong"))).Status);
        Assert.Equal(200, (await Http.Raw(address, "/api/incidents", configure: r =>
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token"))).Status);

        // ?token= once sets an HttpOnly cookie, so a browser can open the printed link.
        using var opened = await Http.Response(address, "/?token=s3cret-token");
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (await Http.Raw(address, "/api/stats", configure: r =>
            r.Headers.Add("Cookie", cookie.Split(';')[0]))).Status);
    }

    [Fact]
    public async Task A_local_server_answers_only_to_local_host_names()
    {
        var (status, _) = await Http.Raw(dashboard.Address, "/api/incidents", configure: r => r.Headers.Host = "attacker.example");
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Every_response_forbids_inline_scripts()
    {
        using var response = await Http.Response(dashboard.Address, "/");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Contains("default-src 'none'", policy);
    }

    [Fact]
    public async Task The_page_has_no_inline_script_and_needs_no_cdn()
    {
        var (status, html) = await Http.Raw(dashboard.Address, "/");
        Assert.Equal(200, status);
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)[^>]*>", html);
        Assert.DoesNotContain("//", string.Concat(System.Text.RegularExpressions.Regex.Matches(html, @"(?:src|href)=""([^""]*)""").Select(m => m.Groups[1].Value)));
        foreach (var asset in new[] { "/lib/leaflet.js", "/lib/uPlot.iife.min.js", "/lib/basemap.geojson", "/js/main.js", "/app.css" })
            Assert.Equal(200, (await Http.Raw(dashboard.Address, asset)).Status);
    }
}
