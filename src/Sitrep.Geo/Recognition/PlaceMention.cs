namespace Sitrep.Geo;

/// <summary>A stretch of text that may name a place, before resolution.</summary>
/// <param name="Start">Offset of the mention in the document (UTF-16 code units).</param>
/// <param name="End">Offset just past the mention; includes a region or water word ("Donetsk region").</param>
/// <param name="Text">The mention as written.</param>
/// <param name="KindHint">What the wording says the place is: a region ("Kharkiv oblast"), water ("Azov Sea"), a country, or a settlement.</param>
public sealed record PlaceMention(int Start, int End, string Text, PlaceKind KindHint)
{
    /// <summary>The name part alone ("Donetsk" of "Donetsk region").</summary>
    public string Name { get; init; } = Text;

    /// <summary>Compass bearing (degrees) a direction word gives ("northeastern Kharkiv region" → 45); -1 for "central"; null when none.</summary>
    public int? Bearing { get; init; }

    /// <summary>True when the name matched only one letter or two off ("Kropynmytskyi"): a copy editor's typo.</summary>
    public bool Fuzzy { get; init; }

    /// <summary>True when a word before the name said it is a settlement ("the city of", "the villages of").</summary>
    public bool SettlementCue { get; init; }

    /// <summary>The divisions the text puts the place in, nearest first ("Ivanivka, Bakhmut raion, Donetsk region").</summary>
    public IReadOnlyList<PlaceQualifier> Qualifiers { get; init; } = [];

    /// <summary>The front-sector word after a town's name ("direction" of "the Kupiansk direction"): the mention is an area tied to the town; null when none.</summary>
    public string? Sector { get; init; }

    /// <summary>True when the mention opens a dateline ("KYIV (Reuters) -"): where the reporter filed from, the event's place only when nothing else places it.</summary>
    public bool Dateline { get; init; }

    /// <summary>True when the name is a named part of a city ("the Novyi neighbourhood"): it stands for the city told before it.</summary>
    public bool CityPart { get; init; }

    /// <summary>True when the name is also a venue's (venues.tsv) but the text does not use it as a location: the venue is no candidate.</summary>
    internal bool NoVenue { get; init; }

    /// <summary>Trie node of the name in the index this mention was found with; -1 when looked up by name.</summary>
    internal int Node { get; init; } = -1;

    /// <summary>The candidate entries of a fuzzy match.</summary>
    internal int[]? FuzzyEntries { get; init; }
}
