using System.Text;
using Sitrep.Cli.Commands;

namespace Sitrep.Cli.Tests;

/// <summary>
/// The records file is read a block at a time: every line, its ending and the long-line limit
/// must come out as reading it one character at a time gave them.
/// </summary>
public sealed class IngestLinesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("one")]
    [InlineData("one\n")]
    [InlineData("one\r\ntwo\r\n")]
    [InlineData("\n\n\r\n\r")]
    [InlineData("a\rb\nc\r\r\nd")]
    [InlineData("ends in a lone \r")]
    [InlineData("Київ 🚀\nпара\u2028x\n")]
    public void Lines_are_those_read_one_character_at_a_time(string text) =>
        Assert.Equal(ByCharacter(text), ByBlock(text));

    [Fact]
    public void A_line_across_blocks_is_read_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => new string((char)('a' + i % 26), 9_000 + 997 * i) + (i % 3 == 0 ? "\r\n" : "\n")));
        Assert.Equal(ByCharacter(text), ByBlock(text));
    }

    [Fact]
    public void A_line_past_the_limit_stops_where_it_stopped_before()
    {
        var limit = IngestSources.MaxRecordChars;
        foreach (var length in new[] { limit - 1, limit, limit + 1, limit + 2 })
        {
            var text = new string('x', length) + "\nnext\n";
            Assert.Equal(ByCharacter(text), ByBlock(text));
        }
    }

    private static List<(bool Complete, string Line)> ByBlock(string text)
    {
        var lines = new IngestSources.Lines(new StringReader(text));
        var line = new StringBuilder();
        var read = new List<(bool, string)>();
        while (lines.Next(line) is var complete && (complete || line.Length > 0) && read.Count < 100)
            read.Add((complete, line.ToString()));
        return read;
    }

    // The reading the block reader replaced, as it was.
    private static List<(bool Complete, string Line)> ByCharacter(string text)
    {
        var reader = new StringReader(text);
        var line = new StringBuilder();
        var read = new List<(bool, string)>();
        while (Next() is var complete && (complete || line.Length > 0) && read.Count < 100)
            read.Add((complete, line.ToString()));
        return read;

        bool Next()
        {
            line.Clear();
            int c;
            while ((c = reader.Read()) >= 0)
            {
                if (c == '\n')
                {
                    if (line.Length > 0 && line[^1] == '\r')
                        line.Length--;
                    return true;
                }
                line.Append((char)c);
                if (line.Length > IngestSources.MaxRecordChars)
                    return false;
            }
            return false;
        }
    }
}
