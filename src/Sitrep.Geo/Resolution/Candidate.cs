using Sitrep.Geo.Index;

namespace Sitrep.Geo.Resolution;

/// <summary>One place a mention may stand for, as recalled from the index.</summary>
/// <param name="Source">How the chosen name belongs to the entry: main names are preferred, even loosely spelt.</param>
/// <param name="Exact">The chosen name's fold equals the mention's.</param>
/// <param name="AnyExact">Some name of the entry, main or alternate, is spelt exactly as the mention.</param>
internal readonly record struct Candidate(int Entry, NameSource Source, bool Exact, bool Fuzzy, bool AnyExact = false)
{
    /// <summary>A primary, ASCII or curated name, not one of the many alternates.</summary>
    public bool ByMainName => (Source & NameSource.Alternate) == 0;
}

/// <summary>
/// What ranking reads of a candidate that no pass changes, read in the first pass and kept for
/// the next two: each pass asked the index for its country and oblast, fitted its kind and took
/// the logarithm of its population again.
/// </summary>
/// <param name="Prior">The score from its name, kind and country before anything the document says: the first terms of the sum, added in the same order.</param>
/// <param name="Population">The population term of a settlement (0 for other kinds, which do not add it).</param>
internal readonly record struct CandidateTraits(double Prior, double Population, string? Country, string? Admin1);

/// <summary>
/// What the document's countries and regions make of a candidate, read in the second pass and kept
/// for the third (the document's sets do not change between them).
/// </summary>
/// <param name="Score">Its prior with the country and region terms: the score's sum up to the text's own evidence.</param>
/// <param name="RegionEvidence">The evidence of its region named in the document (0 when not).</param>
internal readonly record struct DocumentTerms(double Score, double RegionEvidence);
