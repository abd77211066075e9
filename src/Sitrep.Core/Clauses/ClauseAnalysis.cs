using System.Text;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Clauses;

/// <summary>The clause layer of one sentence: its verb groups, clauses and attributions.</summary>
public sealed class ClauseAnalysis
{
    private readonly int[] _clauseOf;
    private readonly int[] _groupOf;
    private readonly ulong[] _masks;

    internal ClauseAnalysis(IReadOnlyList<VerbGroup> groups, IReadOnlyList<Clause> clauses, IReadOnlyList<Attribution> attributions,
        int[] clauseOf, int[] groupOf, Modality[] nounModality, ulong[] masks)
    {
        _masks = masks;
        Groups = groups;
        Clauses = clauses;
        Attributions = attributions;
        _clauseOf = clauseOf;
        _groupOf = groupOf;
        NounModality = nounModality;
    }

    /// <summary>The analysis of a sentence that was not read for clauses: no groups, no clauses.</summary>
    public static ClauseAnalysis None { get; } = new([], [], [], [], [], [], []);

    public IReadOnlyList<VerbGroup> Groups { get; }
    public IReadOnlyList<Clause> Clauses { get; }
    public IReadOnlyList<Attribution> Attributions { get; }

    /// <summary>Per token, what its own noun group says ("no offensive actions", "an attempted advance").</summary>
    private Modality[] NounModality { get; }

    /// <summary>The clause a token stands in.</summary>
    public Clause? ClauseOf(int token) =>
        token >= 0 && token < _clauseOf.Length && _clauseOf[token] >= 0 ? Clauses[_clauseOf[token]] : null;

    /// <summary>The verb group a token belongs to, if it is part of one.</summary>
    public VerbGroup? GroupAt(int token) =>
        token >= 0 && token < _groupOf.Length && _groupOf[token] >= 0 ? Groups[_groupOf[token]] : null;

    /// <summary>
    /// The verb group that governs a token: its own, else the clause's verb group nearest before
    /// it, else the clause's first after it (a subject before its verb).
    /// </summary>
    public VerbGroup? GoverningGroup(int token)
    {
        if (GroupAt(token) is { } own)
            return own;
        if (ClauseOf(token) is not { } clause)
            return null;
        VerbGroup? before = null, after = null;
        foreach (var g in Groups)
        {
            if (!clause.Span.Contains(g.Span.First))
                continue;
            if (g.Span.First < token)
                before = g;
            else if (after is null)
                after = g;
        }
        return before ?? after;
    }

    /// <summary>
    /// The subject of a verb group: the words between the clause's previous verb group (or its
    /// start) and the group; for a coordinated verb with none of its own, the shared subject.
    /// </summary>
    public TokenSpan SubjectOf(VerbGroup group)
    {
        if (ClauseOf(group.Span.First) is not { } clause)
            return default;
        var from = clause.Span.First;
        foreach (var g in Groups)
        {
            if (g.Span.Last <= group.Span.First && g.Span.Last > from && clause.Span.Contains(g.Span.First))
                from = g.Span.Last;
        }
        if (from == clause.Span.First && clause.Kind is not (ClauseKind.Main or ClauseKind.Resumed))
            from++;
        var own = new TokenSpan(from, group.Span.First);
        return own.IsEmpty && clause.Verb == group ? clause.Subject : own;
    }

    /// <summary>The passive "by" phrase of a verb group, when its clause has one.</summary>
    public TokenSpan? AgentOf(VerbGroup group)
    {
        if (group.Voice != Voice.Passive || ClauseOf(group.Span.First) is not { } clause)
            return null;
        foreach (var a in clause.Attachments)
        {
            if (a.Role == AttachmentRole.Agent && a.Preposition >= group.Span.Last)
                return a.Phrase;
        }
        return null;
    }

    /// <summary>
    /// Whether the event a token names is told as done. A verb: its group's modality. A noun:
    /// its own noun group's ("no offensive actions", "an attempted advance"), and the governing
    /// group's when the noun is that verb's subject, object or instrument ("could hit Kyiv with
    /// drone strikes"), but not when it is definite ("will respond to Ukraine's strike": told
    /// before, so it happened) or inside another attachment ("in response to attacks"). Words a
    /// denial reports ("Kyiv denied that ...") are denied.
    /// </summary>
    public Modality ModalityOf(IReadOnlyList<Token> tokens, int token)
    {
        var m = token >= 0 && token < NounModality.Length ? NounModality[token] : Modality.None;
        if (GroupAt(token) is { } own)
            m |= own.Modality;
        else if (GoverningGroup(token) is { } g && !Definite(tokens, token) && !Attached(tokens, g, token))
            m |= g.Modality;
        foreach (var a in Attributions)
        {
            if (a.Denies && token >= a.Cue.Last && !a.Speaker.Contains(token) && (GroupAt(token) is not null || !Definite(tokens, token)))
                m |= Modality.Denied;
        }
        return m;
    }

    /// <summary>What a token's own noun group says, without its verb's: "a planned visit", "ahead of talks".</summary>
    public Modality NounModalityOf(int token) => token >= 0 && token < NounModality.Length ? NounModality[token] : Modality.None;

    /// <summary>Whether the noun group of a token has a definite or possessive determiner.</summary>
    private bool Definite(IReadOnlyList<Token> tokens, int token)
    {
        for (var k = token - 1; k >= 0 && _groupOf[k] < 0; k--)
        {
            var t = tokens[k];
            if (Words.Definite.In(_masks[k]))
                return true;
            if (t.Kind == TokenKind.Punct || Words.Preposition.In(_masks[k]) || Words.Coordinator.In(_masks[k]))
                return false;
        }
        return false;
    }

    /// <summary>Whether a preposition other than an instrument's or a purpose's stands between a verb group and a noun after it.</summary>
    public bool IsAttached(IReadOnlyList<Token> tokens, VerbGroup g, int token) => Attached(tokens, g, token);

    private bool Attached(IReadOnlyList<Token> tokens, VerbGroup g, int token)
    {
        if (token < g.Span.Last)
            return false;
        for (var k = g.Span.Last; k < token; k++)
        {
            var mt = _masks[k];
            if (Words.Preposition.In(mt) && !Words.PurposePreposition.In(mt) && !Words.NounJoiner.In(mt))
                return true;
        }
        return false;
    }

    /// <summary>For --explain: one line per clause and attribution.</summary>
    public void Describe(StringBuilder sb, string text, IReadOnlyList<Token> tokens)
    {
        string Words(TokenSpan s) => s.IsEmpty || s.Last > tokens.Count ? "-" : $"\"{Flat(text[tokens[s.First].Start..tokens[s.Last - 1].End])}\"";
        foreach (var c in Clauses)
        {
            sb.Append("    clause ").Append(c.Kind.ToString().ToLowerInvariant()).Append(' ').Append(Words(c.Span)).Append('\n');
            if (c.Verb is { } v)
            {
                sb.Append("      verb ").Append(Words(v.Span)).Append(" head=").Append(v.Lemma).Append(' ')
                  .Append(v.Voice.ToString().ToLowerInvariant()).Append(' ').Append(v.Tense.ToString().ToLowerInvariant());
                if (v.Modality != Modality.None)
                    sb.Append(' ').Append(v.Modality.ToString().ToLowerInvariant());
                sb.Append('\n');
            }
            sb.Append("      subject ").Append(Words(c.Subject)).Append(c.SubjectShared ? " (shared)" : "")
              .Append(" object ").Append(Words(c.Object)).Append('\n');
            foreach (var a in c.Attachments)
                sb.Append("      ").Append(a.Role.ToString().ToLowerInvariant()).Append(' ').Append(Words(a.Phrase)).Append('\n');
        }
        foreach (var a in Attributions)
            sb.Append("    said-by ").Append(Words(a.Speaker)).Append(" cue ").Append(Words(a.Cue)).Append(a.Denies ? " (denies)" : "").Append('\n');
    }

    private static string Flat(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
