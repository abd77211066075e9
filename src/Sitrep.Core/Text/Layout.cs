namespace Sitrep.Text;

/// <summary>Where a sentence stands in the report: body copy, or a headline or subhead.</summary>
public enum SentenceRole : byte { Body, Headline }

/// <summary>A sentence to read, with offsets into the document text.</summary>
public readonly record struct Sentence(int Start, int End, int Paragraph, int Section, SentenceRole Role);

/// <summary>
/// A live-blog post or a stretch under one subhead: the scope within which two mentions of
/// an event are taken to be the same event.
/// </summary>
public readonly record struct Section(int Index, int Start, int End);

/// <summary>The report cut into what is read: sections, sentences; noise already left out.</summary>
public sealed record Layout(IReadOnlyList<Section> Sections, IReadOnlyList<Sentence> Sentences);
