using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Text;

public sealed class PatternSetTests
{
    private static PatternSet Parse(params string[] lines) => PatternSet.Parse(lines, "test.patterns");

    [Fact]
    public void Pieces_are_spliced_by_name_in_any_order()
    {
        var set = Parse("# comment", "", "whole = {num} {unit}", "num = \\d+", "unit = km|miles");
        Assert.Equal("(?:\\d+) (?:km|miles)", set.Expand("whole"));
        Assert.Matches(set.Regex("whole"), "about 12 MILES away");
        Assert.DoesNotMatch(set.Regex("whole"), "12 kg");
    }

    [Fact]
    public void Regexes_ignore_case_and_capture_only_named_groups()
    {
        var regex = Parse("p = (a)(?<n>b)").Regex("p");
        var m = regex.Match("AB");
        Assert.True(m.Success);
        Assert.Equal(new[] { "0", "n" }, regex.GetGroupNames());
        Assert.Equal(PatternSet.Timeout, regex.MatchTimeout);
    }

    [Fact]
    public void A_compiled_regex_matches_like_an_interpreted_one()
    {
        var set = Parse("p = \\b(one|two|three)\\s+drones?\\b");
        var interpreted = set.Regex("p");
        var compiled = set.Regex("p", RegexOptions.Compiled);
        foreach (var text in new[] { "two drones", "Three Drone", "twelve drones", "" })
            Assert.Equal(interpreted.Match(text).Value, compiled.Match(text).Value);
    }

    [Fact]
    public void A_piece_defined_twice_is_refused_with_its_line()
    {
        var e = Assert.Throws<FormatException>(() => Parse("a = x", "a = y"));
        Assert.Contains("test.patterns:2", e.Message);
    }

    [Fact]
    public void A_line_without_an_equals_sign_is_refused_with_its_line()
    {
        var e = Assert.Throws<FormatException>(() => Parse("a = x", "", "broken"));
        Assert.Contains("test.patterns:3", e.Message);
    }

    [Fact]
    public void A_piece_referring_to_itself_is_refused()
    {
        var set = Parse("a = x{b}", "b = y{a}");
        var e = Assert.Throws<FormatException>(() => set.Expand("a"));
        Assert.Contains("refers to itself", e.Message);
    }

    [Fact]
    public void An_unknown_piece_is_refused_by_name()
    {
        var set = Parse("a = x{missing}");
        Assert.Contains("missing", Assert.Throws<KeyNotFoundException>(() => set.Expand("a")).Message);
        Assert.False(set.Contains("missing"));
        Assert.True(set.Contains("a"));
    }

    [Fact]
    public void An_alternation_puts_longer_phrases_first_escapes_them_and_lets_spaces_stretch()
    {
        var alt = PatternSet.Alternation(["km", "km/h", "Km", "a.m"]);
        Assert.Equal("km/h|a\\.m|km", alt);
        var regex = new Regex($"^(?:{PatternSet.Alternation(["storm shadow", "storm"])})$", RegexOptions.IgnoreCase);
        Assert.Matches(regex, "Storm   Shadow");
        Assert.DoesNotMatch(regex, "stormXshadow");
    }

    [Theory]
    [InlineData("boilerplate.patterns", "line")]
    [InlineData("boilerplate.patterns", "sentence")]
    [InlineData("boilerplate.patterns", "timestamp")]
    public void The_shipped_pattern_files_load_and_compile(string file, string piece)
    {
        var set = PatternSet.Load(file);
        Assert.True(set.Contains(piece));
        Assert.NotNull(set.Regex(piece));
    }
}
