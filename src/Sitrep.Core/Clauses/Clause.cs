namespace Sitrep.Clauses;

/// <summary>Tokens <c>First</c> up to, not including, <c>Last</c>, in a sentence's token list.</summary>
public readonly record struct TokenSpan(int First, int Last)
{
    public bool IsEmpty => Last <= First;
    public bool Contains(int token) => First <= token && token < Last;
    public override string ToString() => $"{First}..{Last}";
}

public enum Voice : byte { Active, Passive }

public enum Tense : byte { Present, Past, Perfect, Progressive, Future }

/// <summary>What the verb group says about whether its event happened.</summary>
[Flags]
public enum Modality : byte
{
    /// <summary>Told as done.</summary>
    None = 0,
    /// <summary>"did not", "never", "no offensive actions".</summary>
    Negated = 1,
    /// <summary>"tried to", "attempted", "seeking to": tried, perhaps not done.</summary>
    Attempted = 2,
    /// <summary>"failed to": tried and not done.</summary>
    Failed = 4,
    /// <summary>"plans to", "vowed to", "is preparing", "aims to", a purpose "to ...": not done yet.</summary>
    Intended = 8,
    /// <summary>"may", "could", "would": possible, not told as done.</summary>
    Possible = 16,
    /// <summary>"will", "is going to": still to come.</summary>
    Future = 32,
    /// <summary>Reported by a denial ("Kyiv denied that ...").</summary>
    Denied = 64,
}

/// <summary>
/// A verb group: auxiliaries, modals, negation and the verbs they chain ("may attempt to
/// destroy", "were repelled", "have not made"). <see cref="Head"/> is its last verb.
/// </summary>
public sealed record VerbGroup(TokenSpan Span, int Head, string Lemma, Voice Voice, Tense Tense, Modality Modality)
{
    /// <summary>Its head is a verb of saying ("said", "claims"), from attribution.tsv.</summary>
    public bool IsSaying { get; init; }
}

/// <summary>
/// How a clause opens: the sentence's own, after a subordinator, a relative word, a coordinator
/// with a verb (a shared subject), "that" after a verb of saying, or a verb after an apposition
/// that goes back to the sentence's subject ("X, a city which ..., said").
/// </summary>
public enum ClauseKind : byte { Main, Subordinate, Relative, Coordinate, Reported, Resumed }

public enum AttachmentRole : byte { Agent, Location, Instrument, Origin, Time, Other }

/// <summary>A prepositional phrase after a clause's verb: "by Ukrainian troops", "near Ivanivka", "with drones".</summary>
public readonly record struct Attachment(AttachmentRole Role, int Preposition, TokenSpan Phrase);

/// <summary>
/// One clause of a sentence: its span, its main verb group, the subject before the verb (or
/// shared with the clause it is coordinated with, or the noun a relative clause describes),
/// the object after it, and its prepositional attachments.
/// </summary>
public sealed record Clause(
    ClauseKind Kind,
    TokenSpan Span,
    VerbGroup? Verb,
    TokenSpan Subject,
    bool SubjectShared,
    TokenSpan Object,
    IReadOnlyList<Attachment> Attachments);

/// <summary>
/// "X said (that) ...", "..., X said", "according to X": who speaks (<see cref="Speaker"/>),
/// the cue, and whether the cue denies what it reports.
/// </summary>
public sealed record Attribution(TokenSpan Speaker, TokenSpan Cue, bool Denies);
