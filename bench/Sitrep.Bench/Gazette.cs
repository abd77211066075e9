using Sitrep.Geo;

namespace Sitrep.Bench;

/// <summary>Places the synthetic corpus reports from: real towns with their coordinates and oblasts.</summary>
internal static class Gazette
{
    public static readonly Place[] Towns =
    [
        Town("Kharkiv", "Kharkiv", 49.9935, 36.2304), Town("Merefa", "Kharkiv", 49.8231, 36.0500), Town("Chuhuiv", "Kharkiv", 49.8356, 36.6880),
        Town("Kupiansk", "Kharkiv", 49.7107, 37.6157), Town("Izium", "Kharkiv", 49.2103, 37.2563), Town("Vovchansk", "Kharkiv", 50.2906, 36.9411),
        Town("Kyiv", "Kyiv City", 50.4501, 30.5234), Town("Bila Tserkva", "Kyiv", 49.7956, 30.1167), Town("Brovary", "Kyiv", 50.5110, 30.7909),
        Town("Odesa", "Odesa", 46.4825, 30.7233), Town("Izmail", "Odesa", 45.3497, 28.8372), Town("Chornomorsk", "Odesa", 46.3019, 30.6557),
        Town("Dnipro", "Dnipropetrovsk", 48.4647, 35.0462), Town("Kryvyi Rih", "Dnipropetrovsk", 47.9105, 33.3918), Town("Nikopol", "Dnipropetrovsk", 47.5667, 34.3958),
        Town("Zaporizhzhia", "Zaporizhzhia", 47.8388, 35.1396), Town("Orikhiv", "Zaporizhzhia", 47.5675, 35.7849), Town("Huliaipole", "Zaporizhzhia", 47.6625, 36.2561),
        Town("Kherson", "Kherson", 46.6354, 32.6169), Town("Beryslav", "Kherson", 46.8411, 33.4269),
        Town("Mykolaiv", "Mykolaiv", 46.9750, 31.9946), Town("Ochakiv", "Mykolaiv", 46.6167, 31.5500),
        Town("Sumy", "Sumy", 50.9077, 34.7981), Town("Shostka", "Sumy", 51.8656, 33.4766), Town("Okhtyrka", "Sumy", 50.3104, 34.8988),
        Town("Chernihiv", "Chernihiv", 51.4982, 31.2893), Town("Pokrovsk", "Donetsk", 48.2820, 37.1760), Town("Kramatorsk", "Donetsk", 48.7389, 37.5848),
        Town("Sloviansk", "Donetsk", 48.8533, 37.6053), Town("Kostiantynivka", "Donetsk", 48.5277, 37.7069), Town("Chasiv Yar", "Donetsk", 48.5860, 37.8350),
        Town("Toretsk", "Donetsk", 48.3973, 37.8474), Town("Avdiivka", "Donetsk", 48.1394, 37.7497), Town("Lviv", "Lviv", 49.8397, 24.0297),
        Town("Poltava", "Poltava", 49.5883, 34.5514), Town("Kremenchuk", "Poltava", 49.0659, 33.4102), Town("Vinnytsia", "Vinnytsia", 49.2331, 28.4682),
        Town("Zhytomyr", "Zhytomyr", 50.2547, 28.6587), Town("Cherkasy", "Cherkasy", 49.4444, 32.0598), Town("Kropyvnytskyi", "Kirovohrad", 48.5079, 32.2623),
        Town("Khmelnytskyi", "Khmelnytskyi", 49.4229, 26.9871), Town("Rivne", "Rivne", 50.6199, 26.2516), Town("Lutsk", "Volyn", 50.7472, 25.3254),
        Town("Ternopil", "Ternopil", 49.5535, 25.5948), Town("Ivano-Frankivsk", "Ivano-Frankivsk", 48.9226, 24.7111),
        Town("Belgorod", "Belgorod", 50.5997, 36.5983, "RU"), Town("Kursk", "Kursk", 51.7304, 36.1926, "RU"), Town("Bryansk", "Bryansk", 53.2521, 34.3717, "RU"),
    ];

    public static Place Oblast(string admin1, string country = "UA") =>
        new($"{admin1} Oblast", PlaceKind.Region, country, admin1, null, null, null, $"{admin1} region");

    private static Place Town(string name, string admin1, double lat, double lon, string country = "UA") =>
        new(name, PlaceKind.Settlement, country, admin1, lat, lon, null, name);
}
