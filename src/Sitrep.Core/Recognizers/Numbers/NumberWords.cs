using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>
/// The number-word lexicon (number-words.tsv) and the arithmetic that turns a run of number
/// words into a value. Shared by the number and date recognizers ("three weeks ago").
/// </summary>
internal static class NumberWords
{
    internal enum WordClass { Unit, Teen, Tens, Hundred, Dozen, Scale, Abbr }

    internal readonly record struct Entry(double Value, WordClass Class);

    private static readonly Lazy<Dictionary<string, Entry>> Table = new(Load);

    internal static Dictionary<string, Entry> Words => Table.Value;

    private static Dictionary<string, Entry> Load()
    {
        var table = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataFiles.ReadTable("number-words.tsv"))
        {
            if (row.Length < 3)
                throw new FormatException($"number-words.tsv: expected word, value, class in '{string.Join('\t', row)}'");
            table[row[0]] = new Entry(double.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<WordClass>(row[2], ignoreCase: true));
        }
        return table;
    }

    /// <summary>Words of one class, for splicing into a pattern.</summary>
    internal static IEnumerable<string> OfClass(WordClass wordClass) =>
        Words.Where(w => w.Value.Class == wordClass).Select(w => w.Key);

    internal static bool TryGet(ReadOnlySpan<char> word, out Entry entry) =>
        Words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out entry)
        || (!System.Text.Ascii.IsValid(word) && Words.TryGetValue(Sitrep.Text.Fold.CaseKey(word), out entry));

    /// <summary>number-grammar.tsv's "and" and the articles that stand for one ("a hundred").</summary>
    private static readonly Lazy<(string[] And, string[] Articles)> Joiners = new(() =>
    {
        var grammar = QuantityScanner.ReadGrammar();
        return (grammar["and"].ToArray(), grammar["article"].ToArray());
    });

    /// <summary>
    /// Value of a run such as "three hundred and twenty-four", "a dozen", "two dozen". The
    /// pattern has already checked the shape; this only does the sums. "a"/"an" count as one.
    /// </summary>
    internal static double? Parse(ReadOnlySpan<char> run)
    {
        double total = 0;
        var any = false;
        var i = 0;
        while (i < run.Length)
        {
            while (i < run.Length && !char.IsLetter(run[i]))
                i++;
            var s = i;
            while (i < run.Length && char.IsLetter(run[i]))
                i++;
            if (s == i)
                break;
            var word = run[s..i];
            if (TextScan.IsAnyOf(word, Joiners.Value.And))
                continue;
            if (TextScan.IsAnyOf(word, Joiners.Value.Articles))
            {
                total += 1;
                any = true;
                continue;
            }
            if (!TryGet(word, out var entry))
                return null;
            switch (entry.Class)
            {
                case WordClass.Unit or WordClass.Teen or WordClass.Tens:
                    total += entry.Value;
                    break;
                case WordClass.Hundred or WordClass.Dozen:
                    total = (total == 0 ? 1 : total) * entry.Value;
                    break;
                default:
                    return null;
            }
            any = true;
        }
        return any ? total : null;
    }
}
