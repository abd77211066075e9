using System.Text;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Tests;

/// <summary>
/// The spelling key against the official romanization tables. A name written in Cyrillic is
/// romanized by two tables, each row written out here; both spellings must get the same skeleton
/// key (the index's token key), or where a table adds vowels the other drops, the same consonant key
/// with the shorter spelling's vowels inside the longer's (the recognizer's vowel-blind tier).
/// Two rows do not meet and are left out: the national "zgh" for зг (BGN/PCGN writes "z·h", and
/// "zgh" keys apart from "zh"), and BGN/PCGN's soft sign before a final s ("Engel's"), which the
/// key reads as a possessive.
/// </summary>
public class TransliterationTableTests
{
    // Ukrainian national system, Cabinet of Ministers resolution No. 55 of 27 January 2010:
    // letter, at the start of a word, elsewhere. The soft sign and the apostrophe are not written.
    private static readonly Dictionary<char, (string Initial, string Elsewhere)> UkrainianNational2010 = new()
    {
        ['а'] = ("a", "a"), ['б'] = ("b", "b"), ['в'] = ("v", "v"), ['г'] = ("h", "h"), ['ґ'] = ("g", "g"),
        ['д'] = ("d", "d"), ['е'] = ("e", "e"), ['є'] = ("ye", "ie"), ['ж'] = ("zh", "zh"), ['з'] = ("z", "z"),
        ['и'] = ("y", "y"), ['і'] = ("i", "i"), ['ї'] = ("yi", "i"), ['й'] = ("y", "i"), ['к'] = ("k", "k"),
        ['л'] = ("l", "l"), ['м'] = ("m", "m"), ['н'] = ("n", "n"), ['о'] = ("o", "o"), ['п'] = ("p", "p"),
        ['р'] = ("r", "r"), ['с'] = ("s", "s"), ['т'] = ("t", "t"), ['у'] = ("u", "u"), ['ф'] = ("f", "f"),
        ['х'] = ("kh", "kh"), ['ц'] = ("ts", "ts"), ['ч'] = ("ch", "ch"), ['ш'] = ("sh", "sh"), ['щ'] = ("shch", "shch"),
        ['ь'] = ("", ""), ['ю'] = ("yu", "iu"), ['я'] = ("ya", "ia"), ['\''] = ("", ""),
    };

    // BGN/PCGN 1965 for Ukrainian, as GeoNames' older spellings have it. The table writes the soft
    // sign as ʼ and the apostrophe as ” ; GeoNames and copy write both as ' or ’, which is used here.
    private static readonly Dictionary<char, string> UkrainianBgnPcgn = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "h", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['є'] = "ye",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "y", ['і'] = "i", ['ї'] = "yi", ['й'] = "y", ['к'] = "k", ['л'] = "l",
        ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u",
        ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ь'] = "’",
        ['ю'] = "yu", ['я'] = "ya", ['\''] = "’",
    };

    // BGN/PCGN 1947 for Russian (GeoNames' Russian names). е is "ye" at the start of a word and
    // after a vowel, й, ъ or ь; ё likewise "yë"; ь and ъ are ʹ and ʺ, written here as ' .
    private static readonly Dictionary<char, string> RussianBgnPcgn = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p",
        ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch",
        ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "'", ['ы'] = "y", ['ь'] = "'", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    // Russian passports since 2014 (ICAO Doc 9303): the other Russian spelling copy meets.
    private static readonly Dictionary<char, string> RussianPassport = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "i", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p",
        ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch",
        ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "ie", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "iu", ['я'] = "ia",
    };

    private static string National(string cyrillic)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cyrillic.Length; i++)
        {
            var c = char.ToLowerInvariant(cyrillic[i]);
            if (!UkrainianNational2010.TryGetValue(c, out var row))
            {
                sb.Append(c);
                continue;
            }
            var initial = i == 0 || cyrillic[i - 1] is ' ' or '-';
            // "зг" is "zgh", so that it is not read as "ж".
            sb.Append(c == 'г' && i > 0 && char.ToLowerInvariant(cyrillic[i - 1]) == 'з' ? "gh" : initial ? row.Initial : row.Elsewhere);
        }
        return sb.ToString();
    }

    private static string ByTable(string cyrillic, Dictionary<char, string> table, bool russianYe)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cyrillic.Length; i++)
        {
            var c = char.ToLowerInvariant(cyrillic[i]);
            var afterVowel = i == 0 || "аеёиоуыэюяйъь -".Contains(char.ToLowerInvariant(cyrillic[i - 1]));
            if (russianYe && c is 'е' or 'ё' && afterVowel)
                sb.Append("ye");
            else
                sb.Append(table.TryGetValue(c, out var s) ? s : c.ToString());
        }
        return sb.ToString();
    }

    private static string Key(string latin) => string.Join(" ", TextFold.SkeletonTokens(latin));

    private static bool Meet(string a, string b)
    {
        if (Key(a) == Key(b))
            return true;
        // The vowel-blind tier: one spelling's vowels inside the other's, the same consonants.
        var (shorter, longer) = Key(a).Length <= Key(b).Length ? (Key(a), Key(b)) : (Key(b), Key(a));
        return Recognition.ConsonantKey.Of(shorter) == Recognition.ConsonantKey.Of(longer) && Recognition.ConsonantKey.VowelsWithin(shorter, longer);
    }

    [Theory]
    [InlineData("Харків")]
    [InlineData("Запоріжжя")]
    [InlineData("Миколаїв")]
    [InlineData("Слов'янськ")]
    [InlineData("Єнакієве")]
    [InlineData("Юр'ївка")]
    [InlineData("Щастя")]
    [InlineData("Ізюм")]
    [InlineData("Гайове")]
    [InlineData("Яготин")]
    [InlineData("Маріуполь")]
    [InlineData("Гуляйполе")]
    [InlineData("Хмельницький")]
    [InlineData("Кропивницький")]
    [InlineData("Святогірськ")]
    [InlineData("Чорнобаївка")]
    [InlineData("Ґалаґанівка")]
    [InlineData("Велика Новосілка")]
    [InlineData("Кам'янське")]
    public void Ukrainian_national_and_bgn_pcgn_spellings_get_one_key(string cyrillic)
    {
        var national = National(cyrillic);
        var bgn = ByTable(cyrillic, UkrainianBgnPcgn, russianYe: false);
        Assert.True(Key(national) == Key(bgn), $"{cyrillic}: {national} -> {Key(national)}, {bgn} -> {Key(bgn)}");
    }

    [Theory]
    [InlineData("Брянск")]
    [InlineData("Белгород")]
    [InlineData("Воронеж")]
    [InlineData("Ростов-на-Дону")]
    [InlineData("Таганрог")]
    [InlineData("Новошахтинск")]
    [InlineData("Шебекино")]
    [InlineData("Льгов")]
    [InlineData("Щёкино")]
    [InlineData("Суджа")]
    [InlineData("Курчатов")]
    [InlineData("Мариуполь")]
    [InlineData("Запорожье")]
    [InlineData("Николаев")]
    [InlineData("Ясиноватая")]
    [InlineData("Юрьевка")]
    public void Russian_bgn_pcgn_and_passport_spellings_meet(string cyrillic)
    {
        var bgn = ByTable(cyrillic, RussianBgnPcgn, russianYe: true);
        var passport = ByTable(cyrillic, RussianPassport, russianYe: false);
        Assert.True(Meet(bgn, passport), $"{cyrillic}: {bgn} -> {Key(bgn)}, {passport} -> {Key(passport)}");
    }

    [Fact]
    public void Every_letter_of_both_alphabets_has_a_row()
    {
        foreach (var c in "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
        {
            Assert.True(UkrainianNational2010.ContainsKey(c), $"national: {c}");
            Assert.True(UkrainianBgnPcgn.ContainsKey(c), $"BGN/PCGN Ukrainian: {c}");
        }
        foreach (var c in "абвгдежзийклмнопрстуфхцчшщъыьэюя")
        {
            Assert.True(RussianBgnPcgn.ContainsKey(c), $"BGN/PCGN Russian: {c}");
            Assert.True(RussianPassport.ContainsKey(c), $"passport: {c}");
        }
    }
}
