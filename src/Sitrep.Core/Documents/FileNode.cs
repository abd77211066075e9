using System.Runtime.InteropServices;

namespace Sitrep.Documents;

/// <summary>What a path names once links are followed.</summary>
internal enum FileKind : byte { Missing, Regular, Directory, Other }

/// <summary>
/// A path's kind and identity (device and inode) after following links: the identity lets a
/// walk read each real file once and never loop through a link to a folder above it, and the
/// kind tells a report file from a pipe or device that would block or never end.
/// </summary>
internal readonly record struct FileNode(FileKind Kind, long Device, long Inode)
{
    public static FileNode Of(string path)
    {
        if (Native.Available)
        {
            try
            {
                if (Native.Stat(path, out var status) != 0)
                    return new FileNode(FileKind.Missing, 0, 0);
                var kind = (status.Mode & Native.TypeMask) switch
                {
                    Native.RegularType => FileKind.Regular,
                    Native.DirectoryType => FileKind.Directory,
                    _ => FileKind.Other,
                };
                return new FileNode(kind, status.Dev, status.Ino);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Native.Available = false;
            }
        }
        // Without the runtime's POSIX layer (Windows): no pipes to fear; the full path is the identity.
        var full = Path.GetFullPath(path);
        var identity = StringComparer.Ordinal.GetHashCode(full);
        if (Directory.Exists(path))
            return new FileNode(FileKind.Directory, 0, identity);
        return File.Exists(path) ? new FileNode(FileKind.Regular, 0, identity) : new FileNode(FileKind.Missing, 0, 0);
    }

    /// <summary>stat(2) through the .NET runtime's own POSIX shim, which ships with every runtime.</summary>
    private static class Native
    {
        public const int TypeMask = 0xF000;
        public const int RegularType = 0x8000;
        public const int DirectoryType = 0x4000;

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
    }
}
