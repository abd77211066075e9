using System.Buffers;
using Sitrep.Documents;

namespace Sitrep.Core.Tests.Documents;

/// <summary>
/// The short way to read a whole file takes only a regular file that is whole and under the
/// cap, giving its bytes exactly; everything else is left to the long way, which names it.
/// </summary>
public sealed class PosixTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-posix-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(200_003)]
    public void A_regular_file_is_read_whole(int length)
    {
        if (!Posix.Available)
            return; // Windows: always the long way
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        var path = Path.Combine(_dir, $"report-{length}.txt");
        File.WriteAllBytes(path, bytes);

        Assert.True(Posix.TryReadWhole(path, 1 << 20, ArrayPool<byte>.Shared, out var pooled));
        Assert.Equal(bytes, pooled.AsSpan().ToArray());
        ArrayPool<byte>.Shared.Return(pooled.Array!);

        Assert.True(Posix.TryReadWhole(path, length, null, out var fresh));
        Assert.Equal(bytes, fresh.AsSpan().ToArray());
    }

    [Fact]
    public void A_relative_path_is_read_from_the_working_folder()
    {
        if (!Posix.Available)
            return;
        var path = Path.Combine(_dir, "relative.txt");
        File.WriteAllText(path, "Two barges sank near the pier.");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        Assert.True(Posix.TryReadWhole(relative, 1 << 20, null, out var bytes));
        Assert.Equal("Two barges sank near the pier.", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_missing_file_a_folder_and_a_file_over_the_cap_are_left_to_the_long_way()
    {
        var big = Path.Combine(_dir, "big.txt");
        File.WriteAllBytes(big, new byte[1000]);
        Assert.False(Posix.TryReadWhole(Path.Combine(_dir, "missing.txt"), 1 << 20, null, out _));
        Assert.False(Posix.TryReadWhole(_dir, 1 << 20, null, out _));
        Assert.False(Posix.TryReadWhole(big, 999, null, out _));
        Assert.True(Posix.TryReadWhole(big, 1000, null, out _) || !Posix.Available);
    }

    [Fact]
    public void A_device_is_left_to_the_long_way()
    {
        if (!File.Exists("/dev/zero"))
            return;
        Assert.False(Posix.TryReadWhole("/dev/zero", 1 << 20, null, out _));
    }

    [Fact]
    public void A_report_and_its_sidecar_read_the_short_way_give_what_the_long_way_gave()
    {
        var path = Path.Combine(_dir, "2024-03-05_port.txt");
        File.WriteAllText(path, "Drones hit the port on Tuesday.\n");
        File.WriteAllText(Path.Combine(_dir, "2024-03-05_port.meta.json"), "{\"published\": \"2024-03-05\", \"source\": \"Wire\", \"title\": \"Port hit\"}");
        var doc = DocumentReader.Read(path);
        Assert.Equal("Drones hit the port on Tuesday.\n", doc.Text);
        Assert.Equal(new DateOnly(2024, 3, 5), doc.Meta.Published);
        Assert.Equal("Wire", doc.Meta.Source);
        Assert.Equal("Port hit", doc.Meta.Title);
    }
}
