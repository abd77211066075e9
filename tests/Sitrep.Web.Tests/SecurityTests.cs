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
