using Sitrep.Geo.Index;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Resolution;

/// <summary>Why a mention ended as it did; the benchmark groups failures by it.</summary>
internal enum MentionOutcome { Resolved, Ambiguous, NoMatch, Person, NotInIndex }

internal sealed record MentionResult(PlaceMention Mention, Place? Place, MentionOutcome Outcome, MentionState State);

/// <summary>A mention during ranking: its candidates, links to other mentions, and the current scores.</summary>
internal sealed class MentionState(PlaceMention mention, List<Candidate> candidates)
{
    public PlaceMention Mention { get; } = mention;
    /// <summary>The name folded once: ranking compares it with every nearby mention's, per candidate.</summary>
    public string FoldedName { get; } = TextFold.Fold(mention.Name);
    public List<Candidate> Candidates { get; } = candidates;
    public int Index { get; init; }
    public bool IsPerson { get; set; }
    /// <summary>The mention of the region or country that qualifies this one ("in the Kharkiv region").</summary>
    public int? Qualifier { get; set; }
    /// <summary>The divisions the recognizer folded into the mention ("Novoselivka, Kherson").</summary>
    public DivisionScope[] Divisions { get; init; } = [];
    /// <summary>Mentions that name the same place another way ("Krasnoye, called Sontsivka").</summary>
    public List<int> AliasOf { get; } = [];
    public double[] Scores { get; set; } = [];
    public double[] Evidence { get; set; } = [];
    public int? Best { get; set; }
    public double Margin { get; set; } = double.PositiveInfinity;
    /// <summary>The text left same-named villages tied closely enough for a prior to choose among them.</summary>
    public bool PriorAsked { get; set; }
}
