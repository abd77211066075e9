using System.Text;

namespace Sitrep.Text.Tests.Support;

/// <summary>Applies a transliteration table of tests/Data (letter → forms) to a Cyrillic name.</summary>
internal static class Transliteration
{
    private const string Vowels = "аеєиіїоуыэюяйъь";

    public static Dictionary<char, string[]> Read(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", file);
        var table = new Dictionary<char, string[]>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var fields = line.Split('\t');
            table[fields[0][0]] = fields;
        }
        return table;
    }

    /// <summary>Each letter by <paramref name="pick"/>(letter, row, at the start of a word, after a vowel); capitals kept.</summary>
    public static string Apply(Dictionary<char, string[]> table, string cyrillic, Func<char, string[], bool, bool, string> pick)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cyrillic.Length; i++)
        {
            var c = cyrillic[i];
            var lower = char.ToLowerInvariant(c);
            if (!table.TryGetValue(lower, out var row))
            {
                sb.Append(c);
                continue;
            }
            var initial = i == 0 || !char.IsLetter(cyrillic[i - 1]) && cyrillic[i - 1] != '\'';
            var afterVowel = i > 0 && Vowels.Contains(char.ToLowerInvariant(cyrillic[i - 1]));
            var latin = pick(lower, row, initial, afterVowel);
            sb.Append(char.IsUpper(c) && latin.Length > 0 ? char.ToUpperInvariant(latin[0]) + latin[1..] : latin);
        }
        return sb.ToString();
    }
}
