namespace Sitrep.Cli.Tests;

/// <summary>A test that extracts needs the place index; without one it is skipped, saying how to build it.</summary>
public sealed class FactRequiresGazetteerAttribute : FactAttribute
{
    public FactRequiresGazetteerAttribute()
    {
        if (Repo.Gazetteer is null)
            Skip = "no place index (.cache/gazetteer.idx or $SITREP_GAZETTEER): run './sitrep gazetteer build' first";
    }
}

/// <summary>A test that scores against ../shared/eval/dev; skipped on a machine without ../shared.</summary>
public class FactRequiresDevSetAttribute : FactAttribute
{
    public FactRequiresDevSetAttribute() : this("dev")
    {
    }

    protected FactRequiresDevSetAttribute(string set)
    {
        if (!Directory.Exists(Path.Combine(Repo.Shared, "eval", set)))
            Skip = $"no ../shared/eval/{set} beside the checkout";
        else if (Repo.Gazetteer is null)
            Skip = "no place index (.cache/gazetteer.idx or $SITREP_GAZETTEER): run './sitrep gazetteer build' first";
    }
}

/// <summary>A test that scores against ../shared/eval/news; skipped on a machine without it.</summary>
public sealed class FactRequiresNewsSetAttribute : FactRequiresDevSetAttribute
{
    public FactRequiresNewsSetAttribute() : base("news")
    {
    }
}
