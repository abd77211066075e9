using Microsoft.Playwright;

namespace Sitrep.Web.Tests;

/// <summary>
/// The system's Chromium (Debian package <c>chromium</c>, installed by .ci/run), driven by
/// Playwright through <c>ExecutablePath</c>: no browser is downloaded. One browser for the run.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

    /// <summary>The Chromium to use ($SITREP_CHROMIUM, else the Debian paths), or null when there is none.</summary>
    public static string? ExecutablePath =>
        Environment.GetEnvironmentVariable("SITREP_CHROMIUM") is { Length: > 0 } named ? named : Candidates.FirstOrDefault(File.Exists);

    public static string? MissingReason => ExecutablePath is null
        ? $"no Chromium found (looked at $SITREP_CHROMIUM and {string.Join(", ", Candidates)}); install the Debian package 'chromium' (.ci/run does)"
        : null;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (ExecutablePath is not { } executable)
            return;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Root in a container has no user namespace for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh page 1400x900 that records console errors and uncaught exceptions.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 960 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (errors) errors.Add(message.Text);
        };
        page.PageError += (_, error) =>
        {
            lock (errors) errors.Add(error);
        };
        return (page, errors);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
}

/// <summary>A test that needs Chromium: skipped, with the reason, only when no Chromium is installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.MissingReason is { } reason)
            Skip = reason;
    }
}
