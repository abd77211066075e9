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
        if (Posix.Available)
        {
            try
            {
                if (Posix.Stat(path, out var status) != 0)
                    return new FileNode(FileKind.Missing, 0, 0);
                var kind = (status.Mode & Posix.TypeMask) switch
                {
                    Posix.RegularType => FileKind.Regular,
                    Posix.DirectoryType => FileKind.Directory,
                    _ => FileKind.Other,
                };
                return new FileNode(kind, status.Dev, status.Ino);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Posix.Available = false;
            }
        }
        // Without the runtime's POSIX layer (Windows): no pipes to fear; the full path is the identity.
        var full = Path.GetFullPath(path);
        var identity = StringComparer.Ordinal.GetHashCode(full);
        if (Directory.Exists(path))
            return new FileNode(FileKind.Directory, 0, identity);
        return File.Exists(path) ? new FileNode(FileKind.Regular, 0, identity) : new FileNode(FileKind.Missing, 0, 0);
    }
}
