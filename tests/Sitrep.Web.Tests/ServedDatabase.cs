using Sitrep.Store;

namespace Sitrep.Web.Tests;

/// <summary>A database in a temp folder, filled by the fixture, with the dashboard serving it on a free local port.</summary>
public abstract class ServedDatabase : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"sitrep-web-{Guid.NewGuid():N}");
    public string DatabasePath => Path.Combine(Folder, "dashboard.db");
    public DashboardServer Server { get; private set; } = null!;
    public Uri Address => Server.Address;

    /// <summary>Writes the fixture's reports (and any files they need under <see cref="Folder"/>).</summary>
    protected abstract void Fill(EventStore store);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        using (var store = EventStore.Open(DatabasePath))
            Fill(store);
        Server = DashboardServer.Create(new DashboardOptions { DatabasePath = DatabasePath, Port = 0 });
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
