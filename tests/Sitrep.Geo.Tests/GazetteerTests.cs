using Sitrep.Geo.Index;
using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

public class GazetteerTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    [Fact]
    public void The_index_holds_every_kept_feature_plus_countries_and_curated_places()
    {
        var rows = MiniGazetteer.Ukraine.Length + MiniGazetteer.World.Length + MiniGazetteer.NoCountry.Length;
        Assert.True(G.Count > rows, $"{G.Count} entries for {rows} rows");
    }

    [Fact]
    public void Lookup_finds_every_namesake_with_its_region()
    {
        var lozova = G.Lookup("Lozova").Where(c => c.Place.Kind == PlaceKind.Settlement).ToList();
        Assert.Equal(4, lozova.Count);
        Assert.Equal(702760, lozova[0].Place.GeonamesId);   // the city first: primary name, then rank and population
        Assert.Contains(lozova, c => c.Place.Admin1 == "Khmelnytskyi");
    }

    [Fact]
    public void Oblasts_carry_their_English_names()
    {
        var region = G.Lookup("Kharkiv").Single(c => c.Place.Kind == PlaceKind.Region).Place;
        Assert.Equal("Kharkiv Oblast", region.Name);
        Assert.Equal("Kharkiv", region.Admin1);
        Assert.Equal(706482, region.GeonamesId);
    }

    [Fact]
    public void Water_names_are_indexed_in_both_word_orders()
    {
        Assert.Equal(713066, G.Lookup("Azov Sea").First().Place.GeonamesId);
        Assert.Equal(706523, G.Lookup("Strait of Kerch").First().Place.GeonamesId);
    }

    [Fact]
    public void Alternate_names_that_are_codes_or_other_scripts_are_left_out()
    {
        Assert.False(IndexWriter.IsUsableAlternate("KGO"));
        Assert.False(IndexWriter.IsUsableAlternate("Кропивницький"));
        Assert.False(IndexWriter.IsUsableAlternate("ke luo pei fu ni ci ji"));
        Assert.True(IndexWriter.IsUsableAlternate("Kirovohrad"));
    }

    [Fact]
    public void Loading_a_file_that_is_not_an_index_says_so()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not an index at all, just text");
        var e = Assert.Throws<InvalidDataException>(() => Gazetteer.Load(path));
        Assert.Contains(path, e.Message);
        File.Delete(path);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Loading_an_index_with_a_flipped_byte_names_the_file_and_the_damage(double where)
    {
        var path = CitiesIndex("flipped", out var dir);
        Assert.NotNull(Gazetteer.Load(path));
        var bytes = File.ReadAllBytes(path);
        bytes[(int)(bytes.Length * where)] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => Gazetteer.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("damaged", e.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_verified_index_is_trusted_until_it_is_written_again()
    {
        var path = CitiesIndex("stamped", out var dir);
        // Just written: checked in full, and no note yet (a rewrite could keep the same write time).
        Assert.True(Gazetteer.Load(path).ChecksumVerified);
        Assert.False(File.Exists(VerifiedStamp.PathOf(path)));

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        Assert.True(Gazetteer.Load(path).ChecksumVerified);
        Assert.True(File.Exists(VerifiedStamp.PathOf(path)));
        var trusted = Gazetteer.Load(path);
        Assert.False(trusted.ChecksumVerified);
        Assert.Equal(4140963, trusted.Lookup("Washington").First().Place.GeonamesId);

        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => Gazetteer.Load(path));
        Assert.Contains("damaged", e.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_note_for_another_file_of_the_same_name_is_not_trusted()
    {
        var path = CitiesIndex("stamped", out var dir);
        var old = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(path, old);
        Assert.True(Gazetteer.Load(path).ChecksumVerified);
        // A damaged copy put in its place with the old write time kept: same length and time,
        // but its trailer is not the one noted.
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, old);
        Assert.Throws<InvalidDataException>(() => Gazetteer.Load(path));
        Directory.Delete(dir, true);
    }

    // An index of the settlements file alone, in a folder of its own (the caller deletes it).
    private static string CitiesIndex(string name, out string dir)
    {
        dir = Path.Combine(Path.GetTempPath(), $"sitrep-{name}-{Guid.NewGuid():N}");
        var sources = MiniGazetteer.WriteSources(dir);
        var path = Path.Combine(dir, $"{name}.idx");
        GazetteerBuilder.Build(new GazetteerSources { Cities = sources.Cities }, path);
        return path;
    }

    [Fact]
    public void Building_from_a_missing_file_names_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir", "cities500.txt");
        var e = Assert.Throws<FileNotFoundException>(() =>
            GazetteerBuilder.Build(new GazetteerSources { Cities = missing }, Path.Combine(Path.GetTempPath(), "x.idx")));
        Assert.Contains(missing, e.Message);
    }

    [Fact]
    public void Building_from_a_broken_file_names_the_file_and_line()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitrep-broken-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var broken = Path.Combine(dir, "RU.txt");
        File.WriteAllText(broken, MiniGazetteer.Line(MiniGazetteer.World[0]) + "\nthis line is not a GeoNames row\n");
        var e = Assert.Throws<InvalidDataException>(() =>
            GazetteerBuilder.Build(new GazetteerSources { CountryFiles = [broken] }, Path.Combine(dir, "x.idx")));
        Assert.Contains("RU.txt: line 2", e.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void A_settlements_file_alone_builds_a_working_index()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitrep-cities-{Guid.NewGuid():N}");
        var sources = MiniGazetteer.WriteSources(dir);
        var path = Path.Combine(dir, "cities-only.idx");
        var report = GazetteerBuilder.Build(new GazetteerSources { Cities = sources.Cities }, path);
        var g = Gazetteer.Load(path);
        Assert.Equal(report.Entries, g.Count);
        Assert.Equal(4140963, g.Lookup("Washington").First().Place.GeonamesId);
        // No admin1 file: the curated regions still stand, placed at their settlements.
        var region = g.Lookup("Moscow City").Single(c => c.Place.Kind == PlaceKind.Region).Place;
        Assert.Equal((524894L, "RU"), (region.GeonamesId!.Value, region.Country!));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void The_default_path_follows_the_environment_variable()
    {
        var old = Environment.GetEnvironmentVariable("SITREP_GAZETTEER");
        try
        {
            Environment.SetEnvironmentVariable("SITREP_GAZETTEER", "/somewhere/places.idx");
            Assert.Equal("/somewhere/places.idx", Gazetteer.DefaultPath());
        }
        finally
        {
            Environment.SetEnvironmentVariable("SITREP_GAZETTEER", old);
        }
    }

    // Folded keeps each string's fold once: asked again, and for every name of the index, it must
    // be what folding the string gives, and a name with capitals must not come back as written.
    [Fact]
    public void A_folded_name_is_the_fold_of_the_name_each_time_it_is_asked()
    {
        var changed = 0;
        for (var round = 0; round < 2; round++)
            for (var i = 0; i < G.Count; i++)
            {
                var id = G.Entry(i).Name;
                var name = G.String(id);
                Assert.Equal(Sitrep.Geo.Text.TextFold.Fold(name), G.Folded(id));
                if (G.Folded(id) != name)
                    changed++;
            }
        Assert.True(changed > 0);
        Assert.Equal("", G.Folded(-1));
    }
}
