using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Documents;

namespace Sitrep.Core.Tests.Documents;

/// <summary>
/// The main-text reader finds the root and the title by walking the parsed page instead of CSS
/// selectors and the root's TextContent; these hold the walk to what the selectors and
/// TextContent give, on pages of our own writing.
/// </summary>
public sealed class HtmlTextTests
{
    private static readonly string[] PageTexts =
    [
        "<html><head><title>Night raid</title></head><body><main><p>Drones hit the port.</p></main></body></html>",
        "<body><div><main><article><h1>Port <b>hit</b> overnight</h1><p>Drones hit the port overnight.</p></article></main></div></body>",
        "<body><h1>Barges sank</h1><ARTICLE><p>Two barges sank near the pier.</p></ARTICLE><article><p>A second story.</p></article></body>",
        "<body><nav><h1>Site name</h1></nav><section><article><p>Shelling was reported near the bridge.</p><!-- Site name --></article></section></body>",
        "<body><svg><article>not html</article></svg><main><p>A depot burned.</p><script>var t = 'Depot fire';</script></main><h1>Depot fire</h1></body>",
        "<body><p>Only paragraphs,</p><p>no article and no main.</p><template><article>hidden</article></template></body>",
        "<body><main><p>Split <i>across</i> nodes</p><p>and lines</p></main><h1>across nodes</h1></body>",
        "",
    ];

    public static TheoryData<string> Pages => new(PageTexts);

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_first_element_of_a_name_is_the_one_a_type_selector_finds(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var name in new[] { "article", "main", "h1", "p", "template", "svg" })
            Assert.Same(document.QuerySelector(name), HtmlText.FirstNamed(document, name));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Text_held_by_an_element_is_what_its_text_content_holds(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("*"))
        {
            var content = element.TextContent;
            // Every slice of the element's own text, slices that cross node boundaries, and text it lacks.
            foreach (var probe in Probes(content).Append("Depot fire").Append("not there").Append("across nodes"))
                Assert.Equal(content.Contains(probe, StringComparison.Ordinal), HtmlText.HoldsText(element, probe));
        }
    }

    [Fact]
    public void A_page_reads_the_same_after_other_pages_on_the_same_thread()
    {
        var pages = PageTexts.Where(p => p.Length > 0).ToList();
        var first = pages.Select(HtmlText.MainText).ToList();
        var again = pages.AsEnumerable().Reverse().Select(HtmlText.MainText).Reverse().ToList();
        Assert.Equal(first, again);
        Assert.Contains("Port hit overnight", first[1]);
        Assert.StartsWith("Barges sank\n", first[2]);
        Assert.StartsWith("Depot fire\n", first[4]);
    }

    private static IEnumerable<string> Probes(string text)
    {
        for (var start = 0; start < text.Length; start += 3)
            for (var length = 1; start + length <= text.Length && length <= 24; length += 5)
                yield return text.Substring(start, length);
    }
}
