namespace Sitrep.Geo.Index;

/// <summary>
/// An array of the place index read where it lies in the mapped file: a start-up touches only the
/// pages its lookups reach instead of copying 40 MB of arrays out first (issue 12).
/// </summary>
internal readonly unsafe struct IndexArray<T> where T : unmanaged
{
    private readonly T* _start;

    public IndexArray(T* start, int length)
    {
        _start = start;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<T> Span => new(_start, Length);

    public ref readonly T this[int i]
    {
        get
        {
            if ((uint)i >= (uint)Length)
                throw new IndexOutOfRangeException();
            return ref _start[i];
        }
    }

    public ReadOnlySpan<T> Slice(int start, int length) => Span.Slice(start, length);
}
