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
/// <remarks>
/// Made by the clause reader only, and set anew when an analysis read sentence after sentence
/// (<see cref="ClauseReader.ReadReusing"/>) reuses it: a group answers for its sentence until the next.
/// </remarks>
public sealed class VerbGroup
{
    internal VerbGroup()
    {
    }

    public TokenSpan Span { get; private set; }
    public int Head { get; private set; }
    public string Lemma { get; private set; } = "";
    public Voice Voice { get; private set; }
    public Tense Tense { get; private set; }
    public Modality Modality { get; private set; }

    /// <summary>Its head is a verb of saying ("said", "claims"), from attribution.tsv.</summary>
    public bool IsSaying { get; private set; }

    internal VerbGroup Set(TokenSpan span, int head, string lemma, Voice voice, Tense tense, Modality modality, bool isSaying)
    {
        (Span, Head, Lemma, Voice, Tense, Modality, IsSaying) = (span, head, lemma, voice, tense, modality, isSaying);
        return this;
    }

    public override string ToString() => $"VerbGroup {Span} head={Head} {Lemma} {Voice} {Tense} {Modality}{(IsSaying ? " saying" : "")}";
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
/// <remarks>Made and reused as <see cref="VerbGroup"/> is.</remarks>
public sealed class Clause
{
    private readonly List<Attachment> _attachments = [];

    internal Clause()
    {
    }

    public ClauseKind Kind { get; private set; }
    public TokenSpan Span { get; private set; }
    public VerbGroup? Verb { get; private set; }
    public TokenSpan Subject { get; private set; }
    public bool SubjectShared { get; private set; }
    public TokenSpan Object { get; internal set; }
    public IReadOnlyList<Attachment> Attachments => _attachments;

    /// <summary>The attachments, filled by the reader after <see cref="Set"/> cleared them.</summary>
    internal List<Attachment> AttachmentList => _attachments;

    internal Clause Set(ClauseKind kind, TokenSpan span, VerbGroup? verb, TokenSpan subject, bool subjectShared, TokenSpan obj)
    {
        (Kind, Span, Verb, Subject, SubjectShared, Object) = (kind, span, verb, subject, subjectShared, obj);
        _attachments.Clear();
        return this;
    }

    public override string ToString() => $"Clause {Kind} {Span} verb={Verb?.Span.ToString() ?? "-"} subject={Subject} object={Object} attachments={_attachments.Count}";
}

/// <summary>
/// "X said (that) ...", "..., X said", "according to X": who speaks (<see cref="Speaker"/>),
/// the cue, and whether the cue denies what it reports.
/// </summary>
public sealed record Attribution(TokenSpan Speaker, TokenSpan Cue, bool Denies);
