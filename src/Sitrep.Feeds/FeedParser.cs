using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Sitrep.Feeds;

/// <summary>One entry of a feed: the article it points to, and what the feed says about it.</summary>
public sealed record FeedItem(string Link, string? Title, DateTimeOffset? Published, DateTimeOffset? Updated, string? Source)
{
    /// <summary>What changes when the publisher revises the article: the later of its two dates.</summary>
    public string? Revision => (Updated ?? Published)?.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
}

/// <summary>A feed that cannot be read; the message says why, the caller names the feed.</summary>
public sealed class FeedFormatException(string problem) : Exception(problem);

/// <summary>
/// Reads RSS 2.0 (and the RDF 1.0 flavour) and Atom 1.0. Hand-written over a safe XmlReader rather
/// than System.ServiceModel.Syndication, which throws on a whole feed for one date it cannot parse;
/// publishers write dates in many ways, and one bad date should cost that date, not the feed.
/// </summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static IReadOnlyList<FeedItem> Parse(Stream xml, Uri baseUri)
    {
        XDocument document;
        try
        {
            // No DTDs: a feed has no use for them, and entity expansion is how XML bombs work.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = 64L * 1024 * 1024 };
            using var reader = XmlReader.Create(xml, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"not well-formed XML: {e.Message}");
        }
        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "rss" or "RDF" => ReadRss(root, baseUri),
            "feed" when root.Name.Namespace == Atom => ReadAtom(root, baseUri),
            _ => throw new FeedFormatException($"not an RSS or Atom feed (its root element is <{root.Name.LocalName}>)"),
        };
    }

    private static List<FeedItem> ReadRss(XElement root, Uri baseUri)
    {
        // RSS 2.0 keeps items in <channel>; RSS 1.0 (RDF) beside it. Both are read by local name.
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var feedTitle = Clean(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value);
        var items = new List<FeedItem>();
        foreach (var item in root.Descendants().Where(e => e.Name.LocalName == "item"))
        {
            var link = Child(item, "link") ?? PermalinkGuid(item);
            if (Resolve(link, baseUri) is not { } url)
                continue;
            var published = ParseDate(Child(item, "pubDate")) ?? ParseDate(item.Element(DublinCore + "date")?.Value);
            var source = Clean(Child(item, "source")) ?? feedTitle;
            items.Add(new FeedItem(url, Clean(Child(item, "title")), published, null, source));
        }
        return items;
    }

    private static List<FeedItem> ReadAtom(XElement root, Uri baseUri)
    {
        var feedTitle = Clean(root.Element(Atom + "title")?.Value);
        var items = new List<FeedItem>();
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            var links = entry.Elements(Atom + "link").ToList();
            var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
            if (Resolve((string?)alternate?.Attribute("href"), baseUri) is not { } url)
                continue;
            var source = Clean(entry.Element(Atom + "source")?.Element(Atom + "title")?.Value) ?? feedTitle;
            items.Add(new FeedItem(url, Clean(entry.Element(Atom + "title")?.Value),
                ParseDate(entry.Element(Atom + "published")?.Value), ParseDate(entry.Element(Atom + "updated")?.Value), source));
        }
        return items;
    }

    private static string? Child(XElement item, string localName) =>
        item.Elements().FirstOrDefault(e => e.Name.LocalName == localName && e.Name.Namespace != DublinCore)?.Value;

    /// <summary>An RSS guid is the article's address unless it says isPermaLink="false".</summary>
    private static string? PermalinkGuid(XElement item)
    {
        var guid = item.Elements().FirstOrDefault(e => e.Name.LocalName == "guid");
        return guid is null || (string?)guid.Attribute("isPermaLink") == "false" ? null : guid.Value;
    }

    /// <summary>An absolute http(s) address, relative ones resolved against the feed's own.</summary>
    private static string? Resolve(string? link, Uri baseUri)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(baseUri, link.Trim(), out var uri))
            return null;
        return uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
    }

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm:ss",
    ];

    /// <summary>North American zone names that RFC 822 allows and .NET does not read.</summary>
    private static readonly Dictionary<string, string> ZoneNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
    };

    /// <summary>An RFC 822 date (RSS), an RFC 3339 one (Atom, Dublin Core), or null for neither.</summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) && text.Contains('-'))
            return iso;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1)
        {
            var zone = parts[^1];
            if (ZoneNames.TryGetValue(zone, out var offset))
                parts[^1] = offset;
            else if (zone.Length == 5 && zone[0] is '+' or '-' && zone.Skip(1).All(char.IsAsciiDigit))
                parts[^1] = zone[..3] + ":" + zone[3..];
        }
        var normal = string.Join(' ', parts);
        if (DateTimeOffset.TryParseExact(normal, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var rfc))
            return rfc;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any) ? any : null;
    }
}
