namespace Sitrep.Geo.Text;

/// <summary>
/// The words of a stretch of text as the index keys them, one skeleton at a time, without a list
/// or a builder: the geocoder reads the gap between every two neighbouring mentions and mostly
/// stops at its first word that is no qualifier or alias. <see cref="TextFold.SkeletonTokens"/>
/// is these words in a list.
/// </summary>
internal ref struct SkeletonWords(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _pos;

    /// <summary>The next word's skeleton (the thread's shared string of it), or null past the last.</summary>
    public string? Next()
    {
        var text = _text;
        var start = -1;
        for (var i = _pos; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            // A possessive 's ends the word, as the text tokenizer reads it ("People's Republic").
            var possessive = TextFold.IsApostrophe(c) && i + 1 < text.Length && text[i + 1] is 's' or 'S'
                             && (i + 2 >= text.Length || !TextFold.IsWordChar(text[i + 2]) && !TextFold.IsApostrophe(text[i + 2]));
            if (TextFold.IsWordChar(c))
            {
                if (start < 0)
                    start = i;
                continue;
            }
            if (!possessive && TextFold.IsApostrophe(c) && i > 0 && i + 1 < text.Length && TextFold.IsWordChar(text[i - 1]) && TextFold.IsWordChar(text[i + 1]))
                continue;
            var end = i;
            if (possessive)
                i++;
            if (start < 0)
                continue;
            // Skeleton folds the word characters of the span and leaves its inner apostrophes out,
            // as the token builder does; a word of marks alone folds to nothing and is no word.
            var skeleton = TextFold.Skeleton(text[start..end]);
            start = -1;
            if (skeleton.Length == 0)
                continue;
            _pos = i + 1;
            return skeleton;
        }
        _pos = text.Length + 1;
        return null;
    }
}
