namespace Sitrep.Geo.Index;

/// <summary>
/// A note beside an index ("gazetteer.idx.verified") that its checksum held: its length, last
/// write time and checksum trailer. While the file still has all three, a load trusts it without
/// reading all 40 MB again, so a short run reads only the pages its lookups reach (issue 12).
/// Any rewrite (a flipped byte written back, a partial copy, a rebuild) changes the write time,
/// and is checked in full. A file written in the last seconds gets no note: a rewrite within the
/// file system's clock tick could otherwise keep the same write time.
/// </summary>
internal static class VerifiedStamp
{
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(5);

    public static string PathOf(string index) => index + ".verified";

    public static bool Holds(string index, long length, DateTime written, ulong trailer)
    {
        var path = PathOf(index);
        try
        {
            return File.Exists(path) && File.ReadAllText(path) == Line(length, written, trailer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Notes a verified index; where the folder cannot be written, the next load verifies again.</summary>
    public static void Write(string index, long length, DateTime written, ulong trailer)
    {
        if (DateTime.UtcNow - written < Settled)
            return;
        var path = PathOf(index);
        var part = $"{path}.{Environment.ProcessId}.part";
        try
        {
            File.WriteAllText(part, Line(length, written, trailer));
            File.Move(part, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(part);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Nothing was written, or it cannot be taken away: either way the index is unchanged.
            }
        }
    }

    private static string Line(long length, DateTime written, ulong trailer) => $"{length} {written.Ticks} {trailer:x16}\n";
}
