namespace Sitrep.Documents;

/// <summary>The sidecar NAME.meta.json of a report; <see cref="Published"/> anchors relative dates.</summary>
public sealed record DocumentMeta(DateOnly? Published, string? Source, string? Url, string? Title)
{
    public static DocumentMeta Empty { get; } = new(null, null, null, null);
}

/// <summary>
/// One report as it flows through the pipeline. <see cref="Text"/> is the text every offset
/// points into: the file as read for plain text, the extracted main text for HTML.
/// </summary>
public sealed record Document(string Id, string Path, string Text, DocumentMeta Meta, string ContentHash);
