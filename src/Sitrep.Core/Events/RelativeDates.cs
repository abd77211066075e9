namespace Sitrep.Events;

/// <summary>
/// Resolves "a day earlier", "the day before": relative to another event, the one told in
/// the same sentence, else the nearest earlier event of the section that has a date.
/// </summary>
internal static class RelativeDates
{
    public static void Resolve(IReadOnlyList<EventDraft> drafts)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            if (d.RelativeDays is not { } offset)
                continue;
            if (Reference(drafts, i)?.Date is { } day)
            {
                d.Date = day.AddDays(offset);
                d.DatePrecision = DatePrecision.Day;
            }
            d.RelativeDays = null;
        }
    }

    // Loops, not FirstOrDefault and LastOrDefault: lambdas over d cost a closure for every draft.
    private static EventDraft? Reference(IReadOnlyList<EventDraft> drafts, int at)
    {
        var d = drafts[at];
        for (var i = 0; i < drafts.Count; i++)
        {
            var o = drafts[i];
            if (o != d && o.FirstSentence == d.FirstSentence && Dated(o))
                return o;
        }
        for (var i = at - 1; i >= 0; i--)
        {
            var o = drafts[i];
            if (o.Section == d.Section && Dated(o))
                return o;
        }
        return null;
    }

    private static bool Dated(EventDraft o) => o.Date is not null && o.RelativeDays is null;
}
