using Sitrep.Text;

namespace Sitrep.Core.Tests.Text;

public sealed class SegmenterTests
{
    private static string[] Split(string text) =>
        Segmenter.SplitSentences(text, 0, text.Length).Select(r => text[r.Start..r.End]).ToArray();

    private static string[] Kept(Layout layout, string text) =>
        layout.Sentences.Select(s => text[s.Start..s.End]).ToArray();

    [Theory]
    [InlineData("Drones hit the port. Two barges sank.", new[] { "Drones hit the port.", "Two barges sank." })]
    [InlineData("Was it a drone? Nobody knows! 3 people saw it.", new[] { "Was it a drone?", "Nobody knows!", "3 people saw it." })]
    [InlineData("Mr. Sokolov met Gen. Petrenko in Odesa. They talked.", new[] { "Mr. Sokolov met Gen. Petrenko in Odesa.", "They talked." })]
    [InlineData("The U.S. Congress approved it. Kyiv welcomed the vote.", new[] { "The U.S. Congress approved it.", "Kyiv welcomed the vote." })]
    [InlineData("Sirens sounded at 4 a.m. Kyiv time on Friday.", new[] { "Sirens sounded at 4 a.m. Kyiv time on Friday." })]
    [InlineData("A train left St. Petersburg late. It was empty.", new[] { "A train left St. Petersburg late.", "It was empty." })]
    [InlineData("Analyst Anna K. Moroz disagreed. She cited losses.", new[] { "Analyst Anna K. Moroz disagreed.", "She cited losses." })]
    [InlineData("The sirens stopped at 2.30 in the morning.", new[] { "The sirens stopped at 2.30 in the morning." })]
    [InlineData("More at kyivpost.com today. Nothing else.", new[] { "More at kyivpost.com today.", "Nothing else." })]
    [InlineData("It fired a Kh-59. Russia denied it.", new[] { "It fired a Kh-59.", "Russia denied it." })]
    [InlineData("He paused... Then the sirens began.", new[] { "He paused...", "Then the sirens began." })]
    [InlineData("Why now? he asked.", new[] { "Why now? he asked." })]
    [InlineData("Then came the blasts\u2026 Residents ran to shelters.", new[] { "Then came the blasts\u2026", "Residents ran to shelters." })]
    [InlineData("The blasts\u2026 and then silence.", new[] { "The blasts\u2026 and then silence." })]
    [InlineData("Lt. Col. Ivan Hrytsenko and Sgt. Oksana Ivanenko were decorated.", new[] { "Lt. Col. Ivan Hrytsenko and Sgt. Oksana Ivanenko were decorated." })]
    public void Sentences_split_at_final_punctuation_but_not_after_abbreviations_or_initials(string text, string[] expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("\"We will respond,\" he said. \"The answer is coming.\" Nobody replied.",
        new[] { "\"We will respond,\" he said.", "\"The answer is coming.\"", "Nobody replied." })]
    [InlineData("\u201CThe city held.\u201D The mayor smiled.", new[] { "\u201CThe city held.\u201D", "The mayor smiled." })]
    [InlineData("He called it (in his words) a disaster.) Then he left.", new[] { "He called it (in his words) a disaster.)", "Then he left." })]
    public void Closing_quotes_stay_with_the_sentence_they_end(string text, string[] expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("The depot burned for hours.Firefighters arrived at dawn.", new[] { "The depot burned for hours.", "Firefighters arrived at dawn." })]
    [InlineData("Talks stalled again.Moscow blamed Kyiv.", new[] { "Talks stalled again.", "Moscow blamed Kyiv." })]
    public void A_full_stop_glued_to_the_next_sentence_still_ends_a_sentence(string text, string[] expected) =>
        Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Officials in the U.S.Army said nothing.")]
    [InlineData("The file was report.PDF in the archive.")]
    [InlineData("Version 2.Final was sent.")]
    public void A_glued_full_stop_that_is_not_between_two_words_does_not_split(string text) =>
        Assert.Single(Split(text));

    [Theory]
    [InlineData("Drones hit the port; artillery shelled the town.", new[] { "Drones hit the port", "artillery shelled the town." })]
    [InlineData("Ratio 3;1 was cited.", new[] { "Ratio 3;1 was cited." })]
    public void A_semicolon_followed_by_a_space_separates_two_clauses(string text, string[] expected) =>
        Assert.Equal(expected, Split(text));

    [Fact]
    public void Sentence_offsets_are_trimmed_and_inside_the_window()
    {
        const string text = "xx  First one.   Second one.  yy";
        var start = text.IndexOf('F');
        var end = text.IndexOf("  yy", StringComparison.Ordinal);
        var spans = Segmenter.SplitSentences(text, start, end).ToArray();
        Assert.Equal(new[] { (start, start + 10), (text.IndexOf('S'), end) }, spans);
    }

    [Fact]
    public void Lines_are_paragraphs_and_blank_lines_only_separate_them()
    {
        const string text = "  One line.\r\n\r\n\tTwo line.  \n   \nThree";
        var paragraphs = Segmenter.Paragraphs(text).Select(p => text[p.Start..p.End]).ToArray();
        Assert.Equal(new[] { "One line.", "Two line.", "Three" }, paragraphs);
    }

    [Fact]
    public void Lines_without_final_punctuation_are_headlines()
    {
        const string text = "Drones strike the river port\nRussian drones hit the port on Monday. Two barges sank.";
        var layout = Segmenter.Default.Segment(text);
        Assert.Equal(new[] { SentenceRole.Headline, SentenceRole.Body, SentenceRole.Body }, layout.Sentences.Select(s => s.Role).ToArray());
        Assert.Equal(new[] { 0, 1, 1 }, layout.Sentences.Select(s => s.Paragraph).ToArray());
    }

    [Fact]
    public void A_plain_article_is_one_section()
    {
        const string text = "Drones strike the river port\nStanding subtitle about the port\nRussian drones hit the port on Monday.\nTwo barges sank.";
        var layout = Segmenter.Default.Segment(text);
        var section = Assert.Single(layout.Sections);
        Assert.Equal((0, 0, text.Length), (section.Index, section.Start, section.End));
        Assert.All(layout.Sentences, s => Assert.Equal(0, s.Section));
    }

    [Fact]
    public void A_subhead_after_body_copy_opens_a_new_section()
    {
        const string text = "Main title here\nFirst story told in a sentence.\nA different matter entirely\nSecond story told in a sentence.";
        var layout = Segmenter.Default.Segment(text);
        Assert.Equal(2, layout.Sections.Count);
        Assert.Equal(new[] { 0, 0, 1, 1 }, layout.Sentences.Select(s => s.Section).ToArray());
        Assert.Equal(text.IndexOf("A different", StringComparison.Ordinal), layout.Sections[1].Start);
    }

    private const string LiveBlog = """
        Russia-Ukraine war: live updates
        By Jane Doe, Sample Wire
        12 min ago
        Drones target a river port
        Russian drones hit a grain terminal in the south overnight, the regional governor said.
        From Sample Wire's Jane Doe and John Roe
        1 hr 5 min ago
        Talks on prisoner exchange resume
        Negotiators met again on Monday. Both sides said progress was slow.
        Updated 3:15 p.m. ET, March 4, 2024
        A power station in the north was shelled, officials said.
        """;

    [Fact]
    public void Each_live_blog_post_is_its_own_section()
    {
        var layout = Segmenter.Default.Segment(LiveBlog);
        var sections = layout.Sentences.Select(s => (layout.Sections[s.Section].Index, LiveBlog[s.Start..s.End])).ToArray();
        Assert.Equal(new[]
        {
            (0, "Russia-Ukraine war: live updates"),
            (1, "Drones target a river port"),
            (1, "Russian drones hit a grain terminal in the south overnight, the regional governor said."),
            (2, "Talks on prisoner exchange resume"),
            (2, "Negotiators met again on Monday."),
            (2, "Both sides said progress was slow."),
            (3, "A power station in the north was shelled, officials said."),
        }, sections);
        Assert.Equal(4, layout.Sections.Count);
    }

    [Fact]
    public void Live_blog_sections_start_at_their_timestamp_and_tile_the_text()
    {
        var layout = Segmenter.Default.Segment(LiveBlog);
        Assert.Equal(0, layout.Sections[0].Start);
        Assert.Equal(LiveBlog.IndexOf("12 min ago", StringComparison.Ordinal), layout.Sections[1].Start);
        Assert.Equal(LiveBlog.IndexOf("1 hr 5 min ago", StringComparison.Ordinal), layout.Sections[2].Start);
        Assert.Equal(LiveBlog.IndexOf("Updated 3:15", StringComparison.Ordinal), layout.Sections[3].Start);
        Assert.Equal(LiveBlog.Length, layout.Sections[^1].End);
        for (var i = 1; i < layout.Sections.Count; i++)
            Assert.Equal(layout.Sections[i - 1].End, layout.Sections[i].Start);
    }

    [Fact]
    public void Bylines_and_timestamps_are_never_read()
    {
        var kept = string.Join("\n", Kept(Segmenter.Default.Segment(LiveBlog), LiveBlog));
        Assert.DoesNotContain("Jane Doe", kept);
        Assert.DoesNotContain("ago", kept);
        Assert.DoesNotContain("3:15", kept);
    }

    [Fact]
    public void Donation_appeals_and_furniture_are_left_out_of_the_sentences()
    {
        const string text = """
            Shelling damaged a school in the east on Sunday. Please support our independent journalism with a donation today.
            Advertisement
            Teachers moved the classes online.
            Read more here.
            Comments
            Comments (12)
            """;
        var layout = Segmenter.Default.Segment(text);
        Assert.Equal(new[] { "Shelling damaged a school in the east on Sunday.", "Teachers moved the classes online." }, Kept(layout, text));
    }

    [Fact]
    public void A_caption_printed_twice_the_second_time_with_its_credit_is_dropped_both_times()
    {
        const string text = """
            Rescuers search the rubble of a house in the suburbs.
            Rescuers search the rubble of a house in the suburbs. Jane Doe/AFP via Getty Images
            The strike came shortly after midnight.
            """;
        var layout = Segmenter.Default.Segment(text);
        Assert.Equal(new[] { "The strike came shortly after midnight." }, Kept(layout, text));
    }

    [Fact]
    public void A_teaser_printed_twice_is_read_once()
    {
        const string text = """
            Drones target a river port
            Drones target a river port
            Russian drones hit a grain terminal overnight.
            """;
        var layout = Segmenter.Default.Segment(text);
        Assert.Equal(new[] { "Drones target a river port", "Russian drones hit a grain terminal overnight." }, Kept(layout, text));
    }

    [Fact]
    public void A_teaser_retold_in_other_words_stays_in_the_section_of_the_headline_it_repeats()
    {
        const string text = """
            Morning summary
            Power cuts follow overnight missile strikes.
            Missile strikes overnight cause power cuts across regions
            Power cuts follow overnight missile strikes on regions
            Engineers began repairs at dawn.
            """;
        var layout = Segmenter.Default.Segment(text);
        var last = layout.Sentences[^1];
        var retold = layout.Sentences[^2];
        Assert.Equal(layout.Sentences[^3].Section, retold.Section);
        Assert.Equal(retold.Section, last.Section);
        Assert.Equal(2, layout.Sections.Count);
    }

    [Fact]
    public void An_empty_text_is_one_empty_section_without_sentences()
    {
        var layout = Segmenter.Default.Segment("");
        Assert.Empty(layout.Sentences);
        Assert.Equal(new Section(0, 0, 0), Assert.Single(layout.Sections));
    }
    [Theory]
    [InlineData("Drones struck the depot overnight, officials said. A worker inspects a crater. (Photo: Sample Wire) Two guards were hurt.",
        new[] { "Drones struck the depot overnight, officials said.", "Two guards were hurt." })]
    [InlineData("The bridge reopened at dawn. Cars queue at a checkpoint. Jane Doe/Reuters Police said the queue was short.",
        new[] { "The bridge reopened at dawn.", "Police said the queue was short." })]
    public void A_caption_inside_a_one_line_report_leaves_the_copy_around_it(string text, string[] expected) =>
        Assert.Equal(expected, Kept(Segmenter.Default.Segment(text), text));
    [Fact]
    public void A_run_with_no_full_stop_is_cut_into_pieces_at_spaces_below_the_cap()
    {
        var text = string.Join(' ', Enumerable.Repeat("drones circled the harbour while crews waited", 2000));
        var pieces = Segmenter.SplitSentences(text, 0, text.Length).ToList();
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.End - p.Start, 1, Segmenter.MaxSentenceChars));
        Assert.All(pieces, p => Assert.False(char.IsWhiteSpace(text[p.Start]) || char.IsWhiteSpace(text[p.End - 1])));
        // Cut at spaces: every piece holds whole words.
        Assert.All(pieces.Skip(1), p => Assert.Equal(' ', text[p.Start - 1]));
    }

    [Fact]
    public void A_long_list_is_cut_after_a_comma_before_a_bare_space()
    {
        var text = string.Join(", ", Enumerable.Repeat("a generator for the clinic", 400));
        var first = Segmenter.SplitSentences(text, 0, text.Length).First();
        Assert.Equal(',', text[first.End - 1]);
    }

    [Fact]
    public void A_run_without_any_space_is_cut_without_splitting_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("1.\U0001F600", 3000));
        var pieces = Segmenter.SplitSentences(text, 0, text.Length).ToList();
        Assert.All(pieces, p => Assert.False(char.IsLowSurrogate(text[p.Start])));
        Assert.All(pieces, p => Assert.InRange(p.End - p.Start, 1, Segmenter.MaxSentenceChars));
    }
}
