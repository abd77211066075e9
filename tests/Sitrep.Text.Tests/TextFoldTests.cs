using Sitrep.Text.Tests.Support;
using Sitrep.Geo.Text;

namespace Sitrep.Text.Tests;

public class TextFoldTests
{
    [Theory]
    [InlineData("Kokemäki", "kokemaki")]
    [InlineData("Mar'yinka", "maryinka")]
    [InlineData("Mar’yinka", "maryinka")]
    [InlineData("Ivano-Frankivsk", "ivano frankivsk")]
    [InlineData("  Łódź!", "lodz")]
    [InlineData("Kropyvnytskyï", "kropyvnytskyi")]
    public void Fold_lowercases_strips_accents_and_apostrophes(string input, string folded) =>
        Assert.Equal(folded, TextFold.Fold(input));

    [Theory]
    [InlineData("Mariinka", "Mar'yinka")]
    [InlineData("Mariinka", "Marinka")]
    [InlineData("Zaporizhzhia", "Zaporizhzhya")]
    [InlineData("Sloviansk", "Slovyansk")]
    public void Skeletons_of_transliterations_of_one_name_meet(string a, string b) =>
        Assert.Equal(TextFold.Skeleton(a), TextFold.Skeleton(b));

    [Theory]
    [InlineData("Shchastia", "Schastia")]
    [InlineData("Kherson", "Herson")]
    [InlineData("Khmelnytskyi", "Khmelnitskiy")]
    [InlineData("Mykhailivka", "Mihailivka")]
    [InlineData("Yenakiieve", "Yenakiyeve")]
    [InlineData("Marʺyinka", "Mar'yinka")]
    public void Skeletons_meet_across_shch_sch_kh_h_and_ye_ie(string a, string b) =>
        Assert.Equal(TextFold.SkeletonTokens(a), TextFold.SkeletonTokens(b));

    // Names written in Cyrillic here, transliterated by the official tables in Data/ at run time.
    public static TheoryData<string> UkrainianNames() =>
    [
        "Київ", "Харків", "Запоріжжя", "Щастя", "Ясинувата", "Єнакієве", "Хмельницький", "Мар'їнка",
        "Кропивницький", "Слов'янськ", "Ізюм", "Юріївка", "Олешки", "Новоселівка", "Гуляйполе",
        "Покровськ", "Соледар", "Чернігів", "Ізмаїл", "Бердянськ", "Підгороднє", "Очаків",
        "Любомирівка", "Яготин", "Їжаківка", "Жовті Води", "Білгород-Дністровський", "Куп'янськ",
    ];

    public static TheoryData<string> RussianNames() =>
    [
        "Харьков", "Шахты", "Ясногорск", "Юрга", "Хабаровск", "Щекино", "Ижевск", "Йошкар-Ола",
        "Белгород", "Курск", "Брянск", "Новочеркасск", "Таганрог", "Моздок", "Мариуполь", "Льгов",
        "Киев", "Днепропетровск", "Артемовск", "Купянск", "Изюм",
    ];

    [Theory]
    [MemberData(nameof(UkrainianNames))]
    public void Ukrainian_national_and_BGN_PCGN_transliterations_share_a_key(string cyrillic)
    {
        var table = Transliteration.Read("transliteration-uk.tsv");
        var national = Transliteration.Apply(table, cyrillic, (letter, row, initial, _) => initial ? row[1] : row[2]);
        var bgn = Transliteration.Apply(table, cyrillic, (letter, row, _, _) => row[3]);
        Assert.Equal(TextFold.SkeletonTokens(national), TextFold.SkeletonTokens(bgn));
    }

    [Theory]
    [MemberData(nameof(RussianNames))]
    public void Russian_BGN_PCGN_and_ICAO_transliterations_share_a_key(string cyrillic)
    {
        var table = Transliteration.Read("transliteration-ru.tsv");
        var bgn = Transliteration.Apply(table, cyrillic, (letter, row, initial, afterVowel) => initial || afterVowel ? row[1] : row[2]);
        var icao = Transliteration.Apply(table, cyrillic, (letter, row, _, _) => row[3]);
        Assert.Equal(TextFold.SkeletonTokens(bgn), TextFold.SkeletonTokens(icao));
    }

    [Theory]
    [InlineData("Kharkiv", "Kherson")]
    [InlineData("Lozova", "Lozovatka")]
    public void Skeletons_of_different_names_stay_apart(string a, string b) =>
        Assert.NotEqual(TextFold.Skeleton(a), TextFold.Skeleton(b));

    [Theory]
    [InlineData("kropivnitski", "kropinmitski", 2)]
    [InlineData("bakhmut", "bakhmut", 0)]
    [InlineData("avdiivka", "avdivka", 1)]
    public void Edit_distance_counts_letters_off(string a, string b, int distance) =>
        Assert.Equal(distance, TextFold.EditDistance(a, b, 3));

    [Fact]
    public void Edit_distance_stops_past_its_limit() =>
        Assert.Equal(2, TextFold.EditDistance("kharkiv", "odesa", 1));

    [Fact]
    public void Every_character_is_an_apostrophe_and_a_word_character_as_the_transliteration_reads_it()
    {
        // The tests split at ASCII for speed; the answer for each of the 65,536 characters is the one rule.
        const string apostrophes = "'\u2019\u2018\u02BC\u02B9\u02BA\u02EE`\u00B4\u2032";
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            var apostrophe = apostrophes.Contains(c);
            Assert.Equal(apostrophe, TextFold.IsApostrophe(c));
            Assert.Equal(char.IsLetterOrDigit(c) && !apostrophe || c is >= '\u0300' and <= '\u036F', TextFold.IsWordChar(c));
        }
    }
}
