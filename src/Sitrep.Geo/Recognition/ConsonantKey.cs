namespace Sitrep.Geo.Recognition;

/// <summary>
/// A looser spelling key than the skeleton: the consonants of a skeleton key, with a doubled
/// consonant or digraph told once. Ukrainian and Russian forms of one name differ mostly in their
/// vowels (Zaporizhzhia, Zaporozhye; Sievierodonetsk, Severodonetsk), and copy drops vowels of long
/// unfamiliar names ("Zaprozhia", "Sevrodonetsk"); their consonants agree.
/// </summary>
internal static class ConsonantKey
{
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>Whether the vowels of <paramref name="word"/> are those of <paramref name="name"/> with some left out.</summary>
    public static bool VowelsWithin(string word, string name)
    {
        var j = 0;
        foreach (var c in word)
        {
            if (!IsVowel(c))
                continue;
            while (j < name.Length && name[j] != c)
                j++;
            if (j == name.Length)
                return false;
            j++;
        }
        return true;
    }

    /// <summary>The key of a skeleton key (lower case, y already i).</summary>
    public static string Of(string skeleton)
    {
        Span<char> buffer = skeleton.Length <= 128 ? stackalloc char[skeleton.Length] : new char[skeleton.Length];
        var n = 0;
        foreach (var c in skeleton)
        {
            if (IsVowel(c))
                continue;
            if (n > 0 && buffer[n - 1] == c)
                continue;
            buffer[n++] = c;
            // "zhzh", "shsh", "chch": a geminate digraph of the Ukrainian spelling is one sound in the Russian.
            if (n >= 4 && buffer[n - 1] == 'h' && buffer[n - 3] == 'h' && buffer[n - 2] == buffer[n - 4])
                n -= 2;
        }
        return new string(buffer[..n]);
    }
}
