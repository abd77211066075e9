using System.Globalization;
using System.IO.Compression;
using System.Text;
using Sitrep.Geo.Index;

namespace Sitrep.Geo.Tests.Support;

/// <summary>
/// A small hand-written gazetteer in GeoNames dump format, so that builder, recognizer and geocoder
/// are tested on every machine. Positions are real; ids above 90,000,000 are made up.
/// </summary>
internal static class MiniGazetteer
{
    public sealed record Row(long Id, string Name, string Alternates, double Lat, double Lon, string Class, string Code,
        string Country, string Admin1, long Population = 0, string Admin2 = "");

    // A Ukraine file: oblasts, cities, namesake villages, water.
    public static readonly Row[] Ukraine =
    [
        new(706482, "Kharkiv Oblast", "Kharkiv,Kharkivska Oblast,Kharkov Oblast", 49.6167, 36.5, "A", "ADM1", "UA", "07", 2_598_961),
        new(709716, "Donetska Oblast", "Donetsk,Donetsk Oblast", 48.05, 37.6667, "A", "ADM1", "UA", "05", 4_059_372),
        new(706370, "Khmelnytska Oblast", "Khmelnytskyi", 49.4, 27.0, "A", "ADM1", "UA", "09", 1_200_000),
        new(705811, "Kirovohradska Oblast", "Kirovohrad", 48.5, 32.2, "A", "ADM1", "UA", "10", 900_000),
        new(706483, "Kharkiv", "Kharkov,Khar'kov,Charkiw", 49.98177, 36.25475, "P", "PPLA", "UA", "07", 1_421_125),
        new(709717, "Donetsk", "Donezk", 48.023, 37.80224, "P", "PPLA", "UA", "05", 901_645),
        new(702760, "Lozova", "Lozovaya", 48.89066, 36.31412, "P", "PPLA2", "UA", "07", 54_026),
        new(702758, "Lozova", "Lozovaya", 49.4717, 37.80665, "P", "PPL", "UA", "07"),
        new(702754, "Lozova", "", 50.14879, 35.57469, "P", "PPL", "UA", "07"),
        new(702779, "Lozova", "", 49.51344, 26.30285, "P", "PPL", "UA", "09"),
        new(704840, "Kupiansk", "Kupyansk,Kupjansk", 49.7106, 37.6158, "P", "PPLA2", "UA", "07", 27_000),
        new(704286, "Krasnoye", "", 48.41667, 37.31667, "P", "PPL", "UA", "05"),
        new(686741, "Krasnoye", "", 49.48333, 32.11667, "P", "PPL", "UA", "01"),
        new(704288, "Sontsivka", "Krasnoye,Krasnoe", 48.04866, 37.18893, "P", "PPL", "UA", "05", 626),
        new(695357, "Kurakhove", "Kurakhovo", 47.9847, 37.2807, "P", "PPLA3", "UA", "05", 18_000),
        new(713174, "Bakhmut", "Artemivsk,Artemovsk,Artemivs'k", 48.59419, 37.99886, "P", "PPLA2", "UA", "05", 80_500),
        new(705812, "Kropyvnytskyi", "Kirovohrad,Kirovograd,Kropyvnytskyy,Elisavetgrad", 48.50834, 32.26618, "P", "PPLA", "UA", "10", 219_676),
        new(704422, "Pokrovsk", "Krasnoarmiisk,Krasnoarmeysk,Krasnoarmiis'k", 48.2801, 37.1771, "P", "PPLA2", "UA", "05", 60_000),
        new(700051, "Nikopol", "Slov'iansk,Nikopol'", 47.5683, 34.3913, "P", "PPLA2", "UA", "04", 105_160),
        new(693468, "Slovyansk", "Sloviansk,Slavyansk,Slov'yans'k", 48.8497, 37.5974, "P", "PPL", "UA", "05", 105_141),
        new(701845, "Mar'yinka", "Mariinka,Marinka,Maryinka", 47.9453, 37.5054, "P", "PPL", "UA", "05", 9_089),
        new(700569, "Mykolaiv", "Nikolaev,Nikolayev,Mykolayiv", 46.9659, 31.9974, "P", "PPLA", "UA", "16", 498_748),
        new(687700, "Zaporizhzhia", "Zaporozhye,Zaporizhzhya,Zaporizhia", 47.8228, 35.1903, "P", "PPLA", "UA", "26", 750_685),
        new(90000025, "Sievierodonetsk", "Severodonetsk,Sjewjerodonezk", 48.9483, 38.4917, "P", "PPLA2", "UA", "14", 101_000),
        new(90000026, "Zakarpatska Oblast", "Zakarpattia,Zakarpattia Oblast", 48.5, 23.3, "A", "ADM1", "UA", "25", 1_250_000),
        new(710409, "Chop", "Csap", 48.43198, 22.20555, "P", "PPLA3", "UA", "25", 8_626),
        new(90000001, "Shevchenko", "", 48.1, 37.2, "P", "PPL", "UA", "05"),
        new(90000002, "Peremoha", "Victory", 50.2, 31.4, "P", "PPL", "UA", "13"),
        new(699116, "Pervomaisk", "", 48.6296, 38.5491, "P", "PPLA2", "UA", "14", 38_000),
        new(699115, "Pervomaiske", "", 45.7186, 33.8585, "P", "PPLA3", "UA", "11", 8_000),
        new(706523, "Kerch Strait", "Strait of Kerch,Kerchenskiy Proliv", 45.312, 36.5564, "H", "STRT", "UA", "11"),
        new(702750, "Lozova", "", 48.61071, 38.87839, "H", "STM", "UA", "14"),
        // Names war copy uses for weapons, aircraft and units; a village and a city district.
        new(90000021, "Sukhoy", "", 49.3833, 39.95, "P", "PPL", "UA", "14", 300),
        new(90000022, "Oleshnyk", "", 48.2, 23.1, "P", "PPL", "UA", "25", 1_500),
        new(90000023, "Novyi", "", 48.593, 37.879, "P", "PPL", "UA", "05", 200),
        new(90000024, "Chasiv Yar", "", 48.5866, 37.8356, "P", "PPLA3", "UA", "05", 12_000),
        // Qualifiers: namesakes told apart by oblast, raion or hromada.
        new(706442, "Khersonska Oblast", "Kherson,Kherson Oblast", 46.75, 33.3333, "A", "ADM1", "UA", "08", 1_000_000),
        new(706448, "Kherson", "Cherson,Herson", 46.6354, 32.6169, "P", "PPLA", "UA", "08", 320_000),
        new(704417, "Pokrovsk Raion", "Pokrovskyi Raion", 48.28, 37.18, "A", "ADM2", "UA", "05", 0, "1416"),
        new(713172, "Bakhmut Raion", "Bakhmutskyi Raion", 48.5833, 38.0, "A", "ADM2", "UA", "05", 0, "1402"),
        new(12189528, "Kramatorskyi Raion", "", 48.75, 37.5, "A", "ADM2", "UA", "05", 0, "1412"),
        new(90000011, "Novoselivka", "", 46.1986, 32.5959, "P", "PPL", "UA", "08", 300, "6525"),
        new(90000012, "Novoselivka", "", 48.2728, 37.8471, "P", "PPL", "UA", "05", 400, "1416"),
        new(90000013, "Novoselivka", "", 49.9, 36.0, "P", "PPL", "UA", "07", 500, "6325"),
        new(90000014, "Ivanivka", "", 48.2593, 37.4504, "P", "PPL", "UA", "05", 300, "1416"),
        new(90000015, "Ivanivka", "", 48.9184, 37.3489, "P", "PPL", "UA", "05", 350, "1412"),
        new(90000016, "Ivanivka", "", 48.55, 38.1, "P", "PPL", "UA", "05", 250, "1402"),
        new(90000017, "Ivanivka", "", 49.8, 36.6, "P", "PPL", "UA", "07", 400, "6325"),
        // A town and a hamlet of one name in one oblast: an order of magnitude apart.
        new(90000031, "Zelenyi Hai", "", 49.45, 36.95, "P", "PPL", "UA", "07", 15_000, "6325"),
        new(90000032, "Zelenyi Hai", "", 49.95, 37.35, "P", "PPL", "UA", "07", 300, "6325"),
        // Villages named for a compass point in Ukrainian ("south", "north"), and a city of "South Ukraine".
        new(697135, "Pivdenne", "", 49.8813, 36.0681, "P", "PPLA3", "UA", "07", 7_319),
        new(9113129, "Pivnichne", "", 48.1274, 37.6648, "P", "PPL", "UA", "05"),
        new(7525990, "Pivdennoukrainsk", "Yuzhnoukrainsk", 47.8288, 31.1751, "P", "PPL", "UA", "16", 38_560),
    ];

    // Settlements elsewhere (the worldwide cities file's share).
    public static readonly Row[] World =
    [
        new(524901, "Moscow", "Moskva,Moskau", 55.75222, 37.61556, "P", "PPLC", "RU", "48", 10_381_222),
        new(542121, "Krasnoye", "", 50.9297, 38.6817, "P", "PPL", "RU", "09", 2_352),
        new(4140963, "Washington", "Washington D.C.,Washington DC", 38.89511, -77.03637, "P", "PPLC", "US", "DC", 689_545),
        new(5218069, "Washington", "", 40.174, -80.2462, "P", "PPLA2", "US", "PA", 13_497),
        new(642673, "Pargas", "Parainen", 60.3067, 22.301, "P", "PPLA3", "FI", "02", 11_962),
        new(90000003, "Liberty", "", 39.2461, -94.4191, "P", "PPL", "US", "MO", 30_000),
        new(90000004, "Victory", "", 43.1, -76.5, "P", "PPL", "US", "NY", 600),
        new(90000005, "Palo Alto", "", 37.44188, -122.14302, "P", "PPL", "US", "CA", 64_403),
        new(90000006, "Zelensky", "", 44.0, -100.0, "P", "PPL", "US", "SD", 700),
        new(580054, "Azov", "", 47.1078, 39.4165, "P", "PPLA2", "RU", "61", 82_133),
        new(3442585, "Florida", "", -34.0956, -56.2142, "P", "PPLA", "UY", "07", 32_234),
        new(3558771, "Florida", "", 21.5254, -78.2258, "P", "PPLA2", "CU", "05", 63_007),
        new(4177887, "West Palm Beach", "", 26.71534, -80.05337, "P", "PPLA2", "US", "FL", 111_955),
        new(90000007, "Arab", "", 34.3181, -86.4958, "P", "PPL", "US", "AL", 8_000),
        // Towns venues stand in (venues.tsv), and a second town of one state.
        new(4167505, "Palm Beach", "", 26.70562, -80.03643, "P", "PPL", "US", "FL", 8_612),
        new(4164138, "Miami", "", 25.77427, -80.19366, "P", "PPLA2", "US", "FL", 441_003),
        new(4371334, "Thurmont", "", 39.62371, -77.41082, "P", "PPL", "US", "MD", 6_454),
        new(2650098, "Ellesborough", "", 51.7527, -0.79011, "P", "PPL", "GB", "ENG", 544),
        new(2473572, "Mahdia", "Africa,Al Mahdiyah", 35.5047, 11.0622, "P", "PPLA", "TN", "15", 45_977),
        new(5128581, "New York City", "New York,NYC", 40.7143, -74.006, "P", "PPL", "US", "NY", 8_804_190),
        new(5082331, "York", "New York", 40.8681, -97.592, "P", "PPLA2", "US", "NE", 7_864),
        // Regional capitals of Cameroon, whose regions are named "East" and "South".
        new(2234359, "Bertoua", "", 4.5773, 13.6846, "P", "PPLA", "CM", "04", 218_111),
        new(2232283, "Ebolowa", "", 2.9, 11.15, "P", "PPLA", "CM", "14", 87_875),
    ];

    public static readonly Row[] NoCountry =
    [
        new(713066, "Sea of Azov", "Azovskoye More,Mer d'Azov", 46.0297, 36.3734, "H", "SEA", "", ""),
        new(630673, "Black Sea", "Euxine Sea,Mar Negro", 43.0, 35.0, "H", "SEA", "", ""),
    ];

    public const string Admin1 = """
        UA.05	Donetsk	Donetsk	709716
        UA.07	Kharkivs’ka Oblast’	Kharkivs'ka Oblast'	706482
        UA.08	Kherson	Kherson	706442
        UA.09	Khmelnytskyi	Khmelnytskyi	706370
        UA.10	Kirovohrad	Kirovohrad	705811
        FI.02	Southwest Finland	Southwest Finland	830708
        US.DC	Washington, D.C.	Washington, D.C.	4138106
        US.PA	Pennsylvania	Pennsylvania	6254927
        US.FL	Florida	Florida	4155751
        US.MD	Maryland	Maryland	4361885
        GB.ENG	England	England	6269131
        RU.48	Moscow	Moscow	524894
        CM.04	East	East	2231835
        CM.14	South	South	2221789
        """;

    public static string Line(Row r) => string.Join('\t',
        r.Id.ToString(CultureInfo.InvariantCulture), r.Name, r.Name, r.Alternates,
        r.Lat.ToString(CultureInfo.InvariantCulture), r.Lon.ToString(CultureInfo.InvariantCulture),
        r.Class, r.Code, r.Country, "", r.Admin1, r.Admin2, "", "", r.Population.ToString(CultureInfo.InvariantCulture),
        "", "100", "Europe/Kyiv", "2024-01-01");

    /// <summary>Writes the dump files to a fresh folder: UA.zip (zipped like the shared copy), cities, no-country, admin1.</summary>
    public static GazetteerSources WriteSources(string dir)
    {
        Directory.CreateDirectory(dir);
        var zip = Path.Combine(dir, "UA.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using (var w = new StreamWriter(archive.CreateEntry("readme.txt").Open()))
                w.WriteLine("test data");
            using (var w = new StreamWriter(archive.CreateEntry("UA.txt").Open(), new UTF8Encoding(false)))
                foreach (var r in Ukraine)
                    w.Write(Line(r) + "\n");
        }
        var cities = Path.Combine(dir, "cities500.txt");
        File.WriteAllText(cities, string.Concat(World.Select(r => Line(r) + "\n")));
        var noCountry = Path.Combine(dir, "no-country.txt");
        File.WriteAllText(noCountry, string.Concat(NoCountry.Select(r => Line(r) + "\n")));
        var admin1 = Path.Combine(dir, "admin1CodesASCII.txt");
        File.WriteAllText(admin1, string.Join("\n", Admin1.Split('\n').Select(l => l.Trim())) + "\n");
        return new GazetteerSources { Cities = cities, CountryFiles = [zip], NoCountry = noCountry, Admin1Codes = admin1 };
    }

    private static readonly Lazy<Gazetteer> Index = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sitrep-mini-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var sources = WriteSources(dir);
        var path = Path.Combine(dir, "mini.idx");
        GazetteerBuilder.Build(sources, path);
        var g = Gazetteer.Load(path);
        Directory.Delete(dir, recursive: true);
        return g;
    });

    public static Gazetteer Gazetteer => Index.Value;
}
