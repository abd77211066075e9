using System.Globalization;

namespace Sitrep.Geo.Recognition;

/// <summary>The cue words the recognizer and the geocoder read, loaded once from Data/.</summary>
internal sealed class GeoLexicon
{
    public HashSet<string> RegionWords { get; }
    public HashSet<string> WaterWords { get; }
    public HashSet<string> CommonWords { get; }
    public HashSet<string> PersonCues { get; } = new(StringComparer.Ordinal);
    /// <summary>Cues that name a person only when capitalized, as a byline's first word.</summary>
    public HashSet<string> CapitalizedPersonCues { get; } = new(StringComparer.Ordinal);
    public HashSet<string> GivenNames { get; }
    public HashSet<string> OrgWords { get; }
    public HashSet<string> Connectors { get; }
    public HashSet<string> QualifierWords { get; }
    public HashSet<string> AliasWords { get; }
    public HashSet<string> SettlementCues { get; }
    public HashSet<string> OwnerNouns { get; }
    /// <summary>Folded names that are not places on their own → true when a locative before them makes them a territory.</summary>
    public Dictionary<string, bool> NotPlaces { get; } = new(StringComparer.Ordinal);
    /// <summary>Skeleton keys of the first word of each name in <see cref="NotPlaces"/>.</summary>
    public HashSet<string> NotPlaceFirstWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> CityParts { get; }
    public HashSet<string> CitySuffixes { get; }
    public HashSet<string> SectorWords { get; }
    public HashSet<string> Locatives { get; }
    public HashSet<string> UnknownPlaceCues { get; }
    /// <summary>Words before a venue's name that make it a location ("at", "visited").</summary>
    public HashSet<string> VenueCues { get; } = new(StringComparer.Ordinal);
    /// <summary>Words that may stand between a venue cue and the name ("the", "his").</summary>
    public HashSet<string> VenueFillers { get; } = new(StringComparer.Ordinal);
    /// <summary>The small words read around a name (function-words.tsv), by the part they play.</summary>
    public HashSet<string> Articles { get; } = new(StringComparer.Ordinal);
    public HashSet<string> OfWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> WithinWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Coordinators { get; } = new(StringComparer.Ordinal);
    /// <summary>Division word → the level it names ("district" → raion).</summary>
    public Dictionary<string, DivisionLevel> Divisions { get; } = new(StringComparer.Ordinal);
    /// <summary>Compass word → bearing in degrees; -1 for "central".</summary>
    public Dictionary<string, int> Directions { get; } = new(StringComparer.Ordinal);

    private GeoLexicon(string dir)
    {
        RegionWords = GeoData.ReadWordSet(dir, "region-words.txt");
        WaterWords = GeoData.ReadWordSet(dir, "water-words.txt");
        // Compared as written (folded), not by skeleton: "Tynne" is a village, "tine" a word.
        CommonWords = GeoData.ReadTable(dir, "common-words.txt").Select(r => Text.TextFold.Fold(r[0])).ToHashSet(StringComparer.Ordinal);
        GeoData.ReadWordRoles(dir, "person-cues.txt", new Dictionary<string, HashSet<string>> { [""] = PersonCues, ["capitalized"] = CapitalizedPersonCues });
        GivenNames = GeoData.ReadWordSet(dir, "given-names.txt");
        OrgWords = GeoData.ReadWordSet(dir, "org-words.txt");
        Connectors = GeoData.ReadWordSet(dir, "connector-words.txt");
        QualifierWords = GeoData.ReadWordSet(dir, "qualifier-words.txt");
        AliasWords = GeoData.ReadWordSet(dir, "alias-words.txt");
        SettlementCues = GeoData.ReadWordSet(dir, "settlement-cues.txt");
        OwnerNouns = GeoData.ReadWordSet(dir, "owner-nouns.txt");
        CityParts = GeoData.ReadWordSet(dir, "city-part-words.txt");
        SectorWords = GeoData.ReadWordSet(dir, "sector-words.txt");
        CitySuffixes = GeoData.ReadTable(dir, "city-suffix-words.txt").Select(r => Text.TextFold.Fold(r[0])).ToHashSet(StringComparer.Ordinal);
        Locatives = GeoData.ReadWordSet(dir, "locative-words.txt");
        UnknownPlaceCues = GeoData.ReadWordSet(dir, "unknown-place-cues.txt");
        GeoData.ReadWordRoles(dir, "function-words.tsv", new Dictionary<string, HashSet<string>>
        {
            ["article"] = Articles, ["of"] = OfWords, ["within"] = WithinWords, ["coordinator"] = Coordinators,
        });
        GeoData.ReadWordRoles(dir, "venue-cues.tsv", new Dictionary<string, HashSet<string>> { ["cue"] = VenueCues, ["filler"] = VenueFillers });
        foreach (var row in GeoData.ReadTable(dir, "not-places.tsv"))
        {
            NotPlaces[Text.TextFold.Fold(row[0])] = GeoData.Field(row, 2) == "yes";
            NotPlaceFirstWords.Add(Text.TextFold.SkeletonTokens(row[0])[0]);
        }
        foreach (var row in GeoData.ReadTable(dir, "division-words.tsv"))
            Divisions[Text.TextFold.Skeleton(row[0])] = Enum.Parse<DivisionLevel>(GeoData.Field(row, 1), ignoreCase: true);
        foreach (var row in GeoData.ReadTable(dir, "direction-words.tsv"))
            foreach (var key in Text.TextFold.SkeletonTokens(row[0]).Count == 1 ? [Text.TextFold.Skeleton(row[0])] : Array.Empty<string>())
                Directions[key] = int.Parse(GeoData.Field(row, 1), CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the word is in any of the sets of <paramref name="classes"/>, read from its key once per distinct word.</summary>
    public bool Is(in Text.WordToken word, WordClass classes)
    {
        var known = word.Word.Classes;
        if (known < 0)
            word.Word.Classes = known = (int)ClassesOf(word.Key);
        return (known & (int)classes) != 0;
    }

    /// <summary>
    /// Whether the word, as <paramref name="text"/> writes it, folds into <see cref="CommonWords"/>:
    /// read once per distinct written word (its key is made per written form).
    /// </summary>
    public bool IsCommon(string text, in Text.WordToken word)
    {
        var known = word.Word.Common;
        if (known == 0)
            word.Word.Common = known = Text.TextFold.FoldedIn(text.AsSpan(word.Start, word.Length), CommonWords) ? (byte)2 : (byte)1;
        return known == 2;
    }

    private WordClass ClassesOf(string key) =>
        (PersonCues.Contains(key) ? WordClass.PersonCue : 0)
        | (CapitalizedPersonCues.Contains(key) ? WordClass.CapitalizedPersonCue : 0)
        | (Articles.Contains(key) ? WordClass.Article : 0)
        | (OfWords.Contains(key) ? WordClass.Of : 0)
        | (WithinWords.Contains(key) ? WordClass.Within : 0)
        | (Coordinators.Contains(key) ? WordClass.Coordinator : 0)
        | (GivenNames.Contains(key) ? WordClass.GivenName : 0)
        | (RegionWords.Contains(key) ? WordClass.RegionWord : 0)
        | (WaterWords.Contains(key) ? WordClass.WaterWord : 0)
        | (Connectors.Contains(key) ? WordClass.Connector : 0)
        | (OrgWords.Contains(key) ? WordClass.OrgWord : 0)
        | (NotPlaceFirstWords.Contains(key) ? WordClass.NotPlaceFirst : 0)
        | (SectorWords.Contains(key) ? WordClass.SectorWord : 0)
        | (SettlementCues.Contains(key) ? WordClass.SettlementCue : 0)
        | (OwnerNouns.Contains(key) ? WordClass.OwnerNoun : 0)
        | (VenueCues.Contains(key) ? WordClass.VenueCue : 0)
        | (VenueFillers.Contains(key) ? WordClass.VenueFiller : 0)
        | (UnknownPlaceCues.Contains(key) ? WordClass.UnknownPlaceCue : 0)
        | (Locatives.Contains(key) ? WordClass.Locative : 0)
        | (CityParts.Contains(key) ? WordClass.CityPart : 0)
        | (Divisions.ContainsKey(key) ? WordClass.Division : 0)
        | (Directions.ContainsKey(key) ? WordClass.Direction : 0);

    private static readonly Lazy<GeoLexicon> Shared = new(() => new GeoLexicon(GeoData.DefaultDirectory));

    public static GeoLexicon Default => Shared.Value;
}

/// <summary>The word sets of <see cref="GeoLexicon"/> asked of every word of a sentence, as flags of the word.</summary>
[Flags]
internal enum WordClass
{
    PersonCue = 1,
    GivenName = 2,
    RegionWord = 4,
    WaterWord = 8,
    Connector = 16,
    OrgWord = 32,
    NotPlaceFirst = 64,
    SectorWord = 128,
    SettlementCue = 256,
    OwnerNoun = 1 << 9,
    VenueCue = 1 << 10,
    VenueFiller = 1 << 11,
    UnknownPlaceCue = 1 << 12,
    Locative = 1 << 13,
    CityPart = 1 << 14,
    Division = 1 << 15,
    Direction = 1 << 16,
    CapitalizedPersonCue = 1 << 17,
    Article = 1 << 18,
    Of = 1 << 19,
    Within = 1 << 20,
    Coordinator = 1 << 21,
}
