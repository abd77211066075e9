namespace Sitrep.Geo.Resolution;

/// <summary>
/// Score arrays by length, one free list per thread: ranking writes one score per candidate, so
/// the states a thread reuses trade their arrays for ones of the length the next mention needs.
/// </summary>
internal static class ScoreArrays
{
    /// <summary>Longer arrays (names with very many namesakes) are rare enough to make each time.</summary>
    private const int MaxPooledLength = 64;

    /// <summary>Arrays of each length no state holds; an array is in one list or one state, never both.</summary>
    [ThreadStatic]
    private static Stack<double[]>?[]? _free;

    /// <summary>Gives <paramref name="old"/> back and takes an array of <paramref name="length"/>, its contents unspecified.</summary>
    public static double[] Exchange(double[] old, int length)
    {
        var free = _free ??= new Stack<double[]>?[MaxPooledLength + 1];
        if (old.Length is > 0 and <= MaxPooledLength)
            (free[old.Length] ??= new Stack<double[]>()).Push(old);
        if (length == 0)
            return [];
        if (length <= MaxPooledLength && free[length] is { Count: > 0 } stack)
            return stack.Pop();
        return new double[length];
    }
}
