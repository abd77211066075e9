using Sitrep.Geo.Index;

namespace Sitrep.Geo.Tests.Support;

/// <summary>Where the shared GeoNames copy and the fetched cities file live, relative to the repository.</summary>
internal static class SharedGeo
{
    public static string? RepositoryRoot { get; } = FindRoot();

    public static string? Folder => RepositoryRoot is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "geo")) : null;

    public static string? EvalDev => RepositoryRoot is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "eval", "dev")) : null;

    public static string? CitiesFile => RepositoryRoot is { } root ? Path.Combine(root, ".cache", "geonames", "cities500.txt") : null;

    public static bool HasUkraine => Folder is { } f && File.Exists(Path.Combine(f, "UA.zip"));

    public static bool HasCities => CitiesFile is { } c && File.Exists(c);

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")))
                return dir.FullName;
        return null;
    }

    private static readonly Lazy<Gazetteer> FullIndex = new(() =>
    {
        var folder = Folder!;
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-geo-tests-{Environment.ProcessId}.idx");
        GazetteerBuilder.Build(new GazetteerSources
        {
            Cities = HasCities ? CitiesFile : null,
            CountryFiles = [Path.Combine(folder, "UA.zip")],
            NoCountry = Path.Combine(folder, "no-country.txt"),
            Admin1Codes = Path.Combine(folder, "admin1CodesASCII.txt"),
        }, path);
        var g = Gazetteer.Load(path);
        File.Delete(path);
        return g;
    });

    /// <summary>The index built from ../shared/geo (and the cities file when fetched), once per test run.</summary>
    public static Gazetteer Full => FullIndex.Value;
}

/// <summary>A fact that needs ../shared/geo (and, when asked, the fetched cities500.txt): skipped with the reason otherwise.</summary>
public sealed class FactRequiresSharedGeoAttribute : FactAttribute
{
    public FactRequiresSharedGeoAttribute(bool needsCities = false)
    {
        if (!SharedGeo.HasUkraine)
            Skip = "needs ../shared/geo/UA.zip (the full GeoNames Ukraine file), which is absent here";
        else if (needsCities && !SharedGeo.HasCities)
            Skip = "needs .cache/geonames/cities500.txt; run scripts/build-gazetteer.sh to fetch it";
    }
}

/// <summary>A theory that needs ../shared/geo (and, when asked, the fetched cities500.txt): skipped with the reason otherwise.</summary>
public sealed class TheoryRequiresSharedGeoAttribute : TheoryAttribute
{
    public TheoryRequiresSharedGeoAttribute(bool needsCities = false)
    {
        if (!SharedGeo.HasUkraine)
            Skip = "needs ../shared/geo/UA.zip (the full GeoNames Ukraine file), which is absent here";
        else if (needsCities && !SharedGeo.HasCities)
            Skip = "needs .cache/geonames/cities500.txt; run scripts/build-gazetteer.sh to fetch it";
    }
}
