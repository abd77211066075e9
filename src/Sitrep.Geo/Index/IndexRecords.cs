using System.Runtime.InteropServices;

namespace Sitrep.Geo.Index;

/// <summary>One gazetteer feature as stored in the index (fixed size, read in bulk).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct EntryRecord(
    long GeonamesId,
    int Name,
    int FeatureCode,
    int Population,
    float Lat,
    float Lon,
    int Admin1,
    int Admin2,
    ushort Country,
    byte Kind,
    byte Rank,
    byte FeatureClass)
{
    public bool HasId => GeonamesId > 0;
}

/// <summary>How a name of the index belongs to its entry: the ranking trusts primary names most.</summary>
[Flags]
internal enum NameSource : byte
{
    None = 0,
    Primary = 1,
    Ascii = 2,
    Alternate = 4,
    /// <summary>A name from Sitrep's own data files (countries, regions, landmarks, areas).</summary>
    Curated = 8,
    /// <summary>A venue's name (venues.tsv) given to the settlement it stands in: a place only where the text uses it as one.</summary>
    Venue = 16,
}

/// <summary>A name → entry link at a trie node: which entry, by which written variant.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct Posting(int Entry, int Variant, NameSource Source);

/// <summary>A first-level division: its key ("UA.05"), short name ("Donetsk") and the entry that stands for it.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct Admin1Record(int Key, int ShortName, int Entry, ushort Country);

internal static class CountryCode
{
    public static ushort Pack(ReadOnlySpan<char> code) =>
        code.Length == 2 ? (ushort)((char.ToUpperInvariant(code[0]) << 8) | char.ToUpperInvariant(code[1])) : (ushort)0;

    // Ranking asks for country codes in its inner loop: each code is made once.
    private static readonly string?[] Unpacked = new string?[65536];

    public static string? Unpack(ushort packed) =>
        packed == 0 ? null : Unpacked[packed] ??= new string([(char)(packed >> 8), (char)(packed & 0xFF)]);
}

/// <summary>Feature rank: how much a feature code says about a place's importance (PPLC over PPLA over PPL).</summary>
internal static class FeatureRank
{
    public static byte Of(char featureClass, string code) => (featureClass, code) switch
    {
        ('P', "PPLC") => 6,
        ('P', "PPLA") => 5,
        ('P', "PPLA2") => 4,
        ('P', "PPLA3") => 3,
        ('P', "PPLA4" or "PPLA5" or "PPLG") => 2,
        ('P', "PPL" or "PPLS" or "PPLL" or "PPLF" or "PPLR") => 1,
        ('P', _) => 0,   // PPLX (section of a place), PPLQ (abandoned), PPLH (historical), PPLW (destroyed)
        ('A', "PCLI" or "PCLD" or "PCLH" or "PCL" or "PCLF" or "PCLS") => 6,
        ('A', "ADM1") => 5,
        ('A', "ADM2") => 3,
        ('H', "SEA" or "OCN" or "STRT" or "GULF") => 4,
        ('H', _) => 2,
        _ => 1,
    };

    public static PlaceKind? KindOf(char featureClass, string code) => featureClass switch
    {
        'P' => PlaceKind.Settlement,
        'A' when code.StartsWith("PCL", StringComparison.Ordinal) => PlaceKind.Country,
        'A' when code is "ADM1" or "ADM2" or "ADM3" or "ADMD" or "ADM1H" => PlaceKind.Region,
        'H' => PlaceKind.Water,
        'S' => PlaceKind.Facility,
        'T' or 'L' => PlaceKind.Area,
        _ => null,
    };
}
