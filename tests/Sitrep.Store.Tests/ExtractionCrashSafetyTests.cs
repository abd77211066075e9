using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Sitrep.Store.Tests;

/// <summary>
/// The crash test again, through the whole path users run: report files, the reader, the
/// extraction pipeline and the store. An uninterrupted ingest of the same reports is the oracle.
/// </summary>
public sealed class ExtractionCrashSafetyTests : IDisposable
{
    private const int Documents = 400;
    private static readonly string[] Towns = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Sumy", "Mykolaiv", "Kherson", "Poltava"];
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [FactRequiresGazetteer]
    public void An_extracting_ingest_killed_midway_ends_as_an_uninterrupted_one_after_a_rerun()
    {
        var reports = WriteReports(Directory.CreateDirectory(Path.Combine(_db.Folder, "reports")).FullName);
        var oracle = Path.Combine(_db.Folder, "oracle.db");
        var (exit, _, stderr) = SitrepProcess.Run("ingest", reports, "--db", oracle, "--gazetteer", PlaceIndex.Path!);
        Assert.True(exit == 0, stderr);
        using (var check = EventStore.OpenReadOnly(oracle))
            Assert.True(check.Statistics().Totals.Events >= Documents, "the reports gave too few events to test anything");

        using (var ingest = Process.Start(SitrepProcess.StartInfo("ingest", reports, "--db", _db.Path, "--gazetteer", PlaceIndex.Path!, "--batch", "5"))!)
        {
            ingest.OutputDataReceived += (_, _) => { };
            ingest.ErrorDataReceived += (_, _) => { };
            ingest.BeginOutputReadLine();
            ingest.BeginErrorReadLine();
            var stored = WaitForDocuments(ingest, atLeast: 20);
            ingest.Kill(entireProcessTree: true);
            ingest.WaitForExit();
            Assert.True(stored < Documents, "the ingest finished before it could be killed; the test proves nothing");
        }
        using (var store = _db.Open())
            Assert.True(store.Check().Sound, store.Check().ToString());

        (exit, _, stderr) = SitrepProcess.Run("ingest", reports, "--db", _db.Path, "--gazetteer", PlaceIndex.Path!);
        Assert.True(exit == 0, stderr);

        Assert.Equal(StoreSnapshot.Contents(oracle), StoreSnapshot.Contents(_db.Path));
        Assert.Equal(StoreSnapshot.Incidents(oracle), StoreSnapshot.Incidents(_db.Path));
        using var final = _db.Open();
        Assert.Equal(new StoreCheck(Documents, 0, 0, 0), final.Check());
    }

    /// <summary>Short reports in Sitrep's own wording, each with a publication date.</summary>
    internal static string WriteReports(string folder, int documents = Documents)
    {
        var random = new Random(11);
        for (var i = 0; i < documents; i++)
        {
            var town = Towns[random.Next(Towns.Length)];
            var day = new DateOnly(2024, 3, 1).AddDays(random.Next(30));
            var text = $"Russian drones struck {town} overnight, killing {random.Next(1, 9)} people, the regional governor said.\n" +
                       $"Air defence shot down {random.Next(5, 30)} of {random.Next(30, 60)} Shahed drones launched at the region.\n";
            var id = $"report-{i:D4}";
            File.WriteAllText(Path.Combine(folder, $"{id}.txt"), text);
            File.WriteAllText(Path.Combine(folder, $"{id}.meta.json"), $$"""{"published": "{{day:yyyy-MM-dd}}", "source": "Wire {{i % 5}}"}""");
        }
        return folder;
    }

    private long WaitForDocuments(Process ingest, int atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (ingest.HasExited)
                throw new Xunit.Sdk.XunitException($"ingest exited {ingest.ExitCode} before it was killed");
            try
            {
                using var connection = new SqliteConnection($"Data Source={_db.Path};Mode=ReadOnly;Pooling=False");
                connection.Open();
                var count = connection.ExecuteScalar<long>("SELECT count(*) FROM documents");
                if (count >= atLeast)
                    return count;
            }
            catch (SqliteException)
            {
                // Not created yet.
            }
            Thread.Sleep(10);
        }
        throw new Xunit.Sdk.XunitException("no documents were stored within 120 s");
    }
}
