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
            var reference = drafts.FirstOrDefault(o => o != d && o.FirstSentence == d.FirstSentence && o.Date is not null && o.RelativeDays is null)
                ?? drafts.Take(i).LastOrDefault(o => o.Section == d.Section && o.Date is not null && o.RelativeDays is null);
            if (reference?.Date is { } day)
            {
                d.Date = day.AddDays(offset);
                d.DatePrecision = DatePrecision.Day;
            }
            d.RelativeDays = null;
        }
    }
}
