namespace Sitrep.Cli.Commands;

/// <summary>
/// How long one report may take to extract. Extraction is linear, so a report near the 32 MB
/// cap takes seconds; a report still running after a minute has met a case nobody foresaw, and
/// is named and skipped so that the batch goes on.
/// </summary>
internal static class ReportBudget
{
    public const double DefaultSeconds = 60;

    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(DefaultSeconds);

    /// <summary>The budget for a number of seconds a user gave, or null when it is not one.</summary>
    public static TimeSpan? FromSeconds(double seconds) =>
        double.IsFinite(seconds) && seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : null;

    public static string Exceeded(TimeSpan budget) =>
        $"extraction took longer than the time budget of {budget.TotalSeconds:0.######} s for one report; skipped";

    /// <summary>
    /// Each report's budget is a timer, and timers fire on the thread pool: with every pool thread
    /// busy reading reports, a budget would fire only once the pool grew, long after it ran out.
    /// Keeps threads free for the timers beyond the <paramref name="readers"/>.
    /// </summary>
    public static void KeepTimersFree(int readers)
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, readers + 2), completion);
    }
}
