using Sitrep.Geo.Index;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Resolution;

/// <summary>Why a mention ended as it did; the benchmark groups failures by it.</summary>
internal enum MentionOutcome { Resolved, Ambiguous, NoMatch, Person, NotInIndex }

internal sealed record MentionResult(PlaceMention Mention, Place? Place, MentionOutcome Outcome, MentionState State);

/// <summary>A mention during ranking: its candidates, links to other mentions, and the current scores.</summary>
/// <remarks>
/// A thread ranks report after report with the same states (<see cref="Reset"/> clears all a
/// report wrote): a state, its candidate list and its links per mention were a quarter of what
/// ranking allocated.
/// </remarks>
internal sealed class MentionState
{
    public PlaceMention Mention { get; private set; } = null!;
    /// <summary>The name folded once: ranking compares it with every nearby mention's, per candidate.</summary>
    public string FoldedName { get; private set; } = "";
    public List<Candidate> Candidates { get; } = [];
    public int Index { get; private set; }
    public bool IsPerson { get; set; }
    /// <summary>The mention of the region or country that qualifies this one ("in the Kharkiv region").</summary>
    public int? Qualifier { get; set; }
    /// <summary>The divisions the recognizer folded into the mention ("Novoselivka, Kherson").</summary>
    public DivisionScope[] Divisions { get; private set; } = [];
    /// <summary>Mentions that name the same place another way ("Krasnoye, called Sontsivka").</summary>
    public List<int> AliasOf { get; } = [];
    /// <summary>One score per candidate; every pass writes all of them before any is read.</summary>
    public double[] Scores { get; set; } = [];
    public double[] Evidence { get; set; } = [];
    /// <summary>Per candidate, in candidate order, once <see cref="TraitsRead"/>; longer than the candidates when kept from an earlier mention.</summary>
    public CandidateTraits[] Traits { get; set; } = [];
    public bool TraitsRead { get; set; }
    /// <summary>Per candidate, once <see cref="DocumentTermsRead"/>; longer than the candidates when kept from an earlier mention.</summary>
    public DocumentTerms[] DocumentTerms { get; set; } = [];
    public bool DocumentTermsRead { get; set; }
    public int? Best { get; set; }
    public double Margin { get; set; } = double.PositiveInfinity;
    /// <summary>The text left same-named villages tied closely enough for a prior to choose among them.</summary>
    public bool PriorAsked { get; set; }

    /// <summary>The state of mention <paramref name="index"/> of a new report, its candidates still to be recalled.</summary>
    public MentionState Reset(PlaceMention mention, int index, DivisionScope[] divisions)
    {
        Mention = mention;
        // Reports name the same few places over and over: each name is folded once per thread.
        FoldedName = (_folds ??= new()).Get(mention.Name, FoldName);
        Index = index;
        Divisions = divisions;
        Candidates.Clear();
        // A name with thousands of namesakes should not pin its list for the rest of the thread's work.
        if (Candidates.Capacity > MaxKeptCandidates)
            Candidates.Capacity = 0;
        AliasOf.Clear();
        TraitsRead = false;
        if (Traits.Length > MaxKeptCandidates)
            Traits = [];
        DocumentTermsRead = false;
        if (DocumentTerms.Length > MaxKeptCandidates)
            DocumentTerms = [];
        IsPerson = false;
        Qualifier = null;
        Best = null;
        Margin = double.PositiveInfinity;
        PriorAsked = false;
        return this;
    }

    private const int MaxKeptCandidates = 1 << 12;

    [ThreadStatic]
    private static Sitrep.Text.WordFormCache<string>? _folds;

    private static readonly Func<ReadOnlySpan<char>, string> FoldName = name => TextFold.Fold(name);
}
