namespace Sitrep.Cli.Commands;

/// <summary>
/// How much report text a run of <c>extract</c> or <c>ingest</c> keeps between its passes, for
/// the reports a prior could change: their second pass then redoes only places, dates and
/// merging. Past the limit a report is read from its text again, so a run of any size holds a
/// bounded amount.
/// </summary>
internal sealed class KeptReadings(long limitChars = KeptReadings.LimitChars)
{
    /// <summary>About a tenth of a 100 MB run's text (a tenth of its reports are read again); with its mentions and drafts, some tens of MB.</summary>
    public const long LimitChars = 8_000_000;

    private long _chars;

    /// <summary>Whether the run keeps a reading of <paramref name="chars"/> more characters; called once per reading.</summary>
    public bool TryKeep(int chars)
    {
        if (Interlocked.Add(ref _chars, chars) <= limitChars)
            return true;
        Interlocked.Add(ref _chars, -chars);
        return false;
    }
}
