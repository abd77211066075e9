namespace Sitrep.Geo.Resolution;

/// <summary>
/// The weights of the ranking, one per typed feature. Kept together so that their balance can be
/// read at a glance: a named region or an alias outweighs population; population only breaks ties.
/// </summary>
internal static class Weights
{
    public const double MainName = 2.0;
    public const double AlternateName = 1.0;
    public const double FuzzyName = 1.0;
    public const double LooseSpelling = -0.4;      // matched only on the transliteration skeleton

    public const double Ukraine = 1.5;
    public const double Russia = 1.0;
    public const double CountryInDocument = 1.0;
    public const double SmallForeignPlace = -3.5;  // the main source of false positives worldwide
    public const int ForeignMinPopulation = 50_000;
    public const int ForeignMinPopulationNamedCountry = 5_000;
    public const int ForeignKnownByOtherNames = 500_000;   // big cities are known abroad by other names (Bombay, Peking)

    public const double Capital = 1.5;             // national and regional capitals (PPLC, PPLA) are what copy means by their names
    public const double RankStep = 0.25;           // per feature-rank step: PPLC 6, PPLA 5, PPLA2 4, ..., PPL 1
    public const double PopulationMain = 0.3;      // per decade of population
    public const double PopulationAlternate = 0.1; // never rank alternate-name matches by population alone

    public const double RegionWanted = 2.5;
    public const double TrueRegionName = 0.5;      // "Moscow Oblast" over "Moscow City" for "the Moscow region"
    public const double NotWhatWasAsked = -5.0;
    public const double RegionForBareName = -2.0;
    public const double DistrictForBareName = -1.5;
    public const double RegionOwnName = 0.5;       // a first-level division no town of it is named after: the bare name means it
    public const double CountryForBareName = 3.5;
    public const double WaterForBareName = -2.0;
    public const double FacilityForBareName = -0.5;
    public const double SettlementCued = 1.0;
    public const double CuratedLandmark = 2.0;     // "White House", "High North": Sitrep's own table says what they mean
    public const double UnsupportedAlternate = -1.5;
    public const double MultiWordName = 1.0;       // "Snake Island", "Kinburn Spit": names of several words rarely collide with prose
    public const int AlternateMinPopulation = 10_000;
    public const int MajorCityPopulation = 100_000;

    public const double QualifierRegionMatch = 4.0;
    public const double QualifierRegionMismatch = -1.5;
    public const double QualifierCountryMatch = 2.5;
    public const double QualifierCountryMismatch = -2.0;
    public const double DirectionMatch = 2.5;
    public const double DirectionMismatch = -1.0;
    public const double RegionInDocument = 0.7;    // per mention of the region, at most two
    public const double AliasPartner = 5.0;
    public const double Proximity = 6.0;           // times exp(-km / ProximityKm) to the nearest other place of the report
    public const double ProximityKm = 40.0;
    public const double OtherSentence = 0.6;
    public const int AnchorWindow = 40;            // mentions before and after: a long live blog is many reports       // an anchor in another sentence pulls this much of one in the same

    public const double CityPartKm = 15.0;         // a feature named like the city part this close to a told city places the part in it

    public const double PriorMaxKm = 60.0;        // the prior picks a namesake only this close to where the war is
    public const double PriorLeadKm = 25.0;
    public const double PriorTierMargin = 1.5;    // namesakes this close in score are told apart by the prior (population and rank only break ties)       // ... and only when the next namesake is this much farther

    public const double NoMatch = 2.5;             // the explicit no-match candidate's score
    public const double AmbiguityMargin = 0.75;
    public const double TextSeparates = 0.05;      // any lead in what the text says (nearness too) chooses; equal qualifiers do not
    public const double ConfidentMargin = 1.0;
}
