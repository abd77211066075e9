using Sitrep.Cli.Commands;

namespace Sitrep.Cli.Tests;

/// <summary>
/// A run of one report (or on one thread) reads in turn, without PLINQ; the check that decides it
/// looks at the first paths only and must hand every path on, once and in order.
/// </summary>
public sealed class ExtractInTurnTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    public void At_most_one_keeps_every_item_in_order(int count, bool atMostOne)
    {
        var items = Enumerable.Range(1, count).Select(i => $"report-{i}.txt").ToList();
        IEnumerable<string> given = items;
        Assert.Equal(atMostOne, ExtractCommand.AtMostOne(ref given));
        Assert.Equal(items, given.ToList());
    }

    [Fact]
    public void At_most_one_looks_at_no_more_than_two_items()
    {
        var looked = 0;
        IEnumerable<int> Counted()
        {
            for (var i = 0; i < 10; i++)
            {
                looked++;
                yield return i;
            }
        }
        var items = Counted();
        Assert.False(ExtractCommand.AtMostOne(ref items));
        Assert.Equal(2, looked);
        Assert.Equal(Enumerable.Range(0, 10), items);
    }

    [FactRequiresGazetteer]
    public void One_report_gives_the_same_lines_at_one_and_two_threads()
    {
        var report = Path.Combine(Repo.Root, "samples", "reports", "odesa-overnight-attack.txt");
        var one = CliRun.Run("extract", report, "--threads", "1");
        var two = CliRun.Run("extract", report, "--threads", "2");
        Assert.Equal(0, one.ExitCode);
        Assert.NotEmpty(one.Stdout);
        Assert.Equal(one.Stdout, two.Stdout);
    }
}
