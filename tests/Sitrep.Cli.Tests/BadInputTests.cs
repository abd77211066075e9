using System.Text;
using System.Text.Json;

namespace Sitrep.Cli.Tests;

/// <summary>
/// A batch with broken inputs: each bad file gets one clear line on stderr naming it, the good
/// reports are still read, and the exit code says that some inputs failed.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    [FactRequiresGazetteer]
    public void Bad_files_are_named_on_stderr_and_the_good_report_is_still_read()
    {
        Write("good.txt", "Russian missiles struck the city of Odesa overnight, killing three people, the regional governor said.");
        Write("good.meta.json", """{"published": "2024-03-02", "source": "Sample"}""");
        Write("empty.txt", "");
        Write("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00]);
        Write("latin1.txt", [0x4B, 0x79, 0x69, 0x76, 0x20, 0xE9, 0x74, 0xE9, 0x20, 0x61, 0x74, 0x74, 0x61, 0x63, 0x6B, 0x2E]);
        Write("brokenmeta.txt", "Drones hit Kharkiv on Monday.");
        Write("brokenmeta.meta.json", """{"published": "2024-03-0""");
        var huge = Path.Combine(_dir, "huge.txt");
        using (var stream = File.Create(huge))
            stream.SetLength(200L * 1024 * 1024); // sparse: 200 MB without writing them
        var missing = Path.Combine(_dir, "no-such-report.txt");

        var run = CliRun.Run("extract", _dir, missing);

        Assert.Equal(ExitCodes.SomeInputsFailed, run.ExitCode);
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(errors, l => l.Contains("empty.txt") && l.Contains("empty"));
        Assert.Contains(errors, l => l.Contains("binary.txt") && l.Contains("binary"));
        Assert.Contains(errors, l => l.Contains("latin1.txt") && l.Contains("UTF-8"));
        Assert.Contains(errors, l => l.Contains("brokenmeta.meta.json") && l.Contains("JSON"));
        Assert.Contains(errors, l => l.Contains("huge.txt") && l.Contains("MB"));
        Assert.Contains(errors, l => l.Contains("no-such-report.txt") && l.Contains("no such file"));

        var events = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var strike = Assert.Single(events, e => e.GetProperty("doc").GetString() == "good");
        Assert.Equal("strike", strike.GetProperty("type").GetString());
        Assert.Equal(3, strike.GetProperty("killed").GetInt32());
        Assert.Equal("Odesa", strike.GetProperty("places")[0].GetProperty("name").GetString());
    }

    [FactRequiresGazetteer]
    public void A_clean_batch_exits_zero()
    {
        Write("calm.txt", "The foreign ministers met in Vienna on Friday to discuss grain exports.");
        var run = CliRun.Run("extract", _dir);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void A_bad_option_is_a_usage_error()
    {
        var run = CliRun.Run("extract", _dir, "--published", "yesterday");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--published", run.Stderr);
    }
}
