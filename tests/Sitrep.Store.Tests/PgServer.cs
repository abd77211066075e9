using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sitrep.Store.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: Debian's server binaries, a cluster under a
/// temporary folder, a loopback port, its socket in the same folder; stopped and deleted at the
/// end. Each test takes a database of its own. As root (CI), the server runs as the postgres
/// user, since it refuses to run as root.
/// </summary>
public sealed class PgServer : IDisposable
{
    private string _folder = "";
    private string _bin = "";
    private int _databases;
    private bool _started;

    // Started by the first test that asks for a database, so SITREP_SKIP_PG=1 starts nothing.
    private void Start()
    {
        _started = true;
        _bin = FindBinaries();
        _folder = Directory.CreateTempSubdirectory("sitrep-pg-").FullName;
        if (Environment.UserName == "root")
            Run(false, "chown", "postgres:postgres", _folder);
        var data = Path.Combine(_folder, "data");
        Run(true, Tool("initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        // The port is chosen free now and may be taken before the server binds it: try a few.
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            try
            {
                Run(true, Tool("pg_ctl"), "-D", data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
                    $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c full_page_writes=off -c max_connections=50", "start");
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    public int Port { get; private set; }

    /// <summary>A new empty database; its URI as a user gives it to <c>--db</c>.</summary>
    public string CreateDatabase()
    {
        lock (this)
            if (!_started)
                Start();
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            create.ExecuteNonQuery();
        }
        return $"postgres://postgres@127.0.0.1:{Port}/{name}";
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    public void Dispose()
    {
        if (!_started)
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(true, Tool("pg_ctl"), "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string Tool(string name) => Path.Combine(_bin, name);

    /// <summary>The newest installed server's binaries; missing binaries fail the test, never skip it.</summary>
    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb): install Debian's 'postgresql' package " +
            "(.ci/run does), or set SITREP_SKIP_PG=1 to skip the PostgreSQL tests");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(bool asPostgres, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres && Environment.UserName == "root")
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program])
                start.ArgumentList.Add(a);
        }
        else
            start.FileName = program;
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
    }
}

[CollectionDefinition("postgres")]
public sealed class PgCollection : ICollectionFixture<PgServer>;

/// <summary>A test that needs a PostgreSQL server; skipped only when SITREP_SKIP_PG=1.</summary>
public sealed class PgFactAttribute : FactAttribute
{
    public PgFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SITREP_SKIP_PG") == "1")
            Skip = "SITREP_SKIP_PG=1";
    }
}
