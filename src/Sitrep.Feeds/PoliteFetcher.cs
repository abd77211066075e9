using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;

namespace Sitrep.Feeds;

/// <summary>How the watcher treats the servers it reads.</summary>
public sealed record FetchPolicy
{
    /// <summary>Least time between two requests to one host.</summary>
    public TimeSpan PerHost { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>One attempt, headers and body, may take this long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>A feed or page larger than this is refused: news pages are far smaller.</summary>
    public long MaxBytes { get; init; } = 8L * 1024 * 1024;
    public int MaxRedirects { get; init; } = 5;
    public int MaxRetries { get; init; } = 3;
    /// <summary>First back-off; doubled on each retry the server gave no Retry-After for.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>A Retry-After longer than this is not waited for: the item is tried on a later poll.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>What a conditional GET sends: the validators of the last good answer.</summary>
public sealed record Validators(string? ETag, string? LastModified);

/// <summary>A fetched body, or word that it has not changed since <see cref="Validators"/>.</summary>
public sealed record Fetched(bool NotModified, byte[] Body, string? Charset, Uri FinalAddress, Validators Validators);

/// <summary>A fetch that failed after its retries; the message says why, without the address.</summary>
public sealed class FetchException(string problem) : Exception(problem);

/// <summary>
/// HTTP GET that is polite (one request per host per interval, conditional requests), patient
/// (retries with back-off, honouring Retry-After on 429 and 503) and bounded (time-out, size cap,
/// redirect limit).
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly FetchPolicy _policy;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly Dictionary<string, DateTime> _nextAllowed = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public PoliteFetcher(FetchPolicy policy, TimeProvider? time = null)
    {
        _policy = policy;
        _time = time ?? TimeProvider.System;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = policy.MaxRedirects,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Sitrep-watch/1.0 (+news event extraction)");
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = policy.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = policy.Backoff,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>The server's own Retry-After when it gave one (null lets the back-off decide).</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
            return null;
        var wait = header.Delta ?? (header.Date is { } date ? date - _time.GetUtcNow() : TimeSpan.Zero);
        if (wait < TimeSpan.Zero)
            wait = TimeSpan.Zero;
        if (wait > _policy.MaxRetryAfter)
            throw new FetchException($"the server asks to wait {wait.TotalSeconds:0} s (Retry-After), longer than {_policy.MaxRetryAfter.TotalSeconds:0} s; tried again on a later poll");
        return wait;
    }

    public async Task<Fetched> GetAsync(Uri address, Validators? validators, CancellationToken cancel)
    {
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(async token =>
            {
                await WaitForHostAsync(address, token);
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                    request.Headers.IfNoneMatch.Add(tag);
                if (validators?.LastModified is { } modified && DateTimeOffset.TryParse(modified, out var since))
                    request.Headers.IfModifiedSince = since;
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                attempt.CancelAfter(_policy.Timeout);
                try
                {
                    return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    throw new TimeoutException($"no answer within {_policy.Timeout.TotalSeconds:0} s");
                }
            }, cancel);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
        catch (TimeoutException e)
        {
            throw new FetchException(e.Message);
        }
        using (response)
        {
            var final = response.RequestMessage?.RequestUri ?? address;
            if (response.StatusCode == HttpStatusCode.NotModified)
                return new Fetched(true, [], null, final, validators ?? new Validators(null, null));
            if (!response.IsSuccessStatusCode)
            {
                var hint = (int)response.StatusCode is >= 300 and < 400 ? $" (more than {_policy.MaxRedirects} redirects, or a redirect without a target)" : "";
                throw new FetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{hint}");
            }
            if (response.Content.Headers.ContentLength is { } length && length > _policy.MaxBytes)
                throw new FetchException($"body is {length:N0} bytes, over the {_policy.MaxBytes:N0} byte cap");
            var body = await ReadCappedAsync(response.Content, cancel);
            var newValidators = new Validators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            return new Fetched(false, body, response.Content.Headers.ContentType?.CharSet, final, newValidators);
        }
    }

    /// <summary>The body, read against the cap and the time-out: a server may lie about, or omit, its length.</summary>
    private async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancel)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        attempt.CancelAfter(_policy.Timeout);
        try
        {
            await using var stream = await content.ReadAsStreamAsync(attempt.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = await stream.ReadAsync(chunk, attempt.Token)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > _policy.MaxBytes)
                    throw new FetchException($"body is over the {_policy.MaxBytes:N0} byte cap");
            }
            return buffer.ToArray();
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new FetchException($"body not complete within {_policy.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"connection broke while reading the body: {e.Message}");
        }
        catch (IOException e)
        {
            throw new FetchException($"connection broke while reading the body: {e.Message}");
        }
    }

    private async Task WaitForHostAsync(Uri address, CancellationToken cancel)
    {
        TimeSpan wait;
        lock (_nextAllowed)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var key = address.Authority;
            var next = _nextAllowed.TryGetValue(key, out var at) && at > now ? at : now;
            _nextAllowed[key] = next + _policy.PerHost;
            wait = next - now;
        }
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, _time, cancel);
    }

    public void Dispose() => _client.Dispose();
}
