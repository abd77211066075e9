namespace Sitrep.Core.Tests.Support;

/// <summary>A theory that needs the full place index: skipped with the reason when it is absent.</summary>
public sealed class GazetteerTheoryAttribute : TheoryAttribute
{
    public GazetteerTheoryAttribute()
    {
        if (Gazetteers.Path is null)
            Skip = "no place index: build one with 'sitrep gazetteer build' into .cache/gazetteer.idx or set SITREP_GAZETTEER";
    }
}
