using System.Text;
using Sitrep.Geo.Text;

namespace Sitrep.Text.Tests;

// SkeletonTokens, and through it the place index, is built on SkeletonWords: both are held here
// to the builder loop the index was first keyed with (each word's characters folded one by one,
// then the whole word reduced to its skeleton), so the one splitter keys names as before.
public class SkeletonWordsTests
{
    private static List<string> BuilderReference(string name)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            var possessive = TextFold.IsApostrophe(c) && i + 1 < name.Length && name[i + 1] is 's' or 'S'
                             && (i + 2 >= name.Length || !TextFold.IsWordChar(name[i + 2]) && !TextFold.IsApostrophe(name[i + 2]));
            if (TextFold.IsWordChar(c))
                TextFold.AppendFolded(sb, c);
            else if (possessive)
            {
                if (sb.Length > 0)
                {
                    tokens.Add(TextFold.Skeleton(sb.ToString()));
                    sb.Clear();
                }
                i++;
            }
            else if (TextFold.IsApostrophe(c) && i > 0 && i + 1 < name.Length && TextFold.IsWordChar(name[i - 1]) && TextFold.IsWordChar(name[i + 1]))
                continue;
            else if (sb.Length > 0)
            {
                tokens.Add(TextFold.Skeleton(sb.ToString()));
                sb.Clear();
            }
        }
        return tokens;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var reader = new SkeletonWords(text);
        while (reader.Next() is { } w)
            words.Add(w);
        return words;
    }

    [Theory]
    [InlineData(" in the northeastern ")]
    [InlineData(", ")]
    [InlineData(" (")]
    [InlineData("")]
    [InlineData(" , also known as ")]
    [InlineData(" in the People's Republic of ")]
    [InlineData(" near the villages' edge, ")]
    [InlineData(" at Mar\u2019yinka's southern ")]
    [InlineData(" by the river\u02BCs bank ")]
    [InlineData(" 's ")]
    [InlineData("'s")]
    [InlineData(" Kh\u00E1rkiv\u2013Zaporizhzhya ")]
    [InlineData(" \u0301\u0301 ")]
    [InlineData(" \u0432 \u0425\u0430\u0440\u043A\u0456\u0432\u0441\u044C\u043A\u0456\u0439 \u043E\u0431\u043B\u0430\u0441\u0442\u0456 ")]
    [InlineData("O'Neill's shchastia 2022 rd")]
    public void A_gap_splits_into_the_words_the_builder_made(string gap)
    {
        Assert.Equal(BuilderReference(gap), Words(gap));
        Assert.Equal(BuilderReference(gap), TextFold.SkeletonTokens(gap));
    }

    [Fact]
    public void Any_mix_of_letters_marks_apostrophes_and_stops_splits_alike()
    {
        const string alphabet = "aAbkKhHsScyYiI09 ,.()-\u2019'`\u00B4\u02BC\u2032\u00E9\u00FC\u0301\u0436\u0416\u0457\u00DF\u1E9E";
        var random = new Random(25);
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = alphabet[random.Next(alphabet.Length)];
            var gap = new string(chars);
            Assert.Equal(BuilderReference(gap), Words(gap));
        }
    }
}
