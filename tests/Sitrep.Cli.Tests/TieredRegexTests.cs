using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Cli.Tests;

/// <summary>
/// The stage patterns start interpreted and switch to compiled code once busy (start-up speed);
/// the switch must never change a match.
/// </summary>
public sealed class TieredRegexTests
{
    private static readonly string[] Texts =
    [
        "two drones were shot down", "Three Drone", "twelve drones", "", "one drone, then two drones",
        "drones: two", "TWO DRONES",
    ];

    [Fact]
    public void Matches_are_the_same_before_and_after_the_pattern_is_compiled()
    {
        const string pattern = @"\b(?<n>one|two|three)\s+drones?\b";
        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
        var reference = new Regex(pattern, options);
        var tiered = new TieredRegex(pattern, options, PatternSet.Timeout);
        var seen = new List<(string Text, bool Compiled)>();
        for (var call = 0; call < TieredRegex.CompileAfter + Texts.Length * 2; call++)
        {
            var text = Texts[call % Texts.Length];
            var compiled = tiered.IsCompiled;
            var start = Math.Min(text.Length, call % 3);
            var expected = reference.Match(text, start, text.Length - start);
            var actual = tiered.Match(text, start, text.Length - start);
            Assert.Equal((expected.Success, expected.Index, expected.Value, expected.Groups["n"].Value),
                (actual.Success, actual.Index, actual.Value, actual.Groups["n"].Value));
            seen.Add((text, compiled));
        }
        Assert.False(seen[0].Compiled);
        Assert.True(tiered.IsCompiled);
        Assert.Contains(seen, s => s.Compiled && s.Text.Length > 0);
    }

    [Fact]
    public void IsMatch_and_EnumerateMatches_agree_with_a_plain_regex_on_both_sides_of_the_switch()
    {
        const string pattern = @"(?<![a-z])(Reuters|AP|AFP)(?![a-z])";
        var reference = new Regex(pattern, RegexOptions.CultureInvariant);
        var tiered = new TieredRegex(pattern, RegexOptions.CultureInvariant, PatternSet.Timeout);
        var texts = new[] { "Photo: Reuters / AP", "reuters", "APPLE and AFP", "" };
        for (var call = 0; call < TieredRegex.CompileAfter + 20; call++)
        {
            var text = texts[call % texts.Length];
            if (call % 2 == 0)
            {
                Assert.Equal(reference.IsMatch(text), tiered.IsMatch(text));
                continue;
            }
            var expected = new List<(int, int)>();
            foreach (var m in reference.EnumerateMatches(text))
                expected.Add((m.Index, m.Length));
            var actual = new List<(int, int)>();
            foreach (var m in tiered.EnumerateMatches(text))
                actual.Add((m.Index, m.Length));
            Assert.Equal(expected, actual);
        }
        Assert.True(tiered.IsCompiled);
    }
}
