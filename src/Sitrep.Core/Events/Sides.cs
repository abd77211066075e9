namespace Sitrep.Events;

/// <summary>The two belligerents and who fights on whose side, for "the other side" inferences.</summary>
internal static class Sides
{
    private static readonly HashSet<string> RussianSide = new(StringComparer.OrdinalIgnoreCase)
    {
        "RU", "BY", "KP", "Wagner", "Akhmat", "Sandworm", "Killnet", "Gamaredon", "Fancy Bear", "APT28",
    };

    public static string? Opponent(string? actor) => actor switch
    {
        null => null,
        "UA" => "RU",
        _ when RussianSide.Contains(actor) => "UA",
        _ => null,
    };

    /// <summary>The side that attacks a place in this war: places in Ukraine are struck by Russia, and the reverse.</summary>
    public static string? AttackerOf(string? placeCountry) => placeCountry switch
    {
        "UA" => "RU",
        "RU" => "UA",
        _ => null,
    };
}
