using Sitrep.Cleaning;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Cleaning;

public sealed class BoilerplateTests
{
    private static ParagraphKind[] Classify(string text) =>
        Boilerplate.Default.Classify(text, Segmenter.Paragraphs(text));

    private static ParagraphKind One(string line) => Assert.Single(Classify(line));

    [Theory]
    [InlineData("12 min ago")]
    [InlineData("1 hr 5 min ago")]
    [InlineData("3 hours ago")]
    [InlineData("2 mins ago")]
    [InlineData("Updated 3:15 p.m. ET, March 4, 2024")]
    [InlineData("Updated 11:02 a.m. GMT, 21 November 2023")]
    [InlineData("14:32")]
    [InlineData("9:05 a.m. EST")]
    public void Live_blog_timestamps_are_timestamps(string line) =>
        Assert.Equal(ParagraphKind.Timestamp, One(line));

    [Theory]
    [InlineData("By Jane Doe, Sample Wire")]
    [InlineData("From Sample Wire's Jane Doe and John Roe")]
    [InlineData("By Jane Doe and John Roe")]
    [InlineData("by Olena Marchenko")]
    [InlineData("From CNN's Anna Novak in Lviv")]
    [InlineData("By Jane Doe, Sample Wire correspondent")]
    [InlineData("From Sample Wire staff")]
    public void Bylines_are_bylines(string line) =>
        Assert.Equal(ParagraphKind.Byline, One(line));

    [Theory]
    [InlineData("By Tuesday evening the fire had been put out.", ParagraphKind.Body)]
    [InlineData("From the first hours of the invasion, the city was shelled daily.", ParagraphKind.Body)]
    [InlineData("Updated figures show the toll rising.", ParagraphKind.Body)]
    public void Sentences_that_open_like_a_byline_or_a_timestamp_are_body_copy(string line, ParagraphKind kind) =>
        Assert.Equal(kind, One(line));

    [Theory]
    [InlineData("From Kyiv to Kharkiv, drones fill the night sky")]
    [InlineData("By the numbers: two years of air raids")]
    [InlineData("From the front line to the kitchen table")]
    public void A_headline_opening_with_from_or_by_is_a_headline_not_a_byline(string line) =>
        Assert.Equal(ParagraphKind.Headline, One(line));

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Comments")]
    [InlineData("Comments (34)")]
    [InlineData("Read more here.")]
    [InlineData("Read more")]
    [InlineData("Share this article")]
    [InlineData("Join the conversation")]
    [InlineData("Read the latest on the war")]
    [InlineData("Click here to get alerts on your phone.")]
    [InlineData("Skip to main content")]
    public void Page_furniture_is_boilerplate(string line) =>
        Assert.Equal(ParagraphKind.Boilerplate, One(line));

    [Theory]
    [InlineData("Firefighters at the scene on Monday. (Photo by Jane Doe/Sample Wire)")]
    [InlineData("A damaged apartment block. Photograph courtesy of the emergency service")]
    [InlineData("Smoke rises over the port. Jane Doe/AFP via Getty Images")]
    [InlineData("A file photo of the bridge.")]
    public void Photo_credits_mark_captions(string line) =>
        Assert.Equal(ParagraphKind.Caption, One(line));

    [Fact]
    public void The_uncredited_first_copy_of_a_caption_is_a_caption_too()
    {
        const string text = "Volunteers clear glass from a street.\nVolunteers clear glass from a street. Jane Doe/Reuters\nThe blast shattered windows.";
        Assert.Equal(new[] { ParagraphKind.Caption, ParagraphKind.Caption, ParagraphKind.Body }, Classify(text));
    }

    [Fact]
    public void A_paragraph_repeated_right_after_itself_is_a_duplicate()
    {
        const string text = "Port city braces for more drones\nPort city braces for more drones\nThe sirens stopped at dawn.\nThe sirens stopped at dawn.";
        Assert.Equal(new[] { ParagraphKind.Headline, ParagraphKind.Duplicate, ParagraphKind.Body, ParagraphKind.Duplicate }, Classify(text));
    }

    [Fact]
    public void A_paragraph_repeated_further_down_is_not_a_duplicate()
    {
        const string text = "The sirens stopped at dawn.\nCrews went out.\nThe sirens stopped at dawn.";
        Assert.DoesNotContain(ParagraphKind.Duplicate, Classify(text));
    }

    [Theory]
    [InlineData("Grain terminal hit in overnight raid", ParagraphKind.Headline)]
    [InlineData("Grain terminal hit in overnight raid.", ParagraphKind.Body)]
    [InlineData("\"We will rebuild,\" the mayor said.", ParagraphKind.Body)]
    [InlineData("What happens next?", ParagraphKind.Body)]
    [InlineData("The governor listed the damaged sites:", ParagraphKind.Body)]
    [InlineData("Sirens sounded over the city again\u2026", ParagraphKind.Body)]
    public void Short_lines_without_final_punctuation_are_headlines(string line, ParagraphKind kind) =>
        Assert.Equal(kind, One(line));

    [Fact]
    public void A_long_line_without_final_punctuation_is_body_copy()
    {
        var line = string.Join(' ', Enumerable.Repeat("the convoy moved slowly along the damaged road", 6));
        Assert.True(line.Length > 220);
        Assert.Equal(ParagraphKind.Body, One(line));
    }

    [Theory]
    [InlineData("Please consider making a donation to keep our reporting free.", true)]
    [InlineData("Sign up for our morning newsletter.", true)]
    [InlineData("Your support makes this reporting possible.", true)]
    [InlineData("Subscribe to get the latest headlines.", true)]
    [InlineData("Read the full statement from the ministry.", true)]
    [InlineData("Russian drones hit the port.", false)]
    [InlineData("The fund pays for generators donated by residents.", false)]
    public void Appeals_and_promotions_are_noise_sentences(string sentence, bool noise) =>
        Assert.Equal(noise, Boilerplate.Default.IsNoiseSentence(sentence));
    [Theory]
    [InlineData("Crews cleared the rubble on Monday. A crane lifts a slab. (Photo: Sample Wire) The mayor said the school would reopen.", "A crane lifts a slab. (Photo: Sample Wire)")]
    [InlineData("The ferry was late. Smoke over the harbour. Jane Doe/AFP Officials said the fire was out by noon.", "Smoke over the harbour. Jane Doe/AFP")]
    [InlineData("Two trams were damaged. Volunteers sweep glass. Ivan Roe/Sample Wire/Getty Images The depot stayed shut.", "Volunteers sweep glass. Ivan Roe/Sample Wire/Getty Images")]
    [InlineData("Trains ran again on Friday. A file photo of the station shows its old roof. Ticket sales rose.", "A file photo of the station shows its old roof.")]
    public void Inside_a_paragraph_only_the_caption_and_its_credit_are_cut_out(string paragraph, string caption)
    {
        var span = Assert.Single(Boilerplate.Default.CaptionSpans(paragraph, 0, paragraph.Length));
        Assert.Equal(caption, paragraph[span.Start..span.End]);
        Assert.Equal(ParagraphKind.Body, One(paragraph));
    }

    [Fact]
    public void A_paragraph_without_a_credit_has_no_caption_spans() =>
        Assert.Empty(Boilerplate.Default.CaptionSpans("Drones hit the port. Photos showed smoke.", 0, 41));
}
