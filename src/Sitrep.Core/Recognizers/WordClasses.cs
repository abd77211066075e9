using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>
/// Closed word classes (prepositions, determiners, title words...) that the event rules read
/// by, from word-classes.tsv. A rule asks <c>WordClasses.Default.Is("locative", token)</c>.
/// </summary>
public sealed class WordClasses
{
    private static readonly Lazy<WordClasses> Shared = new(() => new WordClasses(DataFiles.ReadTable("word-classes.tsv")));

    private readonly Dictionary<string, HashSet<string>> _classes = new(StringComparer.Ordinal);

    private WordClasses(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            var words = row.Length > 1 ? row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            _classes[row[0]] = new HashSet<string>(words, StringComparer.Ordinal);
        }
    }

    public static WordClasses Default => Shared.Value;

    /// <summary>Whether the token belongs to the class: by lemma for "*-lemma" classes, else by folded form.</summary>
    public bool Is(string wordClass, Token token)
    {
        if (!_classes.TryGetValue(wordClass, out var words))
            throw new KeyNotFoundException($"word-classes.tsv has no class '{wordClass}'");
        return words.Contains(wordClass.EndsWith("-lemma", StringComparison.Ordinal) ? token.Lemma : token.Norm);
    }
}
