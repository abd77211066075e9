using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Feeds;

/// <summary>
/// Stores report files as <c>sitrep ingest</c> does (extraction, then one committed transaction)
/// and returns how many of them failed, each already named on stderr.
/// </summary>
public delegate int StoreReports(IReadOnlyList<string> paths);

/// <summary>How a watch runs.</summary>
public sealed record WatchOptions(string Database, TimeSpan Interval, bool Once, FetchPolicy Fetch);

/// <summary>
/// Polls feeds and folders and stores each new or revised article once. A fetched article is
/// saved as DB.articles/ID.html with its ID.meta.json sidecar (date, title, link, source from
/// the feed) and ingested from there like any report file: the same reader, extraction and
/// store, and the saved page stays as the record of what was read.
/// </summary>
public sealed class FeedWatcher(IReadOnlyList<FeedSource> sources, WatchOptions options, StoreReports store, Action<string> say)
{
    private readonly WatchState _state = WatchState.Load(WatchState.PathFor(options.Database));
    private readonly string _spool = options.Database + ".articles";

    /// <summary>Failures in the last poll: feeds that could not be read, articles not stored.</summary>
    public int Failures { get; private set; }

    /// <summary>Polls until <paramref name="stop"/> (or once); a stop takes effect between articles.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        Directory.CreateDirectory(_spool);
        using var fetcher = new PoliteFetcher(options.Fetch);
        while (!stop.IsCancellationRequested)
        {
            Failures = 0;
            foreach (var source in sources)
            {
                if (stop.IsCancellationRequested)
                    break;
                try
                {
                    switch (source)
                    {
                        case FeedSource.Folder folder:
                            Failures += store([folder.Path]);
                            break;
                        case FeedSource.Web web:
                            await PollFeedAsync(fetcher, web.Address, stop);
                            break;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // Stopped mid-fetch: nothing of this article was stored, the next run fetches it.
                }
            }
            if (options.Once)
                break;
            try
            {
                await Task.Delay(options.Interval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task PollFeedAsync(PoliteFetcher fetcher, Uri feed, CancellationToken stop)
    {
        Fetched fetched;
        IReadOnlyList<FeedItem> items;
        try
        {
            fetched = await fetcher.GetAsync(feed, _state.Feeds.GetValueOrDefault(feed.AbsoluteUri), stop);
            if (fetched.NotModified)
            {
                say($"watch: {feed}: not modified");
                return;
            }
            items = FeedParser.Parse(new MemoryStream(fetched.Body), fetched.FinalAddress);
        }
        catch (Exception e) when (e is FetchException or FeedFormatException)
        {
            say($"watch: {feed}: {e.Message}; the other feeds go on");
            Failures++;
            return;
        }
        var added = 0;
        var known = 0;
        var failed = 0;
        foreach (var item in items)
        {
            if (stop.IsCancellationRequested)
                return; // the feed's validators stay old, so the next run reads it again in full
            if (_state.Items.TryGetValue(item.Link, out var seen) && seen.Revision == item.Revision)
            {
                known++;
                continue;
            }
            if (await StoreArticleAsync(fetcher, item, stop))
                added++;
            else
                failed++;
        }
        say($"watch: {feed}: {items.Count} items, {added} new or revised, {known} known, {failed} failed");
        Failures += failed;
        // Validators are kept only when every item is in: a 304 must never hide one still to fetch.
        if (failed == 0)
        {
            _state.Feeds[feed.AbsoluteUri] = fetched.Validators;
            _state.Save();
        }
    }

    private async Task<bool> StoreArticleAsync(PoliteFetcher fetcher, FeedItem item, CancellationToken stop)
    {
        var link = new Uri(item.Link);
        Fetched page;
        try
        {
            page = await fetcher.GetAsync(link, null, stop);
        }
        catch (FetchException e)
        {
            say($"watch: {item.Link}: {e.Message}; tried again on the next poll");
            return false;
        }
        var (html, reader) = ArticleText.Extract(ArticleText.Decode(page.Body, page.Charset), page.FinalAddress);
        var id = DocumentId(item.Link);
        var path = Path.Combine(_spool, id + ".html");
        WriteReplacing(Path.Combine(_spool, id + ".meta.json"), Sidecar(item));
        WriteReplacing(path, html);

        Document document;
        try
        {
            document = DocumentReader.Read(path, warn: w => say($"watch: warning: {w}"));
        }
        catch (DocumentException e)
        {
            // A page with no readable text stays unreadable until the feed says it was revised.
            say($"watch: {item.Link}: {e.Problem}");
            _state.Seen(item.Link, new SeenItem(null, null, item.Revision));
            _state.Save();
            return false;
        }
        var textHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text)));
        if (_state.OtherOwner(textHash, item.Link) is { } original)
        {
            say($"watch: {item.Link}: same text as {original}, already stored; not stored again");
            File.Delete(path);
            File.Delete(Path.Combine(_spool, id + ".meta.json"));
            _state.Seen(item.Link, new SeenItem(null, textHash, item.Revision));
            _state.Save();
            return true;
        }
        if (store([path]) > 0)
            return false;
        _state.Seen(item.Link, new SeenItem(id, textHash, item.Revision));
        _state.Save();
        say($"watch: stored {item.Link} as {id} (main text by {reader})");
        return true;
    }

    /// <summary>
    /// A document id from the article's address: its host, for people, and a hash of the whole
    /// address, so the same article always has the same id and a revision replaces it.
    /// </summary>
    public static string DocumentId(string url)
    {
        var host = new Uri(url).Host;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
        return $"{host}-{hash}";
    }

    private static string Sidecar(FeedItem item)
    {
        var published = (item.Published ?? item.Updated)?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["published"] = published,
            ["source"] = item.Source,
            ["url"] = item.Link,
            ["title"] = item.Title,
        });
    }

    private static void WriteReplacing(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
