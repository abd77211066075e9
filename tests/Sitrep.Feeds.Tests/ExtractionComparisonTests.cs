using System.Text.RegularExpressions;
using Sitrep.Documents;
using Xunit.Abstractions;

namespace Sitrep.Feeds.Tests;

/// <summary>
/// SmartReader against the report reader's own HTML cleaning, on the twenty test articles dressed in
/// five page layouts with navigation, advertisements, cookie banners, teasers and reader comments.
/// Precision and recall are over words (as multisets) of the article's headline and paragraphs.
/// The numbers are printed for BENCHMARKS.md; the test holds that the reader kept is the better one.
/// </summary>
public partial class ExtractionComparisonTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sitrep-extract-cmp-").FullName;

    private static List<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    private static (double Precision, double Recall) Score(string extracted, string gold)
    {
        var goldCounts = Words(gold).CountBy(w => w).ToDictionary();
        var got = Words(extracted);
        var hit = 0;
        foreach (var word in got)
        {
            if (goldCounts.TryGetValue(word, out var left) && left > 0)
            {
                hit++;
                goldCounts[word] = left - 1;
            }
        }
        return (got.Count == 0 ? 0 : (double)hit / got.Count, (double)hit / Words(gold).Count);
    }

    /// <summary>The text the report reader makes of <paramref name="html"/>, read from a file like any report.</summary>
    private string Read(string html, string name)
    {
        var path = Path.Combine(_dir, name + ".html");
        File.WriteAllText(path, html);
        return DocumentReader.Read(path).Text;
    }

    [Fact]
    public void The_kept_reader_scores_at_least_as_well_as_the_page_reader_alone()
    {
        var rows = new List<(int Layout, double PP, double PR, double SP, double SR, bool Fallback)>();
        foreach (var article in Fixtures.Articles)
        {
            var layout = article.Number % 5;
            var page = Fixtures.Page(article, layout);
            var gold = Fixtures.Gold(article);
            var (pageP, pageR) = Score(Read(page, article.Slug + "-page"), gold);
            var (html, reader) = ArticleText.Extract(page, new Uri($"http://127.0.0.1/{article.Slug}"));
            var (smartP, smartR) = Score(Read(html, article.Slug + "-smart"), gold);
            rows.Add((layout, pageP, pageR, smartP, smartR, reader == ArticleReader.PageReader));
        }
        output.WriteLine("layout\tpages\tpage-reader P\tpage-reader R\tSmartReader+fallback P\tSmartReader+fallback R\tfell back");
        foreach (var group in rows.GroupBy(r => r.Layout).OrderBy(g => g.Key))
            output.WriteLine($"{group.Key}\t{group.Count()}\t{group.Average(r => r.PP):0.000}\t{group.Average(r => r.PR):0.000}\t{group.Average(r => r.SP):0.000}\t{group.Average(r => r.SR):0.000}\t{group.Count(r => r.Fallback)}");
        var (pp, pr, sp, sr) = (rows.Average(r => r.PP), rows.Average(r => r.PR), rows.Average(r => r.SP), rows.Average(r => r.SR));
        output.WriteLine($"all\t{rows.Count}\t{pp:0.000}\t{pr:0.000}\t{sp:0.000}\t{sr:0.000}\t{rows.Count(r => r.Fallback)}");
        output.WriteLine($"F1: page reader {F1(pp, pr):0.000}, SmartReader with fallback {F1(sp, sr):0.000}");
        Assert.True(F1(sp, sr) >= F1(pp, pr), $"SmartReader with fallback F1 {F1(sp, sr):0.000} is below the page reader's {F1(pp, pr):0.000}: keep the better one");
    }

    [Fact]
    public void Comments_and_advertisements_are_left_out_by_SmartReader()
    {
        var article = Fixtures.Articles[10];
        var (html, reader) = ArticleText.Extract(Fixtures.Page(article, 1), new Uri("http://127.0.0.1/x"));
        Assert.Equal(ArticleReader.SmartReader, reader);
        var text = Read(html, "kept");
        Assert.Contains(article.Paragraphs[^1], text);
        Assert.DoesNotContain("Posted by", text);
        Assert.DoesNotContain("winter tyres", text);
    }

    [Theory]
    [InlineData("<html><body><p>Flash: explosions heard in the city centre.</p></body></html>")]
    [InlineData("<html><body><ul><li><a href='/a'>One</a></li><li><a href='/b'>Two</a></li></ul></body></html>")]
    public void A_page_without_an_article_SmartReader_can_score_goes_whole_to_the_page_reader(string page)
    {
        var (html, reader) = ArticleText.Extract(page, new Uri("http://127.0.0.1/x"));
        Assert.Equal(ArticleReader.PageReader, reader);
        Assert.Equal(page, html);
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
