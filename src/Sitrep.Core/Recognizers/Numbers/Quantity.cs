namespace Sitrep.Recognizers;

/// <summary>How a reported figure relates to the true one.</summary>
public enum Approximation
{
    Exact,
    /// <summary>"about", "around", "some", "roughly".</summary>
    About,
    /// <summary>"more than", "over", "at least": the true figure is this or higher.</summary>
    AtLeast,
    /// <summary>"almost", "nearly", "up to", "under": the true figure is this or lower.</summary>
    AtMost,
    /// <summary>"dozens", "hundreds", "several": no figure given; the value is null.</summary>
    Vague,
}

public enum QuantityUnit
{
    Count,
    /// <summary>An amount in <see cref="Quantity.Currency"/>, not converted.</summary>
    Money,
    Percent,
    /// <summary>Distance, area, weight or duration; see <see cref="Quantity.MeasureUnit"/>.</summary>
    Measure,
}

/// <summary>
/// A figure found in text. <see cref="Start"/>/<see cref="End"/> are absolute offsets into the
/// text (end exclusive). A range ("10-15", "between 10 and 15") is one quantity whose
/// <see cref="Value"/> is the lower bound and <see cref="High"/> the upper, because a caller
/// that needs one number for "killed" should not overstate it.
/// </summary>
public readonly record struct Quantity(int Start, int End, double? Value, Approximation Approximation, QuantityUnit Unit)
{
    /// <summary>Upper bound of a range, else null.</summary>
    public double? High { get; init; }

    /// <summary>ISO 4217 code for <see cref="QuantityUnit.Money"/> ("USD", "EUR", "GBP"), else null.</summary>
    public string? Currency { get; init; }

    /// <summary>Canonical unit for <see cref="QuantityUnit.Measure"/> ("km", "day", "t"), else null.</summary>
    public string? MeasureUnit { get; init; }

    public int Length => End - Start;

    /// <summary>The value in US dollars when the amount was stated in dollars; no conversion is attempted.</summary>
    public double? AmountUsd => Unit == QuantityUnit.Money && Currency == "USD" ? Value : null;

    public string TextIn(string text) => text[Start..End];
}
