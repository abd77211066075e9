namespace Sitrep.Web;

/// <summary>How <c>sitrep serve</c> was started.</summary>
public sealed record DashboardOptions
{
    public required string DatabasePath { get; init; }
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; init; } = 8080;
    /// <summary>When set, every request must carry it; without it, nothing that changes data is accepted.</summary>
    public string? Token { get; init; }
    /// <summary>A tile URL template such as https://tile.example/{z}/{x}/{y}.png; null shows the built-in basemap.</summary>
    public string? TileUrl { get; init; }
    public string? TileAttribution { get; init; }
    /// <summary>A GeoJSON file of a front line or occupied area to overlay.</summary>
    public string? FrontlinePath { get; init; }
}
