using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sitrep.Documents;

/// <summary>
/// The readable main text of an HTML page: one line per block element, scripts, navigation
/// and page furniture dropped. Offsets of HTML reports point into this text.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
        "button", "svg", "iframe", "figure", "figcaption", "select", "menu",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "dd", "dt", "time",
    };

    /// <summary>Whether plain text carries HTML paragraphs: at least two "&lt;p&gt;" and their closing tags.</summary>
    public static bool HasParagraphMarkup(string text)
    {
        var open = 0;
        var close = 0;
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && (open < 2 || close < 2); i = text.IndexOf('<', i + 1))
        {
            if (string.CompareOrdinal(text, i, "<p>", 0, 3) == 0 || string.CompareOrdinal(text, i, "<p ", 0, 3) == 0)
                open++;
            else if (string.CompareOrdinal(text, i, "</p>", 0, 4) == 0)
                close++;
        }
        return open >= 2 && close >= 2;
    }

    /// <summary>
    /// The deepest element nesting read. News pages nest a few dozen deep; a page nested
    /// thousands deep is hostile, and parsing it costs time that grows with the square of
    /// its depth, so it is refused before the parser sees it.
    /// </summary>
    public const int MaxDepth = 512;

    /// <summary>Elements that never hold others, or whose end the parser implies when a sibling opens.</summary>
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rt", "rp",
        "!doctype",
    };

    /// <summary>Tag names are looked up as slices of the page, not copied out of it.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNestingName = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "noscript"];

    /// <summary>
    /// How deep the tags of <paramref name="html"/> nest, counted on the raw text in one pass:
    /// each start tag of an element that can hold others one level down, each end tag one up.
    /// </summary>
    public static int NestingDepth(string html)
    {
        var depth = 0;
        var deepest = 0;
        var i = html.IndexOf('<');
        while (i >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? -1 : html.IndexOf('<', close + 3);
                continue;
            }
            var closing = html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '!' or '-' or ':'))
                nameEnd++;
            var gt = html.IndexOf('>', nameEnd);
            if (gt < 0)
                break; // no tag closes after this point, so none opens either
            if (nameEnd == nameStart)
            {
                i = html.IndexOf('<', i + 1);
                continue;
            }
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var selfClosing = html[gt - 1] == '/';
            if (closing)
            {
                if (!NotNestingName.Contains(name))
                    depth = Math.Max(0, depth - 1);
            }
            else if (!selfClosing && !NotNestingName.Contains(name))
            {
                deepest = Math.Max(deepest, ++depth);
                var raw = RawTextNamed(name);
                if (raw is not null)
                {
                    // Script and style hold text, not tags: jump to their end tag.
                    var end = html.IndexOf("</" + raw, gt, StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? -1 : end;
                    continue;
                }
            }
            i = html.IndexOf('<', gt + 1);
        }
        Text.WorkMeter.Scanned(html.Length);
        return deepest;
    }

    /// <summary>A builder kept per thread for the next page; one grown past this is let go.</summary>
    private const int MaxKeptChars = 1 << 20;

    [ThreadStatic]
    private static StringBuilder? _kept;

    private static string? RawTextNamed(ReadOnlySpan<char> name)
    {
        foreach (var raw in RawText)
        {
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase))
                return raw;
        }
        return null;
    }

    public static string MainText(string html)
    {
        var sb = _kept ?? new StringBuilder();
        _kept = null;
        try
        {
            return MainText(html, sb.Clear());
        }
        finally
        {
            if (sb.Capacity <= MaxKeptChars)
                _kept = sb;
        }
    }

    /// <summary>
    /// A parser kept per thread: making one builds AngleSharp's configuration and services, which
    /// cost as much as parsing a short page; a parser holds nothing of the pages it parsed.
    /// </summary>
    [ThreadStatic]
    private static HtmlParser? _parser;

    /// <summary>Where the root's own text is gathered to look for the title in, kept per thread like the page's.</summary>
    [ThreadStatic]
    private static StringBuilder? _rootText;

    private static string MainText(string html, StringBuilder sb)
    {
        var document = (_parser ??= new HtmlParser()).ParseDocument(html);
        // The first element of each name in document order, as a CSS type selector finds it,
        // without parsing a selector per page.
        var root = FirstNamed(document, "article") ?? FirstNamed(document, "main") ?? document.Body;
        var title = FirstNamed(document, "h1")?.TextContent ?? document.Title;
        if (root is not null && !string.IsNullOrWhiteSpace(title) && !HoldsText(root, title.Trim()))
            sb.Append(Collapse(title)).Append('\n');
        if (root is not null)
            Walk(root, sb);
        return Tidy(sb);
    }

    internal static IElement? FirstNamed(INode node, string name)
    {
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is not IElement element)
                continue;
            if (element.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))
                return element;
            if (FirstNamed(element, name) is { } found)
                return found;
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="root"/>'s text content (its text nodes joined in document order)
    /// holds <paramref name="text"/>, gathered in a kept builder instead of a new string per page.
    /// </summary>
    internal static bool HoldsText(IElement root, string text)
    {
        var gathered = _rootText ?? new StringBuilder();
        _rootText = null;
        try
        {
            GatherText(root, gathered.Clear());
            var pool = System.Buffers.ArrayPool<char>.Shared;
            var buffer = pool.Rent(gathered.Length);
            try
            {
                gathered.CopyTo(0, buffer, gathered.Length);
                return buffer.AsSpan(0, gathered.Length).IndexOf(text, StringComparison.Ordinal) >= 0;
            }
            finally
            {
                pool.Return(buffer);
            }
        }
        finally
        {
            if (gathered.Capacity <= MaxKeptChars)
                _rootText = gathered;
        }
    }

    private static void GatherText(INode node, StringBuilder sb)
    {
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText text)
                sb.Append(text.Data);
            else
                GatherText(child, sb);
        }
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        // By index: a foreach over the node list boxes an enumerator per element.
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            switch (children[i])
            {
                case IText text:
                    AppendCollapsed(sb, text.Data);
                    break;
                case IElement element when Dropped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                        sb.Append('\n');
                    Walk(element, sb);
                    if (block)
                        sb.Append('\n');
                    break;
            }
        }
    }

    /// <summary>
    /// Appends a text node with its whitespace runs collapsed to one space, keeping a space at
    /// either edge when the text has one there: "Drones <b>hit</b> the port" keeps both spaces
    /// around "hit" but never doubles one.
    /// </summary>
    private static void AppendCollapsed(StringBuilder sb, string text)
    {
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
                AppendSpace(sb);
            space = false;
            sb.Append(c);
        }
        if (space)
            AppendSpace(sb);
    }

    private static void AppendSpace(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] is not (' ' or '\n'))
            sb.Append(' ');
    }

    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        if (space)
            sb.Append(' ');
        return sb.ToString();
    }

    /// <summary>
    /// The lines of the walked text, each trimmed, the blank ones dropped, joined by newlines:
    /// built in one pooled buffer, so a page's text is copied once into its final string.
    /// </summary>
    private static string Tidy(StringBuilder sb)
    {
        var length = sb.Length;
        var pool = System.Buffers.ArrayPool<char>.Shared;
        var buffer = pool.Rent(length);
        try
        {
            sb.CopyTo(0, buffer, length);
            var text = buffer.AsSpan(0, length);
            // Lines only shrink and move left, so each can be written over the text already read.
            var written = 0;
            foreach (var range in text.Split('\n'))
            {
                var line = text[range].Trim();
                if (line.IsEmpty)
                    continue;
                if (written > 0)
                    buffer[written++] = '\n';
                line.CopyTo(buffer.AsSpan(written));
                written += line.Length;
            }
            return new string(buffer, 0, written);
        }
        finally
        {
            pool.Return(buffer);
        }
    }
}
