namespace Sitrep.Text;

/// <summary>
/// Counts the steps the text stages take on the current thread: characters scanned while
/// splitting, tokens made, sentences kept, and the token pairs a sentence offers the
/// recognizers (each tokenized span's token count squared, the most any rule that looks across the sentence can
/// visit). Tests double an input and check that every count doubles: linear work shown by
/// counting, not by timing.
/// </summary>
internal static class WorkMeter
{
    [ThreadStatic] private static long _scanned;
    [ThreadStatic] private static long _tokens;
    [ThreadStatic] private static long _sentences;
    [ThreadStatic] private static long _tokenPairs;

    public static void Scanned(long chars) => _scanned += chars;

    /// <summary>One span tokenized (a sentence, for the recognizers): its tokens, and their pairs.</summary>
    public static void Tokenized(long tokens)
    {
        _tokens += tokens;
        _tokenPairs += tokens * tokens;
    }

    public static void Sentence() => _sentences++;

    /// <summary>The counts so far on this thread, and zero from here on.</summary>
    public static WorkCount Take()
    {
        var count = new WorkCount(_scanned, _tokens, _sentences, _tokenPairs);
        _scanned = _tokens = _sentences = _tokenPairs = 0;
        return count;
    }
}

/// <summary>What <see cref="WorkMeter"/> counted over one run.</summary>
internal readonly record struct WorkCount(long CharsScanned, long Tokens, long Sentences, long TokenPairs);
