using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Sitrep.Feeds.Tests;

/// <summary>A running <c>sitrep watch</c>: the real CLI in its own process, its stderr collected.</summary>
internal sealed class WatchProcess : IDisposable
{
    private readonly Process _process;
    public ConcurrentQueue<string> Errors { get; } = new();

    public WatchProcess(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sitrep.dll"));
        info.ArgumentList.Add("watch");
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.Environment["SITREP_GAZETTEER"] = Gazetteer;
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Errors.Enqueue(e.Data); };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int Id => _process.Id;

    public int Wait(TimeSpan deadline)
    {
        if (!_process.WaitForExit(deadline))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sitrep watch still running after {deadline.TotalSeconds} s; stderr:\n{string.Join('\n', Errors)}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>kill -9: no handler runs, nothing is flushed.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    public static string Gazetteer { get; } = FindGazetteer();

    private static string FindGazetteer()
    {
        if (Environment.GetEnvironmentVariable("SITREP_GAZETTEER") is { Length: > 0 } env && File.Exists(env))
            return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var index = Path.Combine(dir.FullName, ".cache", "gazetteer.idx");
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.sln")) && File.Exists(index))
                return index;
        }
        throw new InvalidOperationException("no place index: build it with './sitrep gazetteer build' or set SITREP_GAZETTEER");
    }
}

/// <summary>The done-means tests of the watch: articles appear while it runs, and a kill loses and repeats nothing.</summary>
public class WatchCliTests : IDisposable
{
    private readonly FeedServer _server = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-watchcli-").FullName;

    private string FeedsFile(params string[] lines)
    {
        var path = Path.Combine(_dir, "feeds.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    private void PublishFeed(IEnumerable<TestArticle> articles) =>
        _server.Set("/rss", new Reply(200, Fixtures.Rss("Test Wire", articles.Select(a => Fixtures.RssItem(_server, a, day: a.Number)))));

    /// <summary>Each stored document: its url, content hash, events it says it has and events actually stored.</summary>
    private static List<(string Url, string Hash, long Claimed, long Events)> Documents(string db)
    {
        if (!File.Exists(db))
            return [];
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'documents'";
        if ((long)command.ExecuteScalar()! == 0)
            return []; // the watcher has created the file but not yet its tables
        command.CommandText = "SELECT d.url, d.content_hash, d.event_count, (SELECT count(*) FROM events e WHERE e.doc = d.id) FROM documents d ORDER BY d.url";
        var rows = new List<(string, string, long, long)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add((reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        return rows;
    }

    private static void WaitFor(Func<bool> condition, TimeSpan deadline, WatchProcess watch, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > deadline)
                throw new TimeoutException($"{what} not seen within {deadline.TotalSeconds} s; stderr:\n{string.Join('\n', watch.Errors)}");
            Thread.Sleep(100);
        }
    }

    [Fact]
    public void Articles_added_while_watch_runs_are_in_the_store_within_seconds_and_SIGTERM_ends_it_cleanly()
    {
        var articles = Fixtures.Articles.Take(4).ToList();
        articles.ForEach(a => Fixtures.Serve(_server, a));
        PublishFeed(articles.Take(2));
        var db = Path.Combine(_dir, "live.db");
        using var watch = new WatchProcess(FeedsFile(_server.Url("/rss")), "--db", db, "--interval", "1", "--per-host-seconds", "0");
        WaitFor(() => Documents(db).Count == 2, TimeSpan.FromSeconds(60), watch, "the first two articles");

        PublishFeed(articles);
        var published = Stopwatch.StartNew();
        WaitFor(() => Documents(db).Count == 4, TimeSpan.FromSeconds(15), watch, "the two articles added while it ran");
        Assert.True(published.Elapsed < TimeSpan.FromSeconds(15));

        watch.Terminate();
        Assert.Equal(0, watch.Wait(TimeSpan.FromSeconds(30)));
        Assert.Contains(watch.Errors, e => e.Contains("stopping after the current article"));
        Assert.Equal(articles.Select(a => _server.Url("/" + a.Slug)).Order(StringComparer.Ordinal), Documents(db).Select(d => d.Url));
    }

    [Fact]
    public void Killed_with_SIGKILL_at_any_point_and_restarted_it_stores_every_article_exactly_once()
    {
        var articles = Fixtures.Articles.Take(10).ToList();
        foreach (var a in articles)
            _server.Set("/" + a.Slug, new Reply(200, Fixtures.Page(a, a.Number)) { Delay = TimeSpan.FromMilliseconds(150) });
        PublishFeed(articles);
        var feeds = FeedsFile("# the test wire", _server.Url("/rss"));

        // The reference: one run that nobody interrupts.
        var calm = Path.Combine(_dir, "calm.db");
        using (var once = new WatchProcess(feeds, "--db", calm, "--once", "--per-host-seconds", "0"))
            Assert.Equal(0, once.Wait(TimeSpan.FromMinutes(3)));
        var expected = Documents(calm);
        Assert.Equal(articles.Count, expected.Count);

        // Killed three times, after 1, 4 and 7 articles are in; each restart picks up where it stopped.
        var db = Path.Combine(_dir, "killed.db");
        foreach (var after in new[] { 1, 4, 7 })
        {
            using var watch = new WatchProcess(feeds, "--db", db, "--interval", "1", "--per-host-seconds", "0");
            WaitFor(() => Documents(db).Count >= after, TimeSpan.FromSeconds(90), watch, $"{after} stored articles");
            watch.KillHard();
        }
        using (var last = new WatchProcess(feeds, "--db", db, "--once", "--per-host-seconds", "0"))
            Assert.Equal(0, last.Wait(TimeSpan.FromMinutes(3)));

        var stored = Documents(db);
        Assert.Equal(expected, stored);
        Assert.All(stored, d => Assert.Equal(d.Claimed, d.Events));
        var state = WatchState.Load(WatchState.PathFor(db));
        Assert.Equal(articles.Count, state.Items.Count);
    }

    [Fact]
    public void A_bad_feed_is_named_on_stderr_the_others_are_stored_and_the_exit_code_says_so()
    {
        var article = Fixtures.Articles[8];
        Fixtures.Serve(_server, article);
        PublishFeed([article]);
        _server.Set("/not-a-feed", new Reply(200, "<html><body>hello</body></html>"));
        var db = Path.Combine(_dir, "bad.db");
        using var watch = new WatchProcess(FeedsFile(_server.Url("/not-a-feed"), "gopher://127.0.0.1/x", _server.Url("/rss")), "--db", db, "--once", "--per-host-seconds", "0");
        Assert.Equal(1, watch.Wait(TimeSpan.FromMinutes(2)));
        Assert.Contains(watch.Errors, e => e.StartsWith($"sitrep watch: {_server.Url("/not-a-feed")}: not an RSS or Atom feed"));
        Assert.Contains(watch.Errors, e => e.Contains("feeds.txt:2: 'gopher://127.0.0.1/x' is not an http or https address"));
        Assert.Single(Documents(db));
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
