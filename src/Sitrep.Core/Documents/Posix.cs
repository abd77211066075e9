using System.Runtime.InteropServices;

namespace Sitrep.Documents;

/// <summary>
/// stat, open, read and close through the .NET runtime's own POSIX shim (System.Native), which
/// ships with every runtime on Linux and macOS. A batch reads two small files per report, and
/// on a virtual machine every system call is dear: <see cref="FileStream"/> spends about eleven
/// on a file (the working folder, three fstat, two flock, an fadvise, two reads), this four.
/// </summary>
internal static class Posix
{
    public const int TypeMask = 0xF000;
    public const int RegularType = 0x8000;
    public const int DirectoryType = 0x4000;

    /// <summary>System.Native's own open flags (pal_io.h), not the kernel's.</summary>
    private const int ReadOnly = 0x0000;
    private const int CloseOnExec = 0x0010;

    /// <summary>False on Windows, and once a call finds the shim or one of its functions missing.</summary>
    public static bool Available = !OperatingSystem.IsWindows();

    /// <summary>The runtime's FileStatus, field for field (System.Native/pal_io.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime;
        public long ATimeNsec;
        public long MTime;
        public long MTimeNsec;
        public long CTime;
        public long CTimeNsec;
        public long BirthTime;
        public long BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    private static extern int FStat(nint fd, out FileStatus status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Open")]
    private static extern nint Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Read")]
    private static extern int Read(nint fd, byte[] buffer, int count);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Close")]
    private static extern int Close(nint fd);

    /// <summary>
    /// The whole of a regular file of at most <paramref name="maxBytes"/> bytes, in an array from
    /// <paramref name="pool"/> (or a new one), read in one call; false for anything else (a
    /// missing or unreadable file, a pipe or device, a file over the cap, one that grew or shrank
    /// while read, a failed call). The caller then reads it the long way, which names the problem.
    /// </summary>
    public static bool TryReadWhole(string path, long maxBytes, System.Buffers.ArrayPool<byte>? pool, out ArraySegment<byte> bytes)
    {
        bytes = default;
        if (!Available)
            return false;
        try
        {
            return TryReadOpen(path, maxBytes, pool, out bytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Available = false;
            return false;
        }
    }

    private static bool TryReadOpen(string path, long maxBytes, System.Buffers.ArrayPool<byte>? pool, out ArraySegment<byte> bytes)
    {
        bytes = default;
        var fd = Open(path, ReadOnly | CloseOnExec, 0);
        if (fd < 0)
            return false;
        byte[]? buffer = null;
        try
        {
            if (FStat(fd, out var status) != 0 || (status.Mode & TypeMask) != RegularType || status.Size > maxBytes || status.Size >= int.MaxValue)
                return false;
            var length = (int)status.Size;
            // One byte over the length: a regular file read short of the request is at its end,
            // so a single read both takes the file and shows it did not grow since fstat.
            buffer = pool?.Rent(length + 1) ?? new byte[length + 1];
            if (Read(fd, buffer, length + 1) != length)
                return false;
            bytes = new ArraySegment<byte>(buffer, 0, length);
            buffer = null;
            return true;
        }
        finally
        {
            if (buffer is not null)
                pool?.Return(buffer);
            Close(fd);
        }
    }
}
