using Sitrep.Cli.Commands;

namespace Sitrep.Cli.Tests;

/// <summary>The ids a run of ingest took: a second file of an id is refused, the first named exactly, and paths share their folder.</summary>
public sealed class IngestIdsTakenTests
{
    [Theory]
    [InlineData("report", "/data/reports/report.txt")]
    [InlineData("report", "/data/report/report.html")]
    [InlineData("report", "relative/report")]
    [InlineData("doc-7", "/data/events.jsonl")]
    [InlineData("", "/data/.txt")]
    [InlineData("x", "/x/x/x.x")]
    public void The_first_file_of_an_id_is_named_exactly_and_a_second_is_refused(string id, string path)
    {
        var ids = new IdsTaken();
        Assert.True(ids.TryTake(id, path));
        Assert.False(ids.TryTake(id, "/elsewhere/" + id + ".txt"));
        Assert.Equal(path, ids.FirstPath(id));
    }

    [Fact]
    public void A_folder_of_reports_keeps_its_folder_and_extension_once()
    {
        var ids = new IdsTaken();
        for (var i = 0; i < 1000; i++)
            Assert.True(ids.TryTake($"{i:000000}_report", $"/corpus/000/{i:000000}_report.txt"));
        Assert.Equal(2, ids.Parts);
        Assert.Equal("/corpus/000/000417_report.txt", ids.FirstPath("000417_report"));
        Assert.True(ids.TryTake("other", "/corpus/001/other.html"));
        Assert.Equal(4, ids.Parts);
    }
}
