using System.Text;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Clauses;

/// <summary>The clause layer of one sentence: its verb groups, clauses and attributions.</summary>
public sealed class ClauseAnalysis
{
    private int _count;
    private int[] _clauseOf = [];
    private int[] _groupOf = [];
    private ulong[] _masks = [];
    private Modality[] _nounModality = [];
    private bool[] _cueAt = [];
    private bool[] _scare = [];
    private readonly List<VerbGroup> _groups = [];
    private readonly List<Clause> _clauses = [];
    private readonly List<Attribution> _attributions = [];
    private readonly List<(ClauseKind Kind, int First)> _spans = [];

    // Every group and clause this analysis has made: a reused analysis sets them anew sentence
    // after sentence instead of making two or three objects (and a list) per clause.
    private readonly List<VerbGroup> _groupPool = [];
    private readonly List<Clause> _clausePool = [];

    internal ClauseAnalysis()
    {
    }

    /// <summary>The analysis of a sentence that was not read for clauses: no groups, no clauses.</summary>
    public static ClauseAnalysis None { get; } = new();

    // An empty list reads as the shared empty array: a foreach through the interface boxes a
    // list's enumerator, the array's empty one is shared, and most sentences (all of None's) have none.
    public IReadOnlyList<VerbGroup> Groups => _groups.Count == 0 ? Array.Empty<VerbGroup>() : _groups;
    public IReadOnlyList<Clause> Clauses => _clauses.Count == 0 ? Array.Empty<Clause>() : _clauses;
    public IReadOnlyList<Attribution> Attributions => _attributions.Count == 0 ? Array.Empty<Attribution>() : _attributions;

    /// <summary>
    /// Makes the analysis ready for a sentence of <paramref name="tokens"/> tokens, forgetting
    /// the one before. Arrays only grow, so an analysis read sentence after sentence allocates
    /// once per thread instead of six arrays per sentence; each answers only for the first
    /// <paramref name="tokens"/> of its slots.
    /// </summary>
    internal void Begin(int tokens)
    {
        if (_masks.Length < tokens)
        {
            var size = _masks.Length == 0 ? tokens : Math.Max(tokens, 2 * _masks.Length);
            _clauseOf = new int[size];
            _groupOf = new int[size];
            _masks = new ulong[size];
            _nounModality = new Modality[size];
            _cueAt = new bool[size];
            _scare = new bool[size];
        }
        _count = tokens;
        _groupOf.AsSpan(0, tokens).Fill(-1);
        _clauseOf.AsSpan(0, tokens).Clear();
        _nounModality.AsSpan(0, tokens).Clear();
        _cueAt.AsSpan(0, tokens).Clear();
        _scare.AsSpan(0, tokens).Clear();
        _groups.Clear();
        _clauses.Clear();
        _groupsMade = _clausesMade = 0;
        _attributions.Clear();
        _spans.Clear();
    }

    private int _groupsMade;
    private int _clausesMade;

    /// <summary>A verb group for this sentence: one made for an earlier sentence, or a new one.</summary>
    internal VerbGroup NextGroup()
    {
        if (_groupsMade == _groupPool.Count)
            _groupPool.Add(new VerbGroup());
        return _groupPool[_groupsMade++];
    }

    /// <summary>A clause for this sentence, as <see cref="NextGroup"/>.</summary>
    internal Clause NextClause()
    {
        if (_clausesMade == _clausePool.Count)
            _clausePool.Add(new Clause());
        return _clausePool[_clausesMade++];
    }

    // The reader's working view of the sentence; valid for the first Begin(tokens) slots.
    internal ulong[] Masks => _masks;
    internal int[] GroupIndex => _groupOf;
    internal int[] ClauseIndex => _clauseOf;
    internal Modality[] NounMarks => _nounModality;
    internal bool[] CueAt => _cueAt;
    internal bool[] ScareMarks => _scare;
    internal List<VerbGroup> GroupList => _groups;
    internal List<Clause> ClauseList => _clauses;
    internal List<Attribution> AttributionList => _attributions;
    internal List<(ClauseKind Kind, int First)> ClauseStarts => _spans;

    /// <summary>The clause a token stands in.</summary>
    public Clause? ClauseOf(int token) =>
        token >= 0 && token < _count && _clauseOf[token] >= 0 ? _clauses[_clauseOf[token]] : null;

    /// <summary>The verb group a token belongs to, if it is part of one.</summary>
    public VerbGroup? GroupAt(int token) =>
        token >= 0 && token < _count && _groupOf[token] >= 0 ? _groups[_groupOf[token]] : null;

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
        foreach (var g in _groups)
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
        foreach (var g in _groups)
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
        for (var i = 0; i < clause.Attachments.Count; i++)
        {
            var a = clause.Attachments[i];
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
        var m = token >= 0 && token < _count ? _nounModality[token] : Modality.None;
        if (GroupAt(token) is { } own)
            m |= own.Modality;
        else if (GoverningGroup(token) is { } g && !Definite(tokens, token) && !Attached(tokens, g, token))
            m |= g.Modality;
        foreach (var a in _attributions)
        {
            if (a.Denies && token >= a.Cue.Last && !a.Speaker.Contains(token) && (GroupAt(token) is not null || !Definite(tokens, token)))
                m |= Modality.Denied;
        }
        return m;
    }

    /// <summary>What a token's own noun group says, without its verb's: "a planned visit", "ahead of talks".</summary>
    public Modality NounModalityOf(int token) => token >= 0 && token < _count ? _nounModality[token] : Modality.None;

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
        foreach (var c in _clauses)
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
        foreach (var a in _attributions)
            sb.Append("    said-by ").Append(Words(a.Speaker)).Append(" cue ").Append(Words(a.Cue)).Append(a.Denies ? " (denies)" : "").Append('\n');
    }

    private static string Flat(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
