namespace Sitrep.Web.Tests;

/// <summary>Starting the server: options it refuses, and the front-line overlay.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardServerTests(Dashboard dashboard)
{
    [Fact]
    public void A_front_line_file_that_is_not_geojson_is_refused_with_its_name()
    {
        var path = Path.Combine(dashboard.Folder, "front.geojson");
        File.WriteAllText(path, "{\"type\": \"Banana\"}");
        var error = Assert.Throws<DashboardOptionsException>(() =>
            DashboardServer.Create(new DashboardOptions { DatabasePath = dashboard.DatabasePath, Port = 0, FrontlinePath = path }));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_missing_database_is_refused_with_its_name()
    {
        var path = Path.Combine(dashboard.Folder, "missing.db");
        var error = Assert.Throws<Sitrep.Store.StoreException>(() => DashboardServer.Create(new DashboardOptions { DatabasePath = path, Port = 0 }));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task A_front_line_file_is_served_for_the_overlay_and_announced_in_the_config()
    {
        var path = Path.Combine(dashboard.Folder, "line.geojson");
        File.WriteAllText(path, """{"type": "LineString", "coordinates": [[37.0, 48.0], [37.5, 48.6]]}""");
        await using var server = DashboardServer.Create(new DashboardOptions { DatabasePath = dashboard.DatabasePath, Port = 0, FrontlinePath = path });
        await server.StartAsync();
        var config = await Http.Json(server.Address, "/api/config");
        Assert.True(config.GetProperty("frontline").GetBoolean());
        var line = await Http.Json(server.Address, "/api/frontline");
        Assert.Equal("LineString", line.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Without_a_front_line_file_there_is_none_to_fetch()
    {
        var config = await Http.Json(dashboard.Address, "/api/config");
        Assert.False(config.GetProperty("frontline").GetBoolean());
        Assert.Equal(404, (await Http.Raw(dashboard.Address, "/api/frontline")).Status);
    }
}
