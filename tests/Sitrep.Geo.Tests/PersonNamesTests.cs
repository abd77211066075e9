using Sitrep.Geo.Recognition;
using Sitrep.Geo.Tests.Support;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Tests;

/// <summary>
/// One scan of a sentence's words marks its person names for the recognizer and reads the
/// report's surnames, where two scans did: both must come out as the two scans gave them.
/// </summary>
public class PersonNamesTests
{
    private static readonly GeoLexicon Lex = GeoLexicon.Default;

    // Cues, given names, places of the small index, region and water words, "by", a cue only when capitalized, plain words.
    private static readonly string[] Vocabulary =
    [
        "President", "Minister", "Mr", "Capt.", "Lt.", "by", "By", "Volodymyr", "Oksana", "Vladimir", "Mark",
        "Zelensky", "Dreval", "Putin", "Rutte", "Kharkiv", "Kupiansk", "Bakhmut", "Donetsk", "Odesa", "Ivanivka",
        "Oblast", "region", "Sea", "Black", "Drones", "Crews", "said", "the", "in", "at", "struck", "Volodymyr-Volynskyi",
    ];

    private static readonly string[] Separators = [" ", " ", " ", "  ", ", ", ". ", "-", " \u00A0", "; "];

    private static string RandomText(Random random, int words)
    {
        var text = new System.Text.StringBuilder();
        for (var k = 0; k < words; k++)
        {
            if (k > 0)
                text.Append(Separators[random.Next(Separators.Length)]);
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
        }
        return text.ToString();
    }

    /// <summary>The scan as it was before it served both readers: marks only when complete, surnames to where it stops.</summary>
    private static int ReferenceScan(string text, List<WordToken> tokens, bool[]? blocked, HashSet<string>? surnames, bool complete)
    {
        blocked?.AsSpan(0, tokens.Count).Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!complete && i + PersonNames.MaxNameWords >= tokens.Count)
                return i;
            var t = tokens[i];
            var isCue = Lex.Is(t, t.Capitalized ? WordClass.PersonCue | WordClass.CapitalizedPersonCue : WordClass.PersonCue);
            var isGiven = t.Capitalized && Lex.Is(t, WordClass.GivenName);
            if (!isCue && !isGiven)
                continue;
            var last = -1;
            for (var j = i + 1; j < tokens.Count && j <= i + PersonNames.MaxNameWords; j++)
            {
                var gap = text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End);
                if (!tokens[j].Capitalized || gap.Length is 0 or > 3 || gap.IndexOfAnyExcept(" .\u00A0") >= 0)
                    break;
                if (Lex.Is(tokens[j], WordClass.RegionWord | WordClass.WaterWord))
                    break;
                if (blocked is not null)
                    blocked[j] = true;
                last = j;
            }
            if (last < 0)
                continue;
            if (isGiven && blocked is not null)
                blocked[i] = true;
            surnames?.Add(tokens[last].Key);
            i = last;
        }
        return tokens.Count;
    }

    [Fact]
    public void A_scan_that_is_not_complete_marks_as_a_complete_scan_and_reads_surnames_as_one_without_marks()
    {
        var random = new Random(29);
        var names = 0;
        for (var round = 0; round < 20_000; round++)
        {
            var text = RandomText(random, random.Next(0, 14));
            var tokens = WordTokenizer.Tokenize(text, 0, text.Length);
            var marks = new bool[tokens.Count + 2];
            var surnames = new HashSet<string>(StringComparer.Ordinal);
            var stop = PersonNames.Scan(text, new WordList(tokens), Lex, marks, surnames, complete: false);

            var referenceMarks = new bool[tokens.Count];
            ReferenceScan(text, tokens, referenceMarks, null, complete: true);
            var referenceSurnames = new HashSet<string>(StringComparer.Ordinal);
            var referenceStop = ReferenceScan(text, tokens, null, referenceSurnames, complete: false);

            Assert.Equal(referenceStop, stop);
            Assert.Equal(referenceSurnames.ToList(), surnames.ToList());
            Assert.Equal(referenceMarks, marks[..tokens.Count]);
            names += referenceMarks.Count(m => m);
        }
        Assert.True(names > 5_000, $"only {names} name words: the vocabulary no longer makes names");
    }

    [Fact]
    public void Reading_up_to_a_word_and_going_on_from_where_it_halted_reads_as_one_scan()
    {
        var random = new Random(30);
        for (var round = 0; round < 5_000; round++)
        {
            var text = RandomText(random, random.Next(1, 12));
            var tokens = WordTokenizer.Tokenize(text, 0, text.Length);
            var complete = random.Next(2) == 0;
            var halt = random.Next(tokens.Count + 1);
            var surnames = new HashSet<string>(StringComparer.Ordinal);
            var at = PersonNames.Read(text, new WordList(tokens), Lex, 0, halt, null, surnames, complete);
            var stop = at < halt ? at : PersonNames.Read(text, new WordList(tokens), Lex, at, int.MaxValue, null, surnames, complete);
            var whole = new HashSet<string>(StringComparer.Ordinal);
            Assert.Equal(ReferenceScan(text, tokens, null, whole, complete), stop);
            Assert.Equal(whole.ToList(), surnames.ToList());
        }
    }

    private static string Shown(PlaceMention m) =>
        $"{m.Start}-{m.End} {m.Text} {m.KindHint} {m.Name} {m.Bearing} {m.Fuzzy} {m.SettlementCue} [{string.Join(", ", m.Qualifiers)}] {m.Sector} {m.Dateline} {m.CityPart}";

    [Fact]
    public void Sentences_read_with_the_report_s_words_give_the_mentions_and_surnames_of_sentences_read_alone_and_of_one_split()
    {
        var random = new Random(31);
        var recognizer = new PlaceRecognizer(MiniGazetteer.Gazetteer);
        for (var round = 0; round < 1_500; round++)
        {
            var sentences = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomText(random, random.Next(0, 10))).ToList();
            var text = string.Join(". ", sentences) + ".";
            var words = new DocumentWords(text);
            var at = 0;
            foreach (var sentence in sentences)
            {
                var end = at + sentence.Length + 1;
                // Some text between sentences goes unread by the recognizer, as captions do.
                var start = random.Next(4) == 0 ? Math.Min(end, at + sentence.IndexOf(' ', StringComparison.Ordinal) + 1) : at;
                if (start <= at)
                    start = at;
                var kept = recognizer.Find(text, start, end, words).Select(Shown).ToList();
                var alone = recognizer.Find(text, start, end).Select(Shown).ToList();
                Assert.Equal(alone, kept);
                at = end + 1;
            }
            var surnames = new HashSet<string>(StringComparer.Ordinal);
            words.AddSurnames(text, surnames);
            var whole = new HashSet<string>(StringComparer.Ordinal);
            PersonNames.Mark(text, new WordList(WordTokenizer.Tokenize(text, 0, text.Length)), Lex, whole);
            Assert.Equal(whole.Order(StringComparer.Ordinal), surnames.Order(StringComparer.Ordinal));
        }
    }
}
