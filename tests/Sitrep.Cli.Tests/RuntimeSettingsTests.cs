using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>
/// The runtime settings the CLI's speed was measured with travel in its runtime configuration, so
/// that `dotnet sitrep.dll`, the launcher's image and the tests' copy all run with them.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "sitrep.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void Tier_up_starts_soon_after_new_methods_stop_appearing()
    {
        var delay = ConfigProperties().GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs");
        // The host passes the value to the runtime as text or number; either way it must be 10, not the default 100.
        var ms = delay.ValueKind == JsonValueKind.Number ? delay.GetInt32() : int.Parse(delay.GetString()!);
        Assert.Equal(10, ms);
    }

    [Fact]
    public void Profile_guided_rejitting_and_background_collections_stay_off()
    {
        var properties = ConfigProperties();
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
