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
    public static ClauseAnalysis Read(string text, IReadOnlyList<Token> tokens, IReadOnlyList<PhraseMatch<AttributionCue>> cues)
    {
        var n = tokens.Count;
        var cueAt = new bool[n];
        foreach (var c in cues)
        {
            for (var k = c.First; k < c.Last && k < n; k++)
                cueAt[k] = true;
        }
        var groupOf = new int[n];
        Array.Fill(groupOf, -1);
        var groups = ReadGroups(text, tokens, cueAt, groupOf);
        var clauseOf = new int[n];
        var clauses = ReadClauses(tokens, groups, groupOf, clauseOf);
        var attributions = ReadAttributions(tokens, cues, clauses, clauseOf, groupOf, groups);
        return new ClauseAnalysis(groups, clauses, attributions, clauseOf, groupOf, NounModality(tokens, groupOf));
    }

    // ---- verb groups ----

    private static bool Lower(string text, Token t) => t.IsWord && !char.IsUpper(text[t.Start]);

    private static bool Opens(Token t) =>
        Words.Article.Has(t) || Words.Determiner.Has(t) || Words.Preposition.Has(t) || Words.Definite.Has(t);

    /// <summary>A past tense or participle: "-ed" (not after an article: "the occupied city"), or an irregular form.</summary>
    private static bool PastForm(string text, IReadOnlyList<Token> tokens, int k)
    {
        var t = tokens[k];
        if (!Lower(text, t) || t.Norm.Contains('-'))
            return false;
        if (k > 0 && Opens(tokens[k - 1]) && !Words.Preposition.Has(tokens[k - 1]))
            return false;
        return t.Norm.Length >= 5 && t.Norm.EndsWith("ed", StringComparison.Ordinal) || Words.PastForm.Has(t);
    }

    private static bool Chains(Token t) =>
        Words.AttemptVerb.Has(t) || Words.FailureVerb.Has(t) || Words.IntentionVerb.Has(t) || Words.DenialVerb.Has(t) || Words.RealizingVerb.Has(t);

    private static bool Auxiliary(Token t) =>
        Words.BeForm.Has(t) || Words.HaveForm.Has(t) || Words.DoForm.Has(t) || Words.FutureModal.Has(t) || Words.PossibleModal.Has(t);

    /// <summary>A word that may be the verb after an auxiliary, a modal or "to".</summary>
    private static bool VerbSlot(string text, Token t) =>
        Lower(text, t) && !Opens(t) && !Words.Coordinator.Has(t) && !Words.Relative.Has(t) && !Words.Complementizer.Has(t);

    private static List<VerbGroup> ReadGroups(string text, IReadOnlyList<Token> tokens, bool[] cueAt, int[] groupOf)
    {
        var groups = new List<VerbGroup>();
        var n = tokens.Count;
        var k = 0;
        while (k < n)
        {
            var t = tokens[k];
            // A chain word that is also a noun ("forces", "plans") opens a group only before "to".
            var chainOpens = Chains(t) && !(k > 0 && Opens(tokens[k - 1]))
                && (k + 1 < n && Words.Infinitive.Has(tokens[k + 1]) || PastForm(text, tokens, k));
            // "which lies near", "who leads": the word after a relative pronoun is its verb.
            var afterRelative = k > 0 && Words.Relative.Has(tokens[k - 1]) && VerbSlot(text, t) && !Words.Pronoun.Has(t);
            var starts = t.IsWord && (Auxiliary(t) || chainOpens || afterRelative
                || PastForm(text, tokens, k) || cueAt[k] && Lower(text, t)
                || Words.Infinitive.Has(t) && k + 1 < n && VerbSlot(text, tokens[k + 1]) && !Words.Preposition.Has(tokens[k + 1]));
            if (!starts)
            {
                k++;
                continue;
            }
            var m = Modality.None;
            bool be = false, have = false, future = false, need = false;
            var head = -1;
            var j = k;
            for (; j < n; j++)
            {
                var w = tokens[j];
                if (!w.IsWord)
                    break;
                if (Words.Negator.Has(w))
                {
                    m |= Modality.Negated;
                    if (Words.PossibleModal.Has(w))
                        (m, need) = (m | Modality.Possible, true);
                    continue;
                }
                if (need && Words.BeForm.Has(w))
                {
                    be = true;
                    head = j;
                    continue;
                }
                if (head < 0 || need)
                {
                    if (Words.BeForm.Has(w)) { be = need = true; head = j; continue; }
                    if (Words.HaveForm.Has(w)) { have = need = true; head = j; continue; }
                    if (Words.DoForm.Has(w)) { need = true; head = j; continue; }
                    if (Words.FutureModal.Has(w)) { future = need = true; m |= Modality.Future; continue; }
                    if (Words.PossibleModal.Has(w)) { need = true; m |= Modality.Possible; continue; }
                }
                if (head >= 0 && (Words.VerbAdverb.Has(w) || w.Norm.EndsWith("ly", StringComparison.Ordinal) && Lower(text, w)))
                    continue;
                if (Words.Infinitive.Has(w))
                {
                    // "to" + verb: a chain ("tried to advance"), or, opening the group, a purpose.
                    if (j + 1 >= n || !VerbSlot(text, tokens[j + 1]) || Words.Preposition.Has(tokens[j + 1]))
                        break;
                    // A purpose "to" opening a group takes the modality of the group before it
                    // (set below); after a verb that chains ("tried to", "claims to") it continues the group.
                    if (head >= 0 && !Chains(tokens[head]) && !cueAt[head] && !need)
                        break;
                    need = true;
                    continue;
                }
                if (Chains(w) && (head < 0 || need))
                {
                    if (Words.AttemptVerb.Has(w)) m |= Modality.Attempted;
                    else if (Words.FailureVerb.Has(w)) m |= Modality.Failed;
                    else if (Words.IntentionVerb.Has(w)) m |= Modality.Intended;
                    head = j;
                    need = false;
                    continue;
                }
                if (need && VerbSlot(text, w) || head < 0 && (PastForm(text, tokens, j) || cueAt[j] || j == k && afterRelative))
                {
                    head = j;
                    need = false;
                    continue;
                }
                if (head >= 0 && !need && Words.Particle.Has(w) && j == head + 1)
                    continue;
                break;
            }
            if (head < 0)
            {
                k = Math.Max(j, k + 1);
                continue;
            }
            var end = head + 1;
            while (end < j && Words.Particle.Has(tokens[end]))
                end++;
            var h = tokens[head];
            var participle = h.Norm.EndsWith("ed", StringComparison.Ordinal) || Words.PastForm.Has(h);
            var voice = be && participle && !Words.BeForm.Has(h) ? Voice.Passive : Voice.Active;
            var tense = future ? Tense.Future
                : have ? Tense.Perfect
                : be && h.Norm.EndsWith("ing", StringComparison.Ordinal) ? Tense.Progressive
                : participle || Words.BeForm.Has(h) && h.Norm is var b && (b.StartsWith('w')) ? Tense.Past
                : Tense.Present;
            // "using missiles to hit": a purpose is as real as the action it serves; "may be using
            // the episode to lay" is as possible.
            if (Words.Infinitive.Has(tokens[k]) && groups.Count > 0 && groups[^1].Span.Last <= k && k - groups[^1].Span.Last <= 8)
                m |= groups[^1].Modality;
            var index = groups.Count;
            groups.Add(new VerbGroup(new TokenSpan(k, end), head, h.Lemma, voice, tense, m) { IsSaying = cueAt[head] });
            for (var x = k; x < end; x++)
                groupOf[x] = index;
            k = end;
        }
        return groups;
    }

    // ---- clauses ----

    private static List<Clause> ReadClauses(IReadOnlyList<Token> tokens, List<VerbGroup> groups, int[] groupOf, int[] clauseOf)
    {
        var n = tokens.Count;
        var spans = new List<(ClauseKind Kind, int First)> { (ClauseKind.Main, 0) };
        for (var k = 1; k < n; k++)
        {
            var t = tokens[k];
            var prev = tokens[k - 1];
            var afterComma = prev.Kind == TokenKind.Punct && Words.PhraseBreak.Has(prev);
            ClauseKind? opens = null;
            if (t.Kind == TokenKind.Punct && Words.ClauseBreak.Has(t))
            {
                if (k + 1 < n)
                    spans.Add((ClauseKind.Main, k + 1));
                continue;
            }
            if (Words.Relative.Has(t))
                opens = ClauseKind.Relative;
            // "X, a city which lies near the border, said ...": a relative clause inside an
            // apposition ends at its comma; the verb after it goes back to the sentence's subject.
            else if (afterComma && groupOf[k] >= 0 && spans[^1].Kind == ClauseKind.Relative && HasGroup(groupOf, spans[^1].First, k - 1))
                opens = ClauseKind.Resumed;
            else if (Words.Subordinator.Has(t) || Words.LooseSubordinator.Has(t) && (afterComma || VerbAhead(tokens, groupOf, k + 1)))
                opens = ClauseKind.Subordinate;
            else if (Words.Complementizer.Has(t) && (groupOf[k - 1] >= 0 || afterComma || k + 1 < n && groupOf[k + 1] >= 0 || CueBefore(groups, spans[^1].First, k)))
                opens = k + 1 < n && groupOf[k + 1] >= 0 ? ClauseKind.Relative : ClauseKind.Reported;
            else if (Words.Coordinator.Has(t) && k + 1 < n && (groupOf[k + 1] >= 0 || afterComma))
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

        var clauses = new List<Clause>(spans.Count);
        Clause? opener = null;
        for (var i = 0; i < spans.Count; i++)
        {
            var first = spans[i].First;
            var last = i + 1 < spans.Count ? spans[i + 1].First : n;
            for (var k = first; k < last; k++)
                clauseOf[k] = i;
            var clause = Build(tokens, groups, groupOf, spans[i].Kind, first, last, i > 0 ? clauses[i - 1] : null, opener);
            clauses.Add(clause);
            if (clause.Kind == ClauseKind.Main)
                opener = clause;
        }
        return clauses;
    }

    /// <summary>
    /// Whether a verb group follows within a few words, before any break: "after Biden had
    /// announced" opens a clause; "after four days of fighting" is a prepositional phrase.
    /// </summary>
    private static bool VerbAhead(IReadOnlyList<Token> tokens, int[] groupOf, int from)
    {
        for (var k = from; k < tokens.Count && k < from + 6; k++)
        {
            if (groupOf[k] >= 0)
                return true;
            if (tokens[k].Kind == TokenKind.Punct || Words.Preposition.Has(tokens[k]))
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

    private static Clause Build(IReadOnlyList<Token> tokens, List<VerbGroup> groups, int[] groupOf, ClauseKind kind, int first, int last, Clause? previous, Clause? opener)
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
                (subject, shared) = (Antecedent(tokens, previous), true);
        }
        var obj = new TokenSpan(last, last);
        var attachments = new List<Attachment>();
        if (verb is not null)
        {
            var k = verb.Span.Last;
            var objEnd = k;
            while (objEnd < last && !Ends(tokens[objEnd], groupOf[objEnd]))
                objEnd++;
            obj = new TokenSpan(k, objEnd);
            for (k = objEnd; k < last; k++)
            {
                var t = tokens[k];
                if (!Words.Preposition.Has(t) && !Words.AgentPreposition.Has(t) && !Words.InstrumentPreposition.Has(t))
                    continue;
                var end = k + 1;
                while (end < last && !Ends(tokens[end], groupOf[end]))
                    end++;
                attachments.Add(new Attachment(RoleOf(t, verb), k, new TokenSpan(k + 1, end)));
                k = end - 1;
            }
        }
        return new Clause(kind, new TokenSpan(first, last), verb, subject, shared, obj, attachments);
    }

    /// <summary>Where a noun group or attachment ends: a preposition, a break, a verb group.</summary>
    private static bool Ends(Token t, int group) =>
        group >= 0 || Words.Complementizer.Has(t) || Words.Relative.Has(t) || Words.Preposition.Has(t) || Words.AgentPreposition.Has(t) || Words.InstrumentPreposition.Has(t)
        || t.Kind == TokenKind.Punct && Words.PhraseBreak.Has(t) || Words.Coordinator.Has(t);

    private static AttachmentRole RoleOf(Token preposition, VerbGroup verb) =>
        Words.AgentPreposition.Has(preposition) ? (verb.Voice == Voice.Passive ? AttachmentRole.Agent : AttachmentRole.Other)
        : Words.InstrumentPreposition.Has(preposition) ? AttachmentRole.Instrument
        : Words.OriginPreposition.Has(preposition) ? AttachmentRole.Origin
        : Words.LocationPreposition.Has(preposition) ? AttachmentRole.Location
        : Words.TimePreposition.Has(preposition) ? AttachmentRole.Time
        : AttachmentRole.Other;

    /// <summary>The noun group a relative clause follows: back from the clause's end to a preposition, verb or break.</summary>
    private static TokenSpan Antecedent(IReadOnlyList<Token> tokens, Clause previous)
    {
        var end = previous.Span.Last;
        while (end > previous.Span.First && tokens[end - 1].Kind == TokenKind.Punct)
            end--;
        var start = end;
        while (start > previous.Span.First && !Words.Preposition.Has(tokens[start - 1]) && tokens[start - 1].Kind != TokenKind.Punct
               && (previous.Verb is null || start - 1 >= previous.Verb.Span.Last || start - 1 < previous.Verb.Span.First))
            start--;
        return new TokenSpan(start, end);
    }

    // ---- noun groups ----

    /// <summary>
    /// A negative determiner or an attempt word opening a noun group ("no offensive actions",
    /// "an attempted advance", "a failed assault") marks the group's words.
    /// </summary>
    private static Modality[] NounModality(IReadOnlyList<Token> tokens, int[] groupOf)
    {
        var marks = new Modality[tokens.Count];
        var current = Modality.None;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (groupOf[k] >= 0 || t.Kind == TokenKind.Punct || Words.Preposition.Has(t) || Words.Coordinator.Has(t))
            {
                current = Modality.None;
                continue;
            }
            if (Words.NegativeDeterminer.Has(t))
                current |= Modality.Negated;
            else if (Words.AttemptVerb.Has(t))
                current |= Modality.Attempted;
            else if (Words.FailureVerb.Has(t))
                current |= Modality.Failed;
            marks[k] = current;
        }
        return marks;
    }

    // ---- attributions ----

    private static List<Attribution> ReadAttributions(IReadOnlyList<Token> tokens, IReadOnlyList<PhraseMatch<AttributionCue>> cues,
        List<Clause> clauses, int[] clauseOf, int[] groupOf, List<VerbGroup> groups)
    {
        var list = new List<Attribution>();
        foreach (var cue in cues)
        {
            if (cue.First >= tokens.Count)
                continue;
            var group = groupOf[cue.First] >= 0 ? groups[groupOf[cue.First]] : null;
            var denies = Words.DenialVerb.Has(tokens[cue.First]) || group is not null && (group.Modality & Modality.Negated) != 0;
            var cueSpan = group is null ? new TokenSpan(cue.First, cue.Last) : group.Span;
            TokenSpan speaker;
            if (cue.Value.SourcePosition == CuePosition.After)
            {
                var end = cue.Last;
                while (end < tokens.Count && !(tokens[end].Kind == TokenKind.Punct && Words.PhraseBreak.Has(tokens[end])))
                    end++;
                speaker = new TokenSpan(cue.Last, end);
            }
            else
            {
                // "..., the governor said": the words since the last break; after an apposition
                // ("Ivan Petrenko, the mayor, said") the clause's whole subject.
                var clause = clauses[clauseOf[cue.First]];
                var from = cueSpan.First;
                while (from > clause.Span.First && !(tokens[from - 1].Kind == TokenKind.Punct && Words.PhraseBreak.Has(tokens[from - 1])))
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
                    while (end < tokens.Count && !(tokens[end].Kind == TokenKind.Punct && Words.PhraseBreak.Has(tokens[end])))
                        end++;
                    speaker = new TokenSpan(cue.Last, end);
                }
            }
            list.Add(new Attribution(speaker, cueSpan, denies));
        }
        return list;
    }
}
