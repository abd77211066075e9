using System.Text;
using SmartReader;

namespace Sitrep.Feeds;

/// <summary>Which reader found an article's main text.</summary>
public enum ArticleReader { SmartReader, PageReader }

/// <summary>
/// The main text of an article page, as HTML that the report reader reads like any saved page.
/// SmartReader (a port of Mozilla's Readability) scores the blocks of the page and keeps the
/// article; a page it cannot score is handed whole to the report reader's own HTML cleaning.
/// BENCHMARKS.md has the comparison of the two on pages with heavy furniture.
/// </summary>
public static class ArticleText
{
    static ArticleText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The shortest text taken as an article: a wire flash is a few hundred characters, while
    /// what a scorer picks from a page without an article (a list of links, a login box) is less.
    /// </summary>
    private const int MinArticleChars = 200;

    public static (string Html, ArticleReader Reader) Extract(string html, Uri address)
    {
        Article article;
        try
        {
            // Its "probably readable" test is tuned for long-form pages and turns down most short
            // news reports (16 of the 20 test pages), whose content it nonetheless finds: the
            // content is judged here by its own length instead.
            article = new Reader(address.AbsoluteUri, html) { ContinueIfNotReadable = true }.GetArticle();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page that breaks the scorer is still a page: the report reader gets it whole.
            return (html, ArticleReader.PageReader);
        }
        if (string.IsNullOrWhiteSpace(article.Content) || (article.TextContent?.Trim().Length ?? 0) < MinArticleChars)
            return (html, ArticleReader.PageReader);
        var title = System.Net.WebUtility.HtmlEncode(article.Title ?? "");
        return ($"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>{article.Content}</article></body></html>", ArticleReader.SmartReader);
    }

    /// <summary>
    /// The page's text from its bytes: the charset the server named, else the one the page
    /// declares in its first kilobytes, else UTF-8. Undecodable bytes become U+FFFD.
    /// </summary>
    public static string Decode(byte[] body, string? charset)
    {
        var encoding = EncodingOf(charset) ?? EncodingOf(DeclaredCharset(body)) ?? Encoding.UTF8;
        var text = encoding.GetString(body);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static Encoding? EncodingOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DeclaredCharset(byte[] body)
    {
        var head = Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 2048));
        var at = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var start = at + "charset=".Length;
        var end = start;
        while (end < head.Length && (char.IsAsciiLetterOrDigit(head[end]) || head[end] is '-' or '_' or '"' or '\''))
            end++;
        return head[start..end];
    }
}
