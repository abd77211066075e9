using System.Text;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Index;

/// <summary>
/// The names copy gives a raion, derived from its GeoNames name by the rules of raion-forms.tsv:
/// GeoNames files a raion either by its town ("Pokrovsk Raion") or as an adjective ("Sumskyi
/// Raion", "Kupianska Miskrada"), while copy writes either way and with any division word
/// ("Pokrovskyi district", "Bakhmutskyi raion", "Pokrovsky district", "Sumskyi"). One rule over
/// every ADM2 name, so no raion needs an alias of its own.
/// </summary>
internal sealed class RaionForms
{
    private readonly HashSet<string> _strip = new(StringComparer.Ordinal);
    private readonly List<string> _divisions = [];
    private readonly List<(string Ending, bool Bare)> _endings = [];
    private readonly List<string> _vowels = [];
    private readonly List<(string From, string To)> _consonants = [];

    public RaionForms(string dataDir)
    {
        const string file = "raion-forms.tsv";
        foreach (var r in GeoData.ReadTable(dataDir, file))
        {
            var value = GeoData.Field(r, 1).ToLowerInvariant();
            if (value.Length == 0)
                throw new InvalidDataException($"{file}: row '{r[0]}' has no value in column 2");
            switch (r[0])
            {
                case "strip": _strip.Add(TextFold.Skeleton(value)); break;
                case "division": _divisions.Add(value); break;
                case "ending": _endings.Add((value, GeoData.Field(r, 2) == "bare")); break;
                case "vowel": _vowels.Add(value); break;
                case "consonant":
                    _consonants.Add((value, GeoData.Field(r, 2) is { Length: > 0 } to
                        ? to : throw new InvalidDataException($"{file}: consonant '{value}' has no replacement in column 3")));
                    break;
                default: throw new InvalidDataException($"{file}: unknown kind '{r[0]}' (strip, division, ending, vowel or consonant)");
            }
        }
        // Longest first, so "kyi" is tried before "ky" and "zhzh" before "zh".
        _endings.Sort((a, b) => b.Ending.Length.CompareTo(a.Ending.Length));
        _vowels.Sort((a, b) => b.Length.CompareTo(a.Length));
        _consonants.Sort((a, b) => b.From.Length.CompareTo(a.From.Length));
    }

    /// <summary>The names copy gives the division GeoNames calls <paramref name="name"/>; none when its town is not one word.</summary>
    public IEnumerable<string> Of(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Where(w => !_strip.Contains(TextFold.Skeleton(w))).ToArray();
        if (words.Length != 1)
            yield break;
        var town = WithoutApostrophes(words[0]);
        if (town.Length < 3)
            yield break;
        var stem = AdjectiveStem(town);
        if (stem is null)
        {
            // A town's name: "Pokrovsk district" as well as the adjectives.
            foreach (var d in _divisions)
                yield return $"{town} {d}";
            stem = StemOfTown(town);
        }
        if (stem.Length < 3)
            yield break;
        foreach (var (ending, bare) in _endings)
        {
            var adjective = stem + ending;
            if (bare)
                yield return adjective;
            foreach (var d in _divisions)
                yield return $"{adjective} {d}";
        }
    }

    /// <summary>"Kupianska" → "Kupians", "Sumskyi" → "Sums": the name is already an adjective; else null.</summary>
    private string? AdjectiveStem(string word)
    {
        foreach (var (ending, _) in _endings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)
                && char.ToLowerInvariant(word[^(ending.Length + 1)]) is 's' or 'z')
                return word[..^ending.Length];
        }
        return null;
    }

    /// <summary>"Pokrovsk" → "Pokrovs", "Volnovakha" → "Volnovas", "Bakhmut" → "Bakhmuts".</summary>
    private string StemOfTown(string town)
    {
        var stem = town;
        foreach (var v in _vowels)
        {
            if (stem.Length > v.Length + 2 && stem.EndsWith(v, StringComparison.OrdinalIgnoreCase))
            {
                stem = stem[..^v.Length];
                break;
            }
        }
        foreach (var (from, to) in _consonants)
            if (stem.EndsWith(from, StringComparison.OrdinalIgnoreCase))
                return stem[..^from.Length] + to;
        return stem + "s";
    }

    private static string WithoutApostrophes(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
            if (!TextFold.IsApostrophe(c))
                sb.Append(c);
        return sb.ToString();
    }
}
