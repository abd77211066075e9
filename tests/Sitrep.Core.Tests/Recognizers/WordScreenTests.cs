using Sitrep.Recognizers;

namespace Sitrep.Core.Tests.Recognizers;

/// <summary>The screen before a case-blind word lookup may only ever say "no" to a non-member.</summary>
public sealed class WordScreenTests
{
    private static readonly string[] Members = ["may", "june", "monday", "yesterday", "in", "the", "a", "k", "ago", "fortnight"];

    public static TheoryData<string> Probes => new()
    {
        "may", "MAY", "May", "mAy", "June", "JUNE", "Monday", "YESTERDAY", "In", "IN", "The", "A", "a", "K", "Ago",
        "FortNight", "", "ma", "mays", "tank", "drones", "the.", "x",
        // Ends outside ASCII that an ignore-case comparer may fold onto ASCII letters: never screened out.
        "\u0131n", "Mon\u0064a\u0443", "\u212A", "\u017Fome", "ma\u00FF",
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public void A_member_in_any_case_is_never_screened_out(string probe)
    {
        var set = new HashSet<string>(Members, StringComparer.OrdinalIgnoreCase);
        var screen = new WordScreen(Members);
        if (set.Contains(probe))
            Assert.True(screen.MayHold(probe));
        if (probe.Length > 0 && (probe[0] > '\x7f' || probe[^1] > '\x7f'))
            Assert.True(screen.MayHold(probe));
    }

    [Fact]
    public void Most_words_outside_the_set_are_screened_out()
    {
        var screen = new WordScreen(Members);
        var others = new[] { "russian", "troops", "said", "struck", "power", "plants", "missiles", "officials", "region", "attack", "drones", "city" };
        Assert.True(others.Count(w => !screen.MayHold(w)) >= others.Length - 2);
        Assert.True(new WordScreen(["x\u0131"]).MayHold("troops"));
    }

    [Fact]
    public void Word_sets_answer_as_their_lookup_for_every_word_of_a_text()
    {
        var set = new HashSet<string>(Members, StringComparer.OrdinalIgnoreCase);
        var words = new WordSet(Members);
        const string text = "On Monday, YESTERDAY and a fortnight ago in May the K-9 units said \u0131n June tanks moved";
        foreach (var w in text.Split(' ', ',', '-'))
            Assert.Equal(set.Contains(w), words.Contains(w));
    }
}
