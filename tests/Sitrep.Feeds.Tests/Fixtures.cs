using System.Net;
using System.Text;

namespace Sitrep.Feeds.Tests;

/// <summary>One test article: its headline and paragraphs, the text a reader should keep.</summary>
internal sealed record TestArticle(int Number, string Title, IReadOnlyList<string> Paragraphs)
{
    public string Slug => $"story-{Number:00}";
}

/// <summary>Test articles (Pages/articles.txt, written for these tests) dressed as real pages and listed in feeds.</summary>
internal static class Fixtures
{
    public static IReadOnlyList<TestArticle> Articles { get; } = Load();

    private static List<TestArticle> Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Pages", "articles.txt"));
        var blocks = text.Split("\n---\n");
        var articles = new List<TestArticle>();
        foreach (var block in blocks)
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('#')).ToList();
            articles.Add(new TestArticle(articles.Count + 1, lines[0], lines.Skip(1).ToList()));
        }
        return articles;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Paragraphs(TestArticle a) => string.Concat(a.Paragraphs.Select(p => $"<p>{E(p)}</p>\n"));

    /// <summary>Headlines of other articles, as sites list them beside and below a story.</summary>
    private static string Teasers(TestArticle a, int count) =>
        string.Concat(Articles.Where(o => o.Number != a.Number).Take(count).Select(o => $"<li><a href=\"/{o.Slug}\">{E(o.Title)}</a></li>"));

    private const string Comments =
        "<p>Posted by reader_77: Thank you for keeping us informed, stay safe everyone.</p>" +
        "<p>Posted by anon: Where can I donate to help the people who lost their homes?</p>" +
        "<p>Posted by M. K.: The photos in this piece say more than any statement from officials.</p>";

    /// <summary>The article inside one of five page layouts, each with its own furniture.</summary>
    public static string Page(TestArticle a, int layout) => (layout % 5) switch
    {
        0 => $"""
            <!DOCTYPE html><html><head><title>{E(a.Title)} | The Daily Wire Service</title><meta charset="utf-8"></head><body>
            <header><div class="logo">The Daily Wire Service</div><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
            <article><h1>{E(a.Title)}</h1><div class="byline">By Staff Reporter, 12 March</div>
            {Paragraphs(a)}</article>
            <aside><h3>Related</h3><ul>{Teasers(a, 4)}</ul></aside>
            <section class="comments"><h3>Comments (3)</h3>{Comments}</section>
            <footer><p>Copyright 2026 The Daily Wire Service. All rights reserved.</p></footer></body></html>
            """,
        1 => $"""
            <html><head><title>{E(a.Title)}</title></head><body>
            <div class="menu"><a href="/">Front page</a> | <a href="/news">News</a> | <a href="/opinion">Opinion</a> | <a href="/contact">Contact</a></div>
            <div class="ad-banner"><p>Advertisement: Save forty percent on winter tyres this week only at your local dealer.</p></div>
            <div class="content"><div class="headline">{E(a.Title)}</div>
            {Paragraphs(a)}</div>
            <div class="ad-box"><p>Sponsored: Learn a new language in just ten minutes a day with our award-winning app.</p></div>
            <div id="comments"><div class="comment-title">Reader comments</div>{Comments}</div>
            <div class="footer"><p>About us | Privacy policy | Terms of use</p></div></body></html>
            """,
        2 => $"""
            <!DOCTYPE html><html><head><title>{E(a.Title)} - Frontline News</title></head><body>
            <div class="cookie-banner"><p>We use cookies to improve your experience on our site and to show you relevant advertising. By continuing you accept our use of cookies.</p><button>Accept</button></div>
            <div class="layout"><main><h1>{E(a.Title)}</h1>
            <div class="story-body">{Paragraphs(a)}</div></main>
            <div class="sidebar"><h3>Most read</h3><ol>{Teasers(a, 6)}</ol></div></div>
            <div class="footer">Frontline News, registered as a media outlet.</div></body></html>
            """,
        3 => $"""
            <html><head><title>{E(a.Title)}</title></head><body>
            <div id="top"><a href="/">Region Today</a> <a href="/live">Live</a> <a href="/video">Video</a></div>
            <div class="share"><a href="#">Share on social media</a> <a href="#">Send by email</a> <a href="#">Print</a></div>
            <div id="story"><h2>{E(a.Title)}</h2>
            {Paragraphs(a)}</div>
            <div class="newsletter"><p>Get the most important news of the day delivered to your inbox every morning. Sign up for our free newsletter now.</p></div>
            <div class="more"><h3>Read more</h3><p>{E(Articles[(a.Number) % Articles.Count].Paragraphs[0])}</p></div>
            </body></html>
            """,
        _ => $"""
            <html><head><title>{E(a.Title)}</title></head><body>
            <table width="100%"><tr><td class="nav"><a href="/">Home</a><br><a href="/archive">Archive</a><br><a href="/about">About</a></td>
            <td class="main"><h1>{E(a.Title)}</h1>{Paragraphs(a)}</td>
            <td class="right"><b>Advertisement</b><p>Cheap flights to sunny destinations, book before Friday.</p></td></tr></table>
            <div class="comments">{Comments}</div>
            </body></html>
            """,
    };

    public static string Rss(string title, IEnumerable<(string Link, string Title, string Date)> items) =>
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{E(title)}</title><link>http://example.invalid/</link>""" +
        string.Concat(items.Select(i => $"<item><title>{E(i.Title)}</title><link>{E(i.Link)}</link><pubDate>{i.Date}</pubDate><description>Summary</description></item>")) +
        "</channel></rss>";

    public static string Atom(string title, IEnumerable<(string Link, string Title, string Updated)> entries) =>
        $"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{E(title)}</title><id>urn:test</id><updated>2026-03-01T00:00:00Z</updated>""" +
        string.Concat(entries.Select(e => $"<entry><title>{E(e.Title)}</title><link rel=\"alternate\" href=\"{E(e.Link)}\"/><id>{E(e.Link)}</id><updated>{e.Updated}</updated></entry>")) +
        "</feed>";

    /// <summary>Serves article <paramref name="a"/> at /story-NN in layout <paramref name="layout"/>.</summary>
    public static void Serve(FeedServer server, TestArticle a, int layout = -1) =>
        server.Set("/" + a.Slug, new Reply(200, Page(a, layout < 0 ? a.Number : layout)));

    public static (string, string, string) RssItem(FeedServer server, TestArticle a, int day = 1) =>
        (server.Url("/" + a.Slug), a.Title, $"Mon, {day:00} Mar 2026 10:00:00 GMT");

    /// <summary>Gold text of an article: its headline and paragraphs, as words.</summary>
    public static string Gold(TestArticle a) => a.Title + "\n" + string.Join('\n', a.Paragraphs);
}
