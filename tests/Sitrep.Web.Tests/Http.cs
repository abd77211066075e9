using System.Net.Http.Json;
using System.Text.Json;

namespace Sitrep.Web.Tests;

/// <summary>GETs against a running dashboard, as the page makes them.</summary>
internal static class Http
{
    private static readonly HttpClient Client = new();

    public static async Task<JsonElement> Json(Uri server, string pathAndQuery)
    {
        using var response = await Client.GetAsync(new Uri(server, pathAndQuery));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<(int Status, string Body)> Raw(Uri server, string pathAndQuery, HttpMethod? method = null,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(server, pathAndQuery));
        configure?.Invoke(request);
        using var response = await Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> Response(Uri server, string pathAndQuery) =>
        await Client.GetAsync(new Uri(server, pathAndQuery));
}
