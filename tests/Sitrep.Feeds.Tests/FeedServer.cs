using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sitrep.Feeds.Tests;

/// <summary>What the test server answers for one path.</summary>
internal sealed record Reply(int Status, string Body, string ContentType = "text/html; charset=utf-8")
{
    public Dictionary<string, string> Headers { get; init; } = [];
    public TimeSpan Delay { get; init; }
    /// <summary>Answers 304 when the request's If-None-Match carries this tag.</summary>
    public string? ETag { get; init; }
}

/// <summary>
/// A feed and page server on a random loopback port: fixture feeds and pages, slow, broken,
/// huge and redirecting ones, and a log of what was asked. Never the internet.
/// </summary>
internal sealed class FeedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerRequest, Reply>> _routes = new();
    private readonly CancellationTokenSource _stop = new();

    public ConcurrentQueue<(string Path, DateTime At, string? IfNoneMatch)> Requests { get; } = new();
    public string Root { get; }

    public FeedServer()
    {
        var port = FreePort();
        Root = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Root + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url(string path) => Root + path;

    public void Set(string path, Reply reply) => _routes[path] = _ => reply;
    public void Set(string path, Func<HttpListenerRequest, Reply> reply) => _routes[path] = reply;

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue((path, DateTime.UtcNow, context.Request.Headers["If-None-Match"]));
        var reply = _routes.TryGetValue(path, out var route) ? route(context.Request) : new Reply(404, "not here");
        try
        {
            if (reply.Delay > TimeSpan.Zero)
                await Task.Delay(reply.Delay, _stop.Token);
            var response = context.Response;
            if (reply.ETag is { } tag && context.Request.Headers["If-None-Match"] == tag)
            {
                response.StatusCode = 304;
                response.Close();
                return;
            }
            response.StatusCode = reply.Status;
            response.ContentType = reply.ContentType;
            if (reply.ETag is not null)
                response.Headers["ETag"] = reply.ETag;
            foreach (var (name, value) in reply.Headers)
                response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stop.Token);
            response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // The client gave up (a time-out test): nothing to answer.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public int Count(string path) => Requests.Count(r => r.Path == path);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
