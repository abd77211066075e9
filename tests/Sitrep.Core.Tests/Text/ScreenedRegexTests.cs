using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Text;

public sealed class ScreenedRegexTests
{
    private static ScreenedRegex Screen(string pattern, RegexOptions options = PatternSet.Options) =>
        new(pattern, options, PatternSet.Timeout);

    [Fact]
    public void Spliced_groups_are_opened_and_anchored_branches_kept_apart()
    {
        Assert.Equal(["^watch\\W*$", "\\bclick here\\b", "^in (pictures|brief)"],
            ScreenedRegex.Branches("(?:^watch\\W*$|\\bclick here\\b)|(?:^in (pictures|brief))"));
        // A group with a quantifier, or followed by more, is one branch.
        Assert.Equal(["(?:ab)?c", "(a)(b)"], ScreenedRegex.Branches("(?:ab)?c|(a)(b)"));
    }

    [Fact]
    public void Literals_are_spelled_out_across_small_alternations()
    {
        var literals = Screen("/(AFP|AP)\\b|\\bfile photo\\b|photo(graph)?\\s+(by|credit)").GateLiterals;
        // "photograph" and "file photo" hold "photo": looking for it finds them too.
        Assert.Equal(["/afp", "/ap", "photo"], literals.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_branch_without_a_literal_leaves_the_pattern_ungated()
    {
        Assert.Empty(Screen("\\bclick here\\b|[A-Z]{2,4}\\d").GateLiterals);
        Assert.Empty(Screen("donate|(?=x)y").GateLiterals);
        Assert.Empty(Screen("donate|(your)?").GateLiterals);
    }

    [Theory]
    [InlineData("Please DONATE today", true)]
    [InlineData("Watch", true)]
    [InlineData("We watch the front", false)]
    [InlineData("Click  here for more", false)]
    [InlineData("Click here for more", true)]
    [InlineData("The donor conference", false)]
    [InlineData("Jane Doe/afp", true)]
    public void Matches_exactly_when_the_whole_pattern_does(string text, bool expected)
    {
        const string pattern = "(?:\\bdonat(e|ion)\\b|^watch\\W*$)|\\bclick here\\b|/(AFP|AP)\\b";
        Assert.Equal(expected, Regex.Count(text, pattern, PatternSet.Options) > 0);
        Assert.Equal(expected, Screen(pattern).IsMatch(text));
    }

    [Fact]
    public void Letters_that_regex_case_folding_equates_with_ascii_pass_the_gate()
    {
        // U+212A KELVIN SIGN matches "k" when case is ignored.
        const string text = "press ctrl and \u212Aeep reading";
        var pattern = "\\bkeep reading\\b";
        Assert.Matches(new Regex(pattern, PatternSet.Options), text);
        Assert.True(Screen(pattern).MayMatch(text));
        Assert.True(Screen(pattern).IsMatch(text));
        Assert.False(Screen(pattern).MayMatch("press ctrl and read on"));
    }

    [Fact]
    public void Enumerates_the_matches_of_the_whole_pattern_in_order()
    {
        var screened = Screen("^by\\b|/(AFP|Reuters)\\b");
        var found = new List<int>();
        foreach (var m in screened.EnumerateMatches("By Jane Doe/AFP and John Roe/Reuters"))
            found.Add(m.Index);
        Assert.Equal([0, 11, 28], found);
    }
}
