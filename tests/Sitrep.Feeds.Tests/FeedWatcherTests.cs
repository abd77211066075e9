using Sitrep.Documents;

namespace Sitrep.Feeds.Tests;

/// <summary>The watcher with a store that records what reached it, instead of extracting.</summary>
public class FeedWatcherTests : IDisposable
{
    private readonly FeedServer _server = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-watch-").FullName;
    private readonly List<string> _said = [];
    private readonly List<(string Id, string Hash)> _stored = [];

    private string Db => Path.Combine(_dir, "test.db");

    private static readonly FetchPolicy Quick = new() { PerHost = TimeSpan.Zero, Backoff = TimeSpan.FromMilliseconds(20), MaxRetries = 1 };

    private int Store(IReadOnlyList<string> paths)
    {
        foreach (var path in DocumentReader.Expand(paths, (p, problem) => throw new InvalidOperationException($"{p}: {problem}")))
        {
            var document = DocumentReader.Read(path);
            _stored.Add((document.Id, document.ContentHash));
        }
        return 0;
    }

    private async Task<FeedWatcher> PollAsync(params FeedSource[] sources)
    {
        var watcher = new FeedWatcher(sources, new WatchOptions(Db, TimeSpan.Zero, Once: true, Quick), Store, _said.Add);
        await watcher.RunAsync(default);
        return watcher;
    }

    private FeedSource.Web Feed(string path) => new(new Uri(_server.Url(path)));

    [Fact]
    public async Task New_articles_are_stored_once_and_a_second_poll_is_a_conditional_get()
    {
        var articles = Fixtures.Articles.Take(3).ToList();
        articles.ForEach(a => Fixtures.Serve(_server, a));
        _server.Set("/rss", new Reply(200, Fixtures.Rss("Wire", articles.Select(a => Fixtures.RssItem(_server, a)))) { ETag = "\"1\"" });
        await PollAsync(Feed("/rss"));
        Assert.Equal(3, _stored.Count);
        Assert.Equal(3, _stored.Select(s => s.Id).Distinct().Count());

        await PollAsync(Feed("/rss"));
        Assert.Equal(3, _stored.Count);
        Assert.Contains(_said, s => s.Contains("not modified"));
        Assert.All(articles, a => Assert.Equal(1, _server.Count("/" + a.Slug)));
    }

    [Fact]
    public async Task The_sidecar_carries_the_feeds_date_title_link_and_source()
    {
        var article = Fixtures.Articles[4];
        Fixtures.Serve(_server, article);
        _server.Set("/atom", new Reply(200, Fixtures.Atom("Front Log", [(_server.Url("/" + article.Slug), "Feed title", "2026-03-08T23:30:00+02:00")])));
        await PollAsync(Feed("/atom"));
        var id = FeedWatcher.DocumentId(_server.Url("/" + article.Slug));
        var document = DocumentReader.Read(Path.Combine(Db + ".articles", id + ".html"));
        Assert.Equal(new DateOnly(2026, 3, 8), document.Meta.Published);
        Assert.Equal("Feed title", document.Meta.Title);
        Assert.Equal("Front Log", document.Meta.Source);
        Assert.Equal(_server.Url("/" + article.Slug), document.Meta.Url);
        Assert.Contains(article.Paragraphs[1], document.Text);
    }

    [Fact]
    public async Task An_article_republished_at_another_address_is_not_stored_twice()
    {
        var article = Fixtures.Articles[0];
        _server.Set("/first", new Reply(200, Fixtures.Page(article, 0)));
        _server.Set("/copy", new Reply(200, Fixtures.Page(article, 0)));
        _server.Set("/rss1", new Reply(200, Fixtures.Rss("A", [(_server.Url("/first"), "t", "Mon, 02 Mar 2026 10:00:00 GMT")])));
        _server.Set("/rss2", new Reply(200, Fixtures.Rss("B", [(_server.Url("/copy"), "t", "Mon, 02 Mar 2026 11:00:00 GMT")])));
        await PollAsync(Feed("/rss1"), Feed("/rss2"));
        Assert.Single(_stored);
        Assert.Contains(_said, s => s.Contains("/copy: same text as") && s.Contains("/first"));
    }

    [Fact]
    public async Task A_revised_article_is_fetched_again_and_keeps_its_document_id()
    {
        var article = Fixtures.Articles[1];
        Fixtures.Serve(_server, article);
        _server.Set("/rss", new Reply(200, Fixtures.Rss("Wire", [Fixtures.RssItem(_server, article, day: 2)])));
        await PollAsync(Feed("/rss"));
        var revised = article with { Paragraphs = [.. article.Paragraphs, "This article was updated with the number of wounded."] };
        Fixtures.Serve(_server, revised);
        _server.Set("/rss", new Reply(200, Fixtures.Rss("Wire", [Fixtures.RssItem(_server, article, day: 3)])));
        await PollAsync(Feed("/rss"));
        Assert.Equal(2, _stored.Count);
        Assert.Equal(_stored[0].Id, _stored[1].Id);
        Assert.NotEqual(_stored[0].Hash, _stored[1].Hash);
    }

    [Fact]
    public async Task A_bad_feed_is_named_and_the_other_feeds_go_on()
    {
        var article = Fixtures.Articles[2];
        Fixtures.Serve(_server, article);
        _server.Set("/broken", new Reply(200, "<rss><channel><item>"));
        _server.Set("/good", new Reply(200, Fixtures.Rss("Wire", [Fixtures.RssItem(_server, article)])));
        var watcher = await PollAsync(Feed("/broken"), Feed("/missing"), Feed("/good"));
        Assert.Equal(2, watcher.Failures);
        Assert.Contains(_said, s => s.StartsWith($"watch: {_server.Url("/broken")}: not well-formed XML"));
        Assert.Contains(_said, s => s.StartsWith($"watch: {_server.Url("/missing")}: HTTP 404"));
        Assert.Single(_stored);
    }

    [Fact]
    public async Task An_article_that_fails_to_fetch_is_tried_again_even_when_the_feed_has_not_changed()
    {
        var article = Fixtures.Articles[3];
        _server.Set("/" + article.Slug, new Reply(500, "down"));
        _server.Set("/rss", new Reply(200, Fixtures.Rss("Wire", [Fixtures.RssItem(_server, article)])) { ETag = "\"same\"" });
        var watcher = await PollAsync(Feed("/rss"));
        Assert.Equal(1, watcher.Failures);
        Assert.Empty(_stored);

        Fixtures.Serve(_server, article);
        await PollAsync(Feed("/rss"));
        Assert.Single(_stored);
        Assert.DoesNotContain(_said, s => s.Contains("not modified"));
    }

    [Fact]
    public async Task A_folder_is_handed_to_the_store_on_every_poll()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "inbox")).FullName;
        File.WriteAllText(Path.Combine(folder, "r1.txt"), Fixtures.Gold(Fixtures.Articles[5]));
        await PollAsync(new FeedSource.Folder(folder));
        File.WriteAllText(Path.Combine(folder, "r2.txt"), Fixtures.Gold(Fixtures.Articles[6]));
        await PollAsync(new FeedSource.Folder(folder));
        Assert.Equal(["r1", "r1", "r2"], _stored.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task A_stop_request_ends_the_watch_between_articles_without_recording_unstored_ones()
    {
        var articles = Fixtures.Articles.Take(4).ToList();
        articles.ForEach(a => Fixtures.Serve(_server, a));
        _server.Set("/rss", new Reply(200, Fixtures.Rss("Wire", articles.Select(a => Fixtures.RssItem(_server, a)))));
        using var stop = new CancellationTokenSource();
        var watcher = new FeedWatcher([Feed("/rss")], new WatchOptions(Db, TimeSpan.FromMinutes(10), Once: false, Quick),
            paths => { var n = Store(paths); if (_stored.Count == 2) stop.Cancel(); return n; }, _said.Add);
        await watcher.RunAsync(stop.Token);
        Assert.Equal(2, _stored.Count);
        var state = WatchState.Load(WatchState.PathFor(Db));
        Assert.Equal(2, state.Items.Count);
        Assert.Empty(state.Feeds);
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
