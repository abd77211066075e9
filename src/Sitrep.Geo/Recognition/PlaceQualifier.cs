namespace Sitrep.Geo;

/// <summary>The level of administrative division a qualifier names.</summary>
public enum DivisionLevel
{
    /// <summary>A bare name ("Novoselivka, Kherson"): an oblast or a raion of that name.</summary>
    Any,
    /// <summary>"Donetsk region", "Zaporizhzhia oblast".</summary>
    Oblast,
    /// <summary>"Pokrovsk district", "Bakhmutskyi raion".</summary>
    Raion,
    /// <summary>"Kupiansk hromada": the community around a town.</summary>
    Hromada,
}

/// <summary>
/// A division the text puts a place in ("Novoselivka, Kherson", "Ivanivka in Bakhmut raion",
/// "Kamianka (Zaporizhzhia oblast)"). It narrows the place among its namesakes and is never a
/// place of its own: the recognizer folds it into the mention it qualifies.
/// </summary>
/// <param name="Start">Offset of the division's name.</param>
/// <param name="End">Offset just past the division word, or past the name when there is none.</param>
/// <param name="Name">The division's name without its division word ("Pokrovsk" of "Pokrovsk district").</param>
public sealed record PlaceQualifier(int Start, int End, string Name, DivisionLevel Level)
{
    /// <summary>Compass bearing a direction word gives ("northeastern Kharkiv region" → 45); -1 for "central".</summary>
    public int? Bearing { get; init; }
}
