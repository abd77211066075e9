using System.Text.RegularExpressions;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Text;

public sealed class TieredRegexTests
{
    private static readonly string[] Inputs =
    [
        "", " ", ", of", " of the", "\u00A0of", "\u2009of", "\nof", "of", " day", "  side ", "x ", "the ",
        "every\t", "every\n", "this", "no\u3000", "any-", ".", "the one \u2029", "which  ",
    ];

    public static TheoryData<string, RegexOptions> Patterns => new()
    {
        { @"\G\s+(?:of|day|side)(?![a-z])", PatternSet.Options },
        { @"(?:^|\W)(?:the|every|this|no|any)\s+$", PatternSet.Options },
        { @"\G\s+of|any", PatternSet.Options },
        { @"the\s+$|^\s*of", PatternSet.Options },
        { @"(?:the|every)\s+$", PatternSet.Options | RegexOptions.Multiline },
        { @"\\\s+$", PatternSet.Options },
        { @"\G\s+?o", PatternSet.Options },
        { @"\G\s*of", PatternSet.Options },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void A_pattern_that_needs_white_space_at_an_end_answers_as_the_regex_does(string pattern, RegexOptions options)
    {
        var tiered = new TieredRegex(pattern, options, PatternSet.Timeout);
        var plain = new Regex(pattern, options, PatternSet.Timeout);
        foreach (var input in Inputs.Append("\\ ").Append("a\\"))
            Assert.True(plain.IsMatch(input) == tiered.IsMatch(input), $"{pattern} on '{input}'");
    }
}
