using Sitrep.Cli.Commands;

namespace Sitrep.Cli.Tests;

/// <summary>Issue 9, item 13: an error line never ends up glued to the progress line.</summary>
public sealed class StatusWriterTests
{
    [Fact]
    public void Into_a_file_progress_comes_as_whole_lines_between_the_errors()
    {
        var file = new StringWriter { NewLine = "\n" };
        var status = new StatusWriter(file, terminal: false);

        status.Draw("sitrep extract: 10 reports");
        status.WriteLine("sitrep extract: b.txt: file is empty");
        status.Draw("sitrep extract: 20 reports");

        Assert.Equal("sitrep extract: 10 reports\nsitrep extract: b.txt: file is empty\nsitrep extract: 20 reports\n", file.ToString());
    }

    [Fact]
    public void On_a_terminal_an_error_first_wipes_the_progress_drawn_in_place()
    {
        var terminal = new StringWriter { NewLine = "\n" };
        var status = new StatusWriter(terminal, terminal: true);

        status.Draw("10 reports");
        status.Draw("20 reports");
        status.WriteLine("b.txt: file is empty");
        status.WriteLine("c.txt: file is empty");

        const string wipe = "\r\u001b[K";
        Assert.Equal($"\r10 reports\u001b[K\r20 reports\u001b[K{wipe}b.txt: file is empty\nc.txt: file is empty\n", terminal.ToString());
    }
}
