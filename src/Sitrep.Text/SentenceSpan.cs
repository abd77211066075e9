namespace Sitrep.Text;

/// <summary>
/// Where one sentence of a document stands (offsets into its text): the layout the extractor's
/// segmenter found, handed to the geocoder so that it weighs "the same sentence" as the reader does.
/// </summary>
public readonly record struct SentenceSpan(int Start, int End);
