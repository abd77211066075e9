using Sitrep.Events;

namespace Sitrep.Recognizers;

public enum DateKind
{
    /// <summary>The text names the date: "10 January", "in May 2023", "2024-01-05", "since 2014".</summary>
    Explicit,
    /// <summary>A weekday resolved against the anchor: "on Tuesday", "last Sunday".</summary>
    Weekday,
    /// <summary>Relative to the anchor (the article's published date): "yesterday", "last week", "two days ago".</summary>
    Relative,
    /// <summary>
    /// Relative to another event, not to the article: "a day earlier", "the day before".
    /// <see cref="DateMention.Date"/> is null; the caller adds <see cref="DateMention.OffsetDays"/>
    /// to the date of the event the phrase refers to.
    /// </summary>
    RelativeToEvent,
}

/// <summary>
/// A date expression in text. <see cref="Start"/>/<see cref="End"/> are absolute offsets (end
/// exclusive) covering the expression without a leading preposition ("on" in "on Tuesday").
/// <see cref="Date"/> is the first day of the period for coarse precisions: the 1st of the
/// month, 1 January, the Monday of a week (the Saturday for a weekend). It is null when the
/// expression needs an anchor that was not given, or refers to another event.
/// </summary>
public readonly record struct DateMention(int Start, int End, DateOnly? Date, DatePrecision Precision, DateKind Kind)
{
    /// <summary>
    /// Day offset for day-counted relative expressions: -1 for "yesterday" (from the anchor)
    /// and for "a day earlier" (from the referenced event), -3 for "three days ago"; else null.
    /// </summary>
    public int? OffsetDays { get; init; }

    /// <summary>
    /// For a bare weekday ("on Sunday", not "last Sunday"), the same weekday read forward: the
    /// anchor itself or the first such day after it. A clause told as planned or still to come
    /// ("is set to meet on Sunday") means this day; <see cref="Date"/> is the one a report of
    /// what happened means. Null when the text fixes the direction or no anchor was given.
    /// </summary>
    public DateOnly? Ahead { get; init; }

    public int Length => End - Start;

    public string TextIn(string text) => text[Start..End];
}
