namespace Sitrep.Geo;

// CONTRACT SKETCH: the geo work replaces these bodies; the signatures are what the extractor calls.

/// <summary>Sitrep's compact place index, built from GeoNames dumps by <c>sitrep gazetteer build</c>.</summary>
public sealed class Gazetteer
{
    /// <summary>Loads an index file written by the builder.</summary>
    public static Gazetteer Load(string path) => throw new NotImplementedException();

    /// <summary>The index the CLI uses when none is named: $SITREP_GAZETTEER, else .cache/gazetteer.idx above the working folder.</summary>
    public static string? DefaultPath() => throw new NotImplementedException();
}

/// <summary>A stretch of text that may name a place, before resolution.</summary>
public sealed record PlaceMention(int Start, int End, string Text, PlaceKind KindHint);

/// <summary>Finds place mentions in a span of text.</summary>
public sealed class PlaceRecognizer(Gazetteer gazetteer)
{
    public Gazetteer Gazetteer { get; } = gazetteer;

    public IReadOnlyList<PlaceMention> Find(string text, int start, int end) => throw new NotImplementedException();
}

/// <summary>Resolves the mentions of one document together, so that the region and the other places named pick among same-named candidates.</summary>
public sealed class Geocoder(Gazetteer gazetteer)
{
    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <summary>One result per mention, in order: a Place (coordinates null when unresolved), or null when the mention is not a place in context.</summary>
    public IReadOnlyList<Place?> Resolve(string text, IReadOnlyList<PlaceMention> mentions) => throw new NotImplementedException();
}
