namespace Sitrep.Feeds.Tests;

public class PoliteFetcherTests
{
    private static readonly FetchPolicy Quick = new() { PerHost = TimeSpan.Zero, Backoff = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task A_second_get_is_conditional_and_a_304_says_not_modified()
    {
        using var server = new FeedServer();
        server.Set("/rss", new Reply(200, "<rss/>", "application/rss+xml") { ETag = "\"v1\"" });
        using var fetcher = new PoliteFetcher(Quick);
        var first = await fetcher.GetAsync(new Uri(server.Url("/rss")), null, default);
        Assert.False(first.NotModified);
        Assert.Equal("\"v1\"", first.Validators.ETag);
        var second = await fetcher.GetAsync(new Uri(server.Url("/rss")), first.Validators, default);
        Assert.True(second.NotModified);
        Assert.Equal("\"v1\"", server.Requests.Last().IfNoneMatch);
    }

    [Fact]
    public async Task A_503_with_Retry_After_is_waited_out_then_retried()
    {
        using var server = new FeedServer();
        var calls = 0;
        server.Set("/busy", _ => Interlocked.Increment(ref calls) == 1
            ? new Reply(503, "busy") { Headers = { ["Retry-After"] = "1" } }
            : new Reply(200, "fine"));
        using var fetcher = new PoliteFetcher(Quick);
        var page = await fetcher.GetAsync(new Uri(server.Url("/busy")), null, default);
        Assert.Equal("fine", System.Text.Encoding.UTF8.GetString(page.Body));
        var times = server.Requests.Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(times[1] - times[0]).TotalMilliseconds} ms, before the server's Retry-After of 1 s");
    }

    [Fact]
    public async Task A_429_asking_for_too_long_a_wait_fails_naming_Retry_After()
    {
        using var server = new FeedServer();
        server.Set("/slowdown", new Reply(429, "later") { Headers = { ["Retry-After"] = "3600" } });
        using var fetcher = new PoliteFetcher(Quick);
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri(server.Url("/slowdown")), null, default));
        Assert.Contains("Retry-After", e.Message);
        Assert.Equal(1, server.Count("/slowdown"));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_then_reported()
    {
        using var server = new FeedServer();
        server.Set("/broken", new Reply(500, "oops"));
        using var fetcher = new PoliteFetcher(Quick with { MaxRetries = 2 });
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri(server.Url("/broken")), null, default));
        Assert.Contains("HTTP 500", e.Message);
        Assert.Equal(3, server.Count("/broken"));
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused()
    {
        using var server = new FeedServer();
        server.Set("/huge", new Reply(200, new string('x', 300_000)));
        using var fetcher = new PoliteFetcher(Quick with { MaxBytes = 100_000 });
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri(server.Url("/huge")), null, default));
        Assert.Contains("cap", e.Message);
    }

    [Fact]
    public async Task A_redirect_loop_stops_at_the_limit()
    {
        using var server = new FeedServer();
        server.Set("/loop", _ => new Reply(302, "") { Headers = { ["Location"] = "/loop" } });
        server.Set("/moved", _ => new Reply(301, "") { Headers = { ["Location"] = "/target" } });
        server.Set("/target", new Reply(200, "arrived"));
        using var fetcher = new PoliteFetcher(Quick);
        var moved = await fetcher.GetAsync(new Uri(server.Url("/moved")), null, default);
        Assert.EndsWith("/target", moved.FinalAddress.AbsolutePath);
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri(server.Url("/loop")), null, default));
        Assert.Contains("redirects", e.Message);
        Assert.Equal(6, server.Count("/loop"));
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        using var server = new FeedServer();
        server.Set("/slow", new Reply(200, "late") { Delay = TimeSpan.FromSeconds(30) });
        using var fetcher = new PoliteFetcher(Quick with { Timeout = TimeSpan.FromMilliseconds(500), MaxRetries = 1 });
        var e = await Assert.ThrowsAsync<FetchException>(() => fetcher.GetAsync(new Uri(server.Url("/slow")), null, default));
        Assert.Contains("no answer within", e.Message);
        Assert.Equal(2, server.Count("/slow"));
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_per_host_interval()
    {
        using var server = new FeedServer();
        server.Set("/a", new Reply(200, "a"));
        using var fetcher = new PoliteFetcher(Quick with { PerHost = TimeSpan.FromMilliseconds(700) });
        for (var i = 0; i < 3; i++)
            await fetcher.GetAsync(new Uri(server.Url("/a")), null, default);
        var times = server.Requests.Select(r => r.At).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(650)));
    }
}
