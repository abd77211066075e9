using System.Text;

namespace Sitrep.Feeds.Tests;

public class FeedParserTests
{
    private static readonly Uri Base = new("http://127.0.0.1/feeds/main.xml");

    private static IReadOnlyList<FeedItem> Parse(string xml) => FeedParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), Base);

    [Fact]
    public void Rss_items_give_link_title_date_and_the_channel_as_source()
    {
        var items = Parse("""
            <rss version="2.0"><channel><title>Kyiv Desk</title>
            <item><title>Strike on depot</title><link>http://127.0.0.1/a/1</link><pubDate>Tue, 03 Mar 2026 21:15:00 +0200</pubDate></item>
            <item><title>Second  report</title><link>/a/2</link><pubDate>Wed, 4 Mar 2026 08:00:00 EST</pubDate><source url="http://x">Other Wire</source></item>
            <item><title>Only a guid</title><guid>http://127.0.0.1/a/3</guid></item>
            <item><title>Guid that is no address</title><guid isPermaLink="false">tag-77</guid></item>
            </channel></rss>
            """);
        Assert.Equal(["http://127.0.0.1/a/1", "http://127.0.0.1/a/2", "http://127.0.0.1/a/3"], items.Select(i => i.Link));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 21, 15, 0, TimeSpan.FromHours(2)), items[0].Published);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.FromHours(-5)), items[1].Published);
        Assert.Equal("Kyiv Desk", items[0].Source);
        Assert.Equal("Other Wire", items[1].Source);
        Assert.Equal("Second report", items[1].Title);
    }

    [Fact]
    public void Atom_entries_take_the_alternate_link_and_both_dates()
    {
        var items = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Front Line Log</title>
            <entry><title>Bridge hit</title><link rel="self" href="http://127.0.0.1/self/9"/><link rel="alternate" href="http://127.0.0.1/story/9"/>
              <published>2026-03-02T06:00:00Z</published><updated>2026-03-02T09:30:00+01:00</updated></entry>
            <entry><title>Plain link</title><link href="story/10"/><updated>2026-03-05T10:00:00Z</updated></entry>
            </feed>
            """);
        Assert.Equal(["http://127.0.0.1/story/9", "http://127.0.0.1/feeds/story/10"], items.Select(i => i.Link));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), items[0].Published);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1)), items[0].Updated);
        Assert.Equal("Front Line Log", items[1].Source);
        Assert.NotEqual(items[0].Revision, items[0] with { Updated = items[0].Updated!.Value.AddHours(1) } is var later ? later.Revision : null);
    }

    [Fact]
    public void An_unreadable_date_costs_the_date_not_the_item()
    {
        var items = Parse("<rss><channel><item><link>http://127.0.0.1/a</link><pubDate>sometime last week</pubDate></item><item><link>http://127.0.0.1/b</link><pubDate>Thu, 05 Mar 2026 12:00:00 GMT</pubDate></item></channel></rss>");
        Assert.Equal(2, items.Count);
        Assert.Null(items[0].Published);
        Assert.NotNull(items[1].Published);
    }

    [Theory]
    [InlineData("<html><body>not a feed</body></html>", "not an RSS or Atom feed")]
    [InlineData("<rss><channel><item>", "not well-formed XML")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><rss>&lol2;</rss>", "not well-formed XML")]
    public void What_is_not_a_feed_is_refused_with_the_reason(string xml, string reason)
    {
        var e = Assert.Throws<FeedFormatException>(() => Parse(xml));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Links_that_are_not_web_addresses_are_skipped()
    {
        var items = Parse("<rss><channel><item><link>javascript:alert(1)</link></item><item><link>ftp://127.0.0.1/x</link></item><item><link>https://127.0.0.1/ok</link></item></channel></rss>");
        Assert.Equal(["https://127.0.0.1/ok"], items.Select(i => i.Link));
    }
}

public class FeedListTests
{
    [Fact]
    public void Lines_are_feeds_or_folders_comments_skipped_and_bad_lines_named()
    {
        var dir = Directory.CreateTempSubdirectory("sitrep-feedlist-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "inbox"));
        var file = Path.Combine(dir, "feeds.txt");
        File.WriteAllLines(file, ["# wires", "", "https://127.0.0.1/rss.xml#top   # the wire, with a fragment", "  inbox  # a folder", "ftp://127.0.0.1/x", "no-such-folder"]);
        var problems = new List<string>();
        var sources = FeedList.Read(file, problems.Add);
        Assert.Equal(2, sources.Count);
        Assert.Equal("https://127.0.0.1/rss.xml#top", Assert.IsType<FeedSource.Web>(sources[0]).Address.OriginalString);
        Assert.Equal(Path.Combine(dir, "inbox"), Assert.IsType<FeedSource.Folder>(sources[1]).Path);
        Assert.Collection(problems,
            p => Assert.Contains("feeds.txt:5: 'ftp://127.0.0.1/x' is not an http or https address", p),
            p => Assert.Contains("feeds.txt:6: 'no-such-folder' is neither a feed address nor an existing folder", p));
    }
}
