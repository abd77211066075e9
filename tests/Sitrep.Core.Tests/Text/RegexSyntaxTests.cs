using Sitrep.Text;
using static Sitrep.Text.RegexSyntax;

namespace Sitrep.Core.Tests.Text;

/// <summary>The one regex reading that splits branches (ScreenedRegex) and finds literals (LiteralGate).</summary>
public sealed class RegexSyntaxTests
{
    /// <summary>Every pattern of the data files, as written and with its pieces spliced in where they can be.</summary>
    public static TheoryData<string> DataPatterns()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "boilerplate.patterns", "dates.patterns", "numbers.patterns" })
        {
            var set = PatternSet.Load(file);
            foreach (var line in File.ReadLines(DataFiles.PathOf(file)))
            {
                var trimmed = line.Trim();
                var eq = trimmed.IndexOf(" = ", StringComparison.Ordinal);
                if (trimmed.StartsWith('#') || eq <= 0)
                    continue;
                data.Add(trimmed[(eq + 3)..].Trim());
                try
                {
                    data.Add(set.Expand(trimmed[..eq].Trim()));
                }
                catch (KeyNotFoundException)
                {
                    // A piece filled from a lexicon when the recognizer is built.
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DataPatterns))]
    [InlineData("(?=x)y|a(?<n>b|c)|[]|]+|\\p{L}|x{a}")]
    [InlineData("a)|b")]
    [InlineData("(a|b")]
    [InlineData("[abc")]
    [InlineData("")]
    public void Each_node_spans_the_text_it_was_read_from(string pattern)
    {
        var top = Parse(pattern);
        Assert.Equal((0, pattern.Length), (top.Start, top.End));
        foreach (var node in Walk(top))
        {
            Assert.InRange(node.Start, 0, node.End);
            var text = pattern[node.Start..node.End];
            switch (node)
            {
                case Alternation a:
                    Assert.Equal(text, string.Join('|', a.Branches.Select(b => pattern[b.Start..b.End])));
                    break;
                case Sequence s:
                    var at = s.Start;
                    foreach (var item in s.Items)
                    {
                        Assert.Equal(at, item.Start);
                        at = item.End;
                    }
                    Assert.Equal(s.End, at);
                    break;
                case Group g:
                    Assert.StartsWith("(", text, StringComparison.Ordinal);
                    Assert.Equal(g.Closed ? g.Inner.End + 1 : g.Inner.End, g.End);
                    if (g.Closed)
                        Assert.EndsWith(")", text, StringComparison.Ordinal);
                    break;
                case Repeat r:
                    Assert.Equal(r.Item.Start, r.Start);
                    Assert.True(r.End > r.Item.End);
                    break;
                case Literal l:
                    Assert.Equal(l.Char, text[^1]);
                    break;
            }
        }
    }

    [Fact]
    public void Branches_are_the_spans_of_the_top_alternation_and_of_groups_that_are_whole_branches()
    {
        const string pattern = "(?:^a|b(c|d))|(?=e)f|(g)";
        var top = Parse(pattern);
        Assert.Equal(["(?:^a|b(c|d))", "(?=e)f", "(g)"], top.Branches.Select(b => pattern[b.Start..b.End]));
        Assert.Equal(["^a", "b(c|d)", "(?=e)f", "g"], ScreenedRegex.Branches(pattern));
    }

    /// <param name="branches">The branches ScreenedRegex takes apart, separated by " ~ ".</param>
    [Theory]
    [InlineData("donate|(?=x)y", true, "donate ~ (?=x)y")]
    [InlineData("donate|(?<name>y)", true, "donate ~ (?<name>y)")]
    [InlineData("donate|\\k<n>", true, "donate ~ \\k<n>")]
    [InlineData("donate|*y", true, "donate ~ *y")]
    [InlineData("donate|(y", true, "donate ~ (y")]
    [InlineData("donate)|y", true, "donate)|y")]
    [InlineData("donate|[y", true, "donate ~ [y")]
    [InlineData("donate|(?:y)|(z)+", false, "donate ~ y ~ (z)+")]
    public void What_the_gate_cannot_read_leaves_the_pattern_ungated_but_still_split(string pattern, bool unread, string branches)
    {
        Assert.Equal(unread, HasUnread(Parse(pattern)));
        Assert.Equal(unread, LiteralGate.Of(pattern) is null);
        Assert.Equal(branches.Split(" ~ "), ScreenedRegex.Branches(pattern));
    }
}
