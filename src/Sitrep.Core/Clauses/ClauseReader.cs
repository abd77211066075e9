using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Clauses;

/// <summary>
/// A small deterministic chunker: verb groups, clauses, subjects, objects, prepositional
/// attachments and attribution frames of one sentence, from its tokens, the closed word
/// classes of word-classes.tsv and the attribution cues already recognized. Each step is one
/// left-to-right pass (walks stop at phrase breaks), so the work is linear in the sentence length.
/// </summary>
public static class ClauseReader
{
    /// <summary>The clause layer of one sentence, in an analysis of its own.</summary>
    public static ClauseAnalysis Read(string text, IReadOnlyList<Token> tokens, IReadOnlyList<PhraseMatch<AttributionCue>> cues) =>
        Fill(new ClauseAnalysis(), text, AsList(tokens), cues);

    [ThreadStatic]
    private static ClauseAnalysis? _reused;

    /// <summary>
    /// The clause layer of one sentence, in the thread's one reusable analysis: it answers
    /// until the next call on the same thread, which overwrites it. For a caller that is done
    /// with a sentence's analysis before it reads the next sentence, as the pipeline is.
    /// </summary>
    public static ClauseAnalysis ReadReusing(string text, IReadOnlyList<Token> tokens, IReadOnlyList<PhraseMatch<AttributionCue>> cues) =>
        Fill(_reused ??= new ClauseAnalysis(), text, AsList(tokens), cues);

    // The passes below index the tokens thousands of times a report: a list's indexer is a direct
    // call, the interface's a dispatch. The readings' tokens are lists already; others are copied.
    private static List<Token> AsList(IReadOnlyList<Token> tokens) => tokens as List<Token> ?? [.. tokens];

    private static ClauseAnalysis Fill(ClauseAnalysis analysis, string text, List<Token> tokens, IReadOnlyList<PhraseMatch<AttributionCue>> cues)
    {
        var n = tokens.Count;
        analysis.Begin(n);
        var classes = WordClasses.Default;
        var m = analysis.Masks;
        for (var k = 0; k < n; k++)
            m[k] = classes.MaskOf(tokens[k]);
        var cueAt = analysis.CueAt;
        // Indexed, not foreach: an enumerator of the interface is an allocation per sentence.
        for (var i = 0; i < cues.Count; i++)
        {
            var c = cues[i];
            for (var k = c.First; k < c.Last && k < n; k++)
                cueAt[k] = true;
        }
        var groupOf = analysis.GroupIndex;
        var groups = analysis.GroupList;
        ReadGroups(analysis, text, tokens, m, cueAt, groupOf, groups);
        var clauseOf = analysis.ClauseIndex;
        var clauses = analysis.ClauseList;
        ReadClauses(analysis, tokens, m, groups, groupOf, clauseOf, analysis.ScareMarks, analysis.ClauseStarts, clauses);
        ReadAttributions(tokens, m, cues, clauses, clauseOf, groupOf, groups, analysis.AttributionList);
        NounModality(tokens, m, groupOf, analysis.NounMarks);
        return analysis;
    }

    // ---- verb groups ----

    private static bool Lower(string text, Token t) => t.IsWord && !char.IsUpper(text[t.Start]);

    private static bool Opens(ulong mt) =>
        Words.Article.In(mt) || Words.Determiner.In(mt) || Words.Preposition.In(mt) || Words.Definite.In(mt);

    /// <summary>A word shaped like a past participle, whatever its case or place ("Battered by ...").</summary>
    internal static bool ParticipleShape(Token t) =>
        t.IsWord && (t.Norm.Length >= 5 && t.Norm.EndsWith("ed", StringComparison.Ordinal) || Words.PastForm.Has(t));

    /// <summary>A past tense or participle: "-ed" (not after an article: "the occupied city"), or an irregular form.</summary>
    private static bool PastForm(string text, List<Token> tokens, ulong[] m, int k)
    {
        var t = tokens[k];
        if (!Lower(text, t) || t.Norm.Contains('-'))
            return false;
        if (k > 0 && Opens(m[k - 1]) && !Words.Preposition.In(m[k - 1]))
            return false;
        return t.Norm.Length >= 5 && t.Norm.EndsWith("ed", StringComparison.Ordinal) || Words.PastForm.In(m[k]);
    }

    private static bool Chains(ulong mt) =>
        Words.AttemptVerb.In(mt) || Words.FailureVerb.In(mt) || Words.IntentionVerb.In(mt) || Words.DenialVerb.In(mt) || Words.RealizingVerb.In(mt);

    private static bool Auxiliary(ulong mt) =>
        Words.BeForm.In(mt) || Words.HaveForm.In(mt) || Words.DoForm.In(mt) || Words.FutureModal.In(mt) || Words.PossibleModal.In(mt);

    /// <summary>A word that may be the verb after an auxiliary, a modal or "to".</summary>
    private static bool VerbSlot(string text, Token t, ulong mt) =>
        Lower(text, t) && !Opens(mt) && !Words.Coordinator.In(mt) && !Words.Relative.In(mt) && !Words.Complementizer.In(mt);

    private static void ReadGroups(ClauseAnalysis analysis, string text, List<Token> tokens, ulong[] m, bool[] cueAt, int[] groupOf, List<VerbGroup> groups)
    {
        var n = tokens.Count;
        var k = 0;
        while (k < n)
        {
            var t = tokens[k];
            var mt = m[k];
            // A chain word that is also a noun ("forces", "plans") opens a group only before "to".
            var chainOpens = Chains(mt) && !(k > 0 && Opens(m[k - 1]))
                && (k + 1 < n && Words.Infinitive.In(m[k + 1]) || PastForm(text, tokens, m, k));
            // "which lies near", "who leads": the word after a relative pronoun is its verb.
            var afterRelative = k > 0 && Words.Relative.In(m[k - 1]) && VerbSlot(text, t, mt) && !Words.Pronoun.In(mt);
            var starts = t.IsWord && (Auxiliary(mt) || chainOpens || afterRelative
                || PastForm(text, tokens, m, k) || cueAt[k] && Lower(text, t)
                || Words.Infinitive.In(mt) && k + 1 < n && VerbSlot(text, tokens[k + 1], m[k + 1]) && !Words.Preposition.In(m[k + 1]));
            if (!starts)
            {
                k++;
                continue;
            }
            var mod = Modality.None;
            bool be = false, have = false, future = false, need = false;
            var head = -1;
            var j = k;
            for (; j < n; j++)
            {
                var w = tokens[j];
                var mw = m[j];
                if (!w.IsWord)
                    break;
                if (Words.Negator.In(mw))
                {
                    mod |= Modality.Negated;
                    if (Words.PossibleModal.In(mw))
                        (mod, need) = (mod | Modality.Possible, true);
                    continue;
                }
                if (need && Words.BeForm.In(mw))
                {
                    be = true;
                    head = j;
                    continue;
                }
                if (head < 0 || need)
                {
                    if (Words.BeForm.In(mw)) { be = need = true; head = j; continue; }
                    if (Words.HaveForm.In(mw)) { have = need = true; head = j; continue; }
                    if (Words.DoForm.In(mw)) { need = true; head = j; continue; }
                    if (Words.FutureModal.In(mw)) { future = need = true; mod |= Modality.Future; continue; }
                    if (Words.PossibleModal.In(mw)) { need = true; mod |= Modality.Possible; continue; }
                }
                if (head >= 0 && (Words.VerbAdverb.In(mw) || w.Norm.EndsWith("ly", StringComparison.Ordinal) && Lower(text, w)))
                    continue;
                if (Words.Infinitive.In(mw))
                {
                    // "to" + verb: a chain ("tried to advance"), or, opening the group, a purpose.
                    if (j + 1 >= n || !VerbSlot(text, tokens[j + 1], m[j + 1]) || Words.Preposition.In(m[j + 1]))
                        break;
                    // A purpose "to" opening a group takes the modality of the group before it
                    // (set below); after a verb that chains ("tried to", "claims to") it continues the group.
                    if (head >= 0 && !Chains(m[head]) && !cueAt[head] && !need)
                        break;
                    need = true;
                    continue;
                }
                if (Chains(mw) && (head < 0 || need))
                {
                    if (Words.AttemptVerb.In(mw)) mod |= Modality.Attempted;
                    else if (Words.FailureVerb.In(mw)) mod |= Modality.Failed;
                    else if (Words.IntentionVerb.In(mw)) mod |= Modality.Intended;
                    head = j;
                    need = false;
                    continue;
                }
                if (need && VerbSlot(text, w, mw) || head < 0 && (PastForm(text, tokens, m, j) || cueAt[j] || j == k && afterRelative))
                {
                    head = j;
                    need = false;
                    continue;
                }
                if (head >= 0 && !need && Words.Particle.In(mw) && j == head + 1)
                    continue;
                break;
            }
            if (head < 0)
            {
                k = Math.Max(j, k + 1);
                continue;
            }
            var end = head + 1;
            while (end < j && Words.Particle.In(m[end]))
                end++;
            var h = tokens[head];
            var participle = h.Norm.EndsWith("ed", StringComparison.Ordinal) || Words.PastForm.In(m[head]);
            var voice = be && participle && !Words.BeForm.In(m[head]) ? Voice.Passive : Voice.Active;
            // "is set to meet": a plan, though no intention verb is written.
            if (be && Words.Prospective.In(m[head]) && end < n && Words.Infinitive.In(m[end]))
                mod |= Modality.Intended;
            var tense = future ? Tense.Future
                : have ? Tense.Perfect
                : be && h.Norm.EndsWith("ing", StringComparison.Ordinal) ? Tense.Progressive
                : participle || Words.BeForm.In(m[head]) && h.Norm is var b && (b.StartsWith('w')) ? Tense.Past
                : Tense.Present;
            // "using missiles to hit": a purpose is as real as the action it serves; "may be using
            // the episode to lay" is as possible.
            if (Words.Infinitive.In(m[k]) && groups.Count > 0 && groups[^1].Span.Last <= k && k - groups[^1].Span.Last <= 8)
                mod |= groups[^1].Modality;
            var index = groups.Count;
            groups.Add(analysis.NextGroup().Set(new TokenSpan(k, end), head, h.Lemma, voice, tense, mod, cueAt[head]));
            for (var x = k; x < end; x++)
                groupOf[x] = index;
            k = end;
        }
    }

    // ---- clauses ----

    private static void ReadClauses(ClauseAnalysis analysis, List<Token> tokens, ulong[] m, List<VerbGroup> groups, int[] groupOf, int[] clauseOf,
        bool[] scare, List<(ClauseKind Kind, int First)> spans, List<Clause> clauses)
    {
        var n = tokens.Count;
        ScareQuotes(tokens, m, scare);
        spans.Add((ClauseKind.Main, 0));
        for (var k = 1; k < n; k++)
        {
            var t = tokens[k];
            var prev = tokens[k - 1];
            var afterComma = prev.Kind == TokenKind.Punct && Words.PhraseBreak.In(m[k - 1]);
            ClauseKind? opens = null;
            if (t.Kind == TokenKind.Punct && Words.ClauseBreak.In(m[k]) && !scare[k])
            {
                if (k + 1 < n)
                    spans.Add((ClauseKind.Main, k + 1));
                continue;
            }
            if (Words.Relative.In(m[k]))
                opens = ClauseKind.Relative;
            // "X, a city which lies near the border, said ...": a relative clause inside an
            // apposition ends at its comma; the verb after it goes back to the sentence's subject.
            else if (afterComma && groupOf[k] >= 0 && spans[^1].Kind == ClauseKind.Relative && HasGroup(groupOf, spans[^1].First, k - 1))
                opens = ClauseKind.Resumed;
            else if (Words.Subordinator.In(m[k]) || Words.LooseSubordinator.In(m[k]) && (afterComma || VerbAhead(tokens, m, groupOf, k + 1)))
                opens = ClauseKind.Subordinate;
            else if (Words.Complementizer.In(m[k]) && (groupOf[k - 1] >= 0 || afterComma || k + 1 < n && groupOf[k + 1] >= 0 || CueBefore(groups, spans[^1].First, k)))
                opens = k + 1 < n && groupOf[k + 1] >= 0 ? ClauseKind.Relative : ClauseKind.Reported;
            else if (Words.Coordinator.In(m[k]) && k + 1 < n && (groupOf[k + 1] >= 0 || afterComma))
                opens = ClauseKind.Coordinate;
            if (opens is { } kind)
            {
                // A clause holds its opening word; an empty clause before it (", which") merges away.
                if (spans[^1].First >= k - 1 && spans.Count > 1 && afterComma)
                    spans[^1] = (kind, k);
                else
                    spans.Add((kind, k));
            }
        }

        Clause? opener = null;
        for (var i = 0; i < spans.Count; i++)
        {
            var first = spans[i].First;
            var last = i + 1 < spans.Count ? spans[i + 1].First : n;
            for (var k = first; k < last; k++)
                clauseOf[k] = i;
            var clause = Build(analysis.NextClause(), tokens, m, groups, groupOf, spans[i].Kind, first, last, i > 0 ? clauses[i - 1] : null, opener);
            clauses.Add(clause);
            if (clause.Kind == ClauseKind.Main)
                opener = clause;
        }
    }

    /// <summary>Most words a pair of quotation marks may hold and still only mark a word ("a “massive” offensive").</summary>
    private const int ScareQuoteWords = 3;

    /// <summary>
    /// Quotation marks around a few words inside a phrase ("launched a “massive” offensive"):
    /// they mark the words as someone's, and end no clause; so do brackets around a short
    /// aside. Each mark looks a bounded distance ahead, so the pass stays linear.
    /// </summary>
    private static void ScareQuotes(List<Token> tokens, ulong[] m, bool[] scare)
    {
        MarkShortPairs<QuotePair>(tokens, m, scare);
        // "the Security Service (SBU) said": brackets around a few words after a word are an
        // aside inside the phrase, like scare quotes.
        MarkShortPairs<AsidePair>(tokens, m, scare);
    }

    /// <summary>What opens and closes a short pair: a type, not a delegate, so each pass is compiled with its test inline.</summary>
    private interface IPairEnds
    {
        static abstract bool Opens(Token t, ulong mask);

        static abstract bool Closes(Token t, ulong mask);
    }

    private readonly struct QuotePair : IPairEnds
    {
        public static bool Opens(Token t, ulong mask) => IsQuote(t);

        public static bool Closes(Token t, ulong mask) => IsQuote(t);
    }

    private readonly struct AsidePair : IPairEnds
    {
        public static bool Opens(Token t, ulong mask) => Words.AsideOpen.In(mask);

        public static bool Closes(Token t, ulong mask) => Words.AsideClose.In(mask);
    }

    private static void MarkShortPairs<TEnds>(List<Token> tokens, ulong[] m, bool[] marks) where TEnds : struct, IPairEnds
    {
        var n = tokens.Count;
        for (var k = 1; k < n; k++)
        {
            if (!TEnds.Opens(tokens[k], m[k]) || !tokens[k - 1].IsWord)
                continue;
            var j = k + 1;
            while (j < n && j <= k + ScareQuoteWords && tokens[j].IsWord)
                j++;
            if (j > k + 1 && j < n && TEnds.Closes(tokens[j], m[j]))
                marks[k] = marks[j] = true;
        }
    }

    private static bool IsQuote(Token t) => t.Kind == TokenKind.Punct && t.Norm == "\"";

    /// <summary>
    /// Whether a verb group follows within a few words, before any break: "after Biden had
    /// announced" opens a clause; "after four days of fighting" is a prepositional phrase.
    /// </summary>
    private static bool VerbAhead(List<Token> tokens, ulong[] m, int[] groupOf, int from)
    {
        for (var k = from; k < tokens.Count && k < from + 6; k++)
        {
            if (groupOf[k] >= 0)
                return true;
            if (tokens[k].Kind == TokenKind.Punct || Words.Preposition.In(m[k]))
                return false;
        }
        return false;
    }

    private static bool HasGroup(int[] groupOf, int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            if (groupOf[k] >= 0)
                return true;
        }
        return false;
    }

    /// <summary>Whether a verb of saying stands in the clause so far ("said on Wednesday that").</summary>
    private static bool CueBefore(List<VerbGroup> groups, int first, int k)
    {
        for (var i = groups.Count - 1; i >= 0 && groups[i].Span.First >= first; i--)
        {
            if (groups[i].Span.Last <= k && groups[i].IsSaying)
                return true;
        }
        return false;
    }

    private static Clause Build(Clause clause, List<Token> tokens, ulong[] m, List<VerbGroup> groups, int[] groupOf, ClauseKind kind, int first, int last, Clause? previous, Clause? opener)
    {
        VerbGroup? verb = null;
        for (var k = first; k < last; k++)
        {
            if (groupOf[k] >= 0)
            {
                verb = groups[groupOf[k]];
                break;
            }
        }
        var start = first;
        if (kind is not (ClauseKind.Main or ClauseKind.Resumed) && start < last)
            start++;
        var subjectEnd = verb is null ? start : verb.Span.First;
        var subject = new TokenSpan(start, subjectEnd);
        var shared = false;
        if (verb is not null && subject.IsEmpty && previous is not null)
        {
            // "attacked near X but were repelled": the coordinated verb shares the subject; a
            // relative clause's subject is the noun it follows.
            if (kind == ClauseKind.Coordinate)
                (subject, shared) = (previous.Subject, true);
            else if (kind == ClauseKind.Resumed && opener is not null)
                (subject, shared) = (opener.Subject, true);
            else if (kind == ClauseKind.Relative)
                (subject, shared) = (Antecedent(tokens, m, previous), true);
        }
        var obj = new TokenSpan(last, last);
        var attachments = clause.Set(kind, new TokenSpan(first, last), verb, subject, shared, obj).AttachmentList;
        if (verb is not null)
        {
            var k = verb.Span.Last;
            var objEnd = k;
            while (objEnd < last && !Ends(tokens[objEnd], m[objEnd], groupOf[objEnd]))
                objEnd++;
            obj = new TokenSpan(k, objEnd);
            for (k = objEnd; k < last; k++)
            {
                var t = tokens[k];
                if (!Words.Preposition.In(m[k]) && !Words.AgentPreposition.In(m[k]) && !Words.InstrumentPreposition.In(m[k]))
                    continue;
                var end = k + 1;
                while (end < last && !Ends(tokens[end], m[end], groupOf[end]))
                    end++;
                attachments.Add(new Attachment(RoleOf(m[k], verb), k, new TokenSpan(k + 1, end)));
                k = end - 1;
            }
            clause.Object = obj;
        }
        return clause;
    }

    /// <summary>Where a noun group or attachment ends: a preposition, a break, a verb group.</summary>
    private static bool Ends(Token t, ulong mt, int group) =>
        group >= 0 || Words.Complementizer.In(mt) || Words.Relative.In(mt) || Words.Preposition.In(mt) || Words.AgentPreposition.In(mt) || Words.InstrumentPreposition.In(mt)
        || t.Kind == TokenKind.Punct && Words.PhraseBreak.In(mt) || Words.Coordinator.In(mt);

    private static AttachmentRole RoleOf(ulong preposition, VerbGroup verb) =>
        Words.AgentPreposition.In(preposition) ? (verb.Voice == Voice.Passive ? AttachmentRole.Agent : AttachmentRole.Other)
        : Words.InstrumentPreposition.In(preposition) ? AttachmentRole.Instrument
        : Words.OriginPreposition.In(preposition) ? AttachmentRole.Origin
        : Words.LocationPreposition.In(preposition) ? AttachmentRole.Location
        : Words.TimePreposition.In(preposition) ? AttachmentRole.Time
        : AttachmentRole.Other;

    /// <summary>The noun group a relative clause follows: back from the clause's end to a preposition, verb or break.</summary>
    private static TokenSpan Antecedent(List<Token> tokens, ulong[] m, Clause previous)
    {
        var end = previous.Span.Last;
        while (end > previous.Span.First && tokens[end - 1].Kind == TokenKind.Punct)
            end--;
        var start = end;
        while (start > previous.Span.First && !Words.Preposition.In(m[start - 1]) && tokens[start - 1].Kind != TokenKind.Punct
               && (previous.Verb is null || start - 1 >= previous.Verb.Span.Last || start - 1 < previous.Verb.Span.First))
            start--;
        return new TokenSpan(start, end);
    }

    // ---- noun groups ----

    /// <summary>
    /// A negative determiner or an attempt word opening a noun group ("no offensive actions",
    /// "an attempted advance", "a failed assault") marks the group's words.
    /// </summary>
    private static void NounModality(List<Token> tokens, ulong[] m, int[] groupOf, Modality[] marks)
    {
        var current = Modality.None;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (groupOf[k] >= 0 || t.Kind == TokenKind.Punct || Words.Preposition.In(m[k]) || Words.Coordinator.In(m[k]))
            {
                // "ahead of talks": the noun group after it is still to come.
                current = Words.Preposition.In(m[k]) && k > 0 && Words.Prospective.In(m[k - 1]) && groupOf[k - 1] < 0
                    && !(k > 1 && Opens(m[k - 2])) ? Modality.Future : Modality.None;
                continue;
            }
            if (Words.NegativeDeterminer.In(m[k]))
                current |= Modality.Negated;
            else if (Words.IrrealisModifier.In(m[k]))
                current |= Modality.Possible;
            else if (Words.AttemptVerb.In(m[k]))
                current |= Modality.Attempted;
            else if (Words.FailureVerb.In(m[k]))
                current |= Modality.Failed;
            marks[k] = current;
        }
    }

    // ---- attributions ----

    private static void ReadAttributions(List<Token> tokens, ulong[] m, IReadOnlyList<PhraseMatch<AttributionCue>> cues,
        List<Clause> clauses, int[] clauseOf, int[] groupOf, List<VerbGroup> groups, List<Attribution> list)
    {
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            if (cue.First >= tokens.Count)
                continue;
            var group = groupOf[cue.First] >= 0 ? groups[groupOf[cue.First]] : null;
            // "falsely claimed" is the writer's judgment: the claim stands, with its claimant.
            var denies = Words.DenialVerb.In(m[cue.First]) || group is not null && (group.Modality & Modality.Negated) != 0;
            var cueSpan = group is null ? new TokenSpan(cue.First, cue.Last) : group.Span;
            TokenSpan speaker;
            // "Russian forces are accused of ...", "it was reported that ...": the subject of a
            // passive cue is what is said of, not who says it.
            if (group is { Voice: Voice.Passive } && cue.Value.SourcePosition != CuePosition.After)
                speaker = default;
            else if (cue.Value.SourcePosition == CuePosition.After)
            {
                var end = cue.Last;
                while (end < tokens.Count && !(tokens[end].Kind == TokenKind.Punct && Words.PhraseBreak.In(m[end])))
                    end++;
                speaker = new TokenSpan(cue.Last, end);
            }
            else
            {
                // "..., the governor said": the words since the last break; after an apposition
                // ("Ivan Petrenko, the mayor, said") the clause's whole subject.
                var clause = clauses[clauseOf[cue.First]];
                var from = cueSpan.First;
                while (from > clause.Span.First && !(tokens[from - 1].Kind == TokenKind.Punct && Words.PhraseBreak.In(m[from - 1])))
                    from--;
                speaker = new TokenSpan(from, cueSpan.First);
                if (speaker.IsEmpty)
                {
                    // Back over the relative clauses of an apposition to the clause that opened the subject.
                    var c = clauseOf[cue.First];
                    while (c > 0 && (clauses[c].Kind == ClauseKind.Resumed
                                     || clauses[c].Kind is ClauseKind.Relative or ClauseKind.Subordinate && clauses[c].Verb is { } v && v.Span.First < cueSpan.First))
                        c--;
                    var start = clauses[c].Kind is ClauseKind.Main or ClauseKind.Resumed ? clauses[c].Span.First : clauses[c].Span.First + 1;
                    speaker = new TokenSpan(start, cueSpan.First);
                }
                // "said the Kremlin spokesman": the speaker after the cue, at the end of a sentence.
                if (speaker.IsEmpty && cue.Value.SourcePosition == CuePosition.Either)
                {
                    var end = cue.Last;
                    while (end < tokens.Count && !(tokens[end].Kind == TokenKind.Punct && Words.PhraseBreak.In(m[end])))
                        end++;
                    speaker = new TokenSpan(cue.Last, end);
                }
            }
            list.Add(new Attribution(speaker, cueSpan, denies));
        }
    }
}
