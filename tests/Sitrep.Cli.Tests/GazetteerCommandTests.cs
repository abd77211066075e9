using System.CommandLine;
using Sitrep.Cli.Commands;
using Sitrep.Geo;

namespace Sitrep.Cli.Tests;

public class GazetteerCommandTests
{
    private static int Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(GazetteerCommand.Create());
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitrep-cli-geo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void Build_with_a_missing_cities_file_fails_as_a_usage_error_and_writes_nothing()
    {
        var dir = TempDir();
        var output = Path.Combine(dir, "places.idx");
        Assert.Equal(ExitCodes.Usage, Run("gazetteer", "build", "--cities", Path.Combine(dir, "absent.txt"), "--out", output));
        Assert.False(File.Exists(output));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Build_from_a_settlements_file_writes_an_index_that_loads()
    {
        var dir = TempDir();
        var cities = Path.Combine(dir, "cities500.txt");
        File.WriteAllText(cities,
            "706483\tKharkiv\tKharkiv\tKharkov\t49.98177\t36.25475\tP\tPPLA\tUA\t\t07\t\t\t\t1421125\t\t152\tEurope/Kyiv\t2024-01-01\n");
        var output = Path.Combine(dir, "places.idx");
        // Named explicitly so that the test does not read ../shared/geo when it is there.
        var noCountry = Path.Combine(dir, "no-country.txt");
        File.WriteAllText(noCountry, "");
        Assert.Equal(ExitCodes.Ok, Run("gazetteer", "build", "--cities", cities, "--out", output,
            "--no-country", noCountry, "--admin1", WriteAdmin1(dir)));
        var g = Gazetteer.Load(output);
        Assert.Equal(706483, g.Lookup("Kharkov").First(c => c.Place.Kind == PlaceKind.Settlement).Place.GeonamesId);
        Assert.Equal(ExitCodes.Ok, Run("gazetteer", "lookup", "Kharkiv", "--gazetteer", output));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Build_from_a_broken_file_fails_as_a_usage_error()
    {
        var dir = TempDir();
        var broken = Path.Combine(dir, "RU.txt");
        File.WriteAllText(broken, "this is not a GeoNames dump\n");
        Assert.Equal(ExitCodes.Usage, Run("gazetteer", "build", "--country", broken, "--out", Path.Combine(dir, "x.idx")));
        Directory.Delete(dir, true);
    }

    private static string WriteAdmin1(string dir)
    {
        var path = Path.Combine(dir, "admin1CodesASCII.txt");
        File.WriteAllText(path, "UA.07\tKharkiv\tKharkiv\t706482\n");
        return path;
    }
}
