namespace Sitrep.Events;

/// <summary>
/// A report tells most of its events on the day its story is about, and names that day once:
/// an event left without a date after merging takes the day of another event told in its own
/// sentence ("Thursday's strikes came hours after the president asked..."), else of the nearest
/// earlier event of its section. It runs after merging, so a day worked out this way never
/// decides which mentions are one event; it stays unstated (a stated day of another report's
/// mention still wins when the store joins them), and only a whole day is carried. A day after
/// the report's own is a plan ("is set to meet on Sunday"), no day its other events happened on.
/// </summary>
internal static class NarrativeDates
{
    public static void Fill(IReadOnlyList<EventDraft> merged, DateOnly? published)
    {
        var order = merged.OrderBy(d => d.FirstSentence).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            var d = order[i];
            if (d.Date is not null || d.Background)
                continue;
            // In sentence order, only drafts before this one can be told in an earlier sentence.
            for (var j = i - 1; j >= 0; j--)
            {
                var o = order[j];
                if (o.FirstSentence < d.FirstSentence && o.Sections.Contains(d.Section) && Carries(o, published))
                {
                    d.Date = o.Date;
                    d.DatePrecision = DatePrecision.Day;
                    break;
                }
            }
        }
    }

    private static bool Carries(EventDraft o, DateOnly? published) =>
        o.DateStated && !o.Background && o.Date is { } day && o.DatePrecision == DatePrecision.Day && !(day > published);
}
