namespace Sitrep.Cli.Commands;

/// <summary>
/// The first pass's output lines of a run, kept in a temporary file until the second pass writes
/// them out in input order, so that memory holds only each report's survey and not its events.
/// </summary>
internal sealed class ExtractSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly string _path;

    private ExtractSpill(FileStream file, string path)
    {
        _file = file;
        _path = path;
    }

    public static ExtractSpill Create()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-extract-{Guid.NewGuid():N}.jsonl");
        var windows = OperatingSystem.IsWindows();
        var file = Guard(path, () => new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1 << 16,
            windows ? FileOptions.DeleteOnClose : FileOptions.None));
        // Unlinked at once where the system allows it: the open handle still reads and writes it,
        // and nothing is left behind however the run ends (Ctrl+C, a crash, a kill).
        if (!windows)
            Guard(path, () => { File.Delete(path); return 0; });
        return new ExtractSpill(file, path);
    }

    /// <summary>Appends one report's lines, before any <see cref="Read"/>; returns where they lie.</summary>
    public (long Offset, int Length) Append(byte[] lines) => Guard(_path, () =>
    {
        var at = _file.Position;
        _file.Write(lines);
        return (at, lines.Length);
    });

    /// <summary>One report's lines as <see cref="Append"/> stored them, in a buffer of the spill's own that the next call overwrites.</summary>
    public ReadOnlyMemory<byte> Read(long offset, int length) => length == 0 ? ReadOnlyMemory<byte>.Empty : Guard(_path, () =>
    {
        if (_buffer.Length < length)
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        _file.Position = offset;
        _file.ReadExactly(_buffer, 0, length);
        return new ReadOnlyMemory<byte>(_buffer, 0, length);
    });

    private byte[] _buffer = new byte[1 << 14];

    public void Dispose() => _file.Dispose();

    private static T Guard<T>(string path, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpillException($"temporary file {path}: {e.Message}", e);
        }
    }
}

/// <summary>The temporary file of a run's first pass could not be written or read back (a full or read-only temp dir).</summary>
internal sealed class SpillException(string message, Exception inner) : Exception(message, inner);
