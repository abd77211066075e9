using Sitrep.Clauses;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Clauses;

/// <summary>The clause layer on sentences of our own: verb groups, clauses, subjects, attachments, attributions.</summary>
public sealed class ClauseReaderTests
{
    private sealed record Read(string Text, List<Token> Tokens, ClauseAnalysis Analysis)
    {
        public string Words(TokenSpan s) => s.IsEmpty ? "" : Text[Tokens[s.First].Start..Tokens[s.Last - 1].End];

        public VerbGroup Group(string head) => Analysis.Groups.Single(g => Tokens[g.Head].Norm == head);

        public int Token(string word) => Tokens.FindIndex(t => t.Norm == word);
    }

    private static Read Analyse(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return new Read(text, tokens, ClauseReader.Read(text, tokens, Lexicons.Default.Attribution.Match(text, tokens)));
    }

    private static string Described(string text, bool reusing, bool bareTokens = false)
    {
        var tokens = Tokenizer.Tokenize(text);
        var cues = Lexicons.Default.Attribution.Match(text, tokens);
        // Tokens in an array and without the tokenizer's word records: the copy and the class lookups the reader falls back on.
        IReadOnlyList<Token> read = bareTokens ? tokens.Select(t => t with { Word = null }).ToArray() : tokens;
        var analysis = reusing ? ClauseReader.ReadReusing(text, read, cues) : ClauseReader.Read(text, read, cues);
        var sb = new System.Text.StringBuilder();
        analysis.Describe(sb, text, tokens);
        for (var k = 0; k < tokens.Count; k++)
            sb.Append(analysis.ModalityOf(tokens, k)).Append(analysis.NounModalityOf(k)).Append(';');
        // Past the sentence's end an analysis knows no clause, even in slots a longer sentence filled.
        for (var k = 0; k < tokens.Count + 8; k++)
            sb.Append(analysis.ClauseOf(k)?.Span).Append(analysis.GroupAt(k)?.Span).Append(';');
        return sb.ToString();
    }

    [Fact]
    public void A_reused_analysis_answers_as_a_fresh_one_after_a_longer_sentence()
    {
        string[] sentences =
        [
            "Ivan Petrenko, the mayor of the city, which lies near the border, said on Wednesday that Russian forces had tried to advance but were repelled by Ukrainian troops.",
            "The drones struck a depot.",
            "Kyiv denied that its forces had shelled the village, officials said.",
            "No offensive actions.",
        ];
        foreach (var text in sentences)
            Assert.Equal(Described(text, reusing: false), Described(text, reusing: true));
    }

    [Theory]
    [InlineData("Ivan Petrenko, the mayor of the city, which lies near the border, said on Wednesday that Russian forces had tried to advance but were repelled by Ukrainian troops.")]
    [InlineData("The \"special military operation\" (SVO) went on, the Security Service (SBU) said, and \"it was hit\" twice.")]
    [InlineData("Kyiv denied that its forces had shelled the village (near Izium), officials said.")]
    public void Tokens_of_any_list_and_without_word_records_read_the_same(string text)
    {
        Assert.Equal(Described(text, reusing: false), Described(text, reusing: false, bareTokens: true));
        Assert.Equal(Described(text, reusing: true), Described(text, reusing: true, bareTokens: true));
    }

    [Fact]
    public void An_analysis_of_its_own_keeps_its_groups_and_clauses_while_others_are_read()
    {
        const string first = "Russian forces had tried to advance near the river but were repelled by Ukrainian troops.";
        var kept = Analyse(first);
        var before = (kept.Analysis.Clauses.Select(c => (c.Kind, c.Span, c.Subject, c.Object, c.Attachments.Count)).ToList(),
            kept.Analysis.Groups.Select(g => (g.Span, g.Lemma, g.Voice)).ToList());
        Analyse("The drones struck a depot.");
        var tokens = Tokenizer.Tokenize("Officials said it was hit.");
        ClauseReader.ReadReusing("Officials said it was hit.", tokens, []);
        Assert.Equal(before.Item1, kept.Analysis.Clauses.Select(c => (c.Kind, c.Span, c.Subject, c.Object, c.Attachments.Count)).ToList());
        Assert.Equal(before.Item2, kept.Analysis.Groups.Select(g => (g.Span, g.Lemma, g.Voice)).ToList());
        Assert.Contains(kept.Analysis.Clauses, c => c.Attachments.Any(a => a.Role == AttachmentRole.Agent));
    }

    [Theory]
    [InlineData("Russian forces may attempt to destroy the bridge.", "destroy", Modality.Possible | Modality.Attempted)]
    [InlineData("The army could strike the depot again.", "strike", Modality.Possible)]
    [InlineData("Moscow aims to capture the town by spring.", "capture", Modality.Intended)]
    [InlineData("Kyiv has vowed to retake the region.", "retake", Modality.Intended)]
    [InlineData("The enemy tried to advance towards the river.", "advance", Modality.Attempted)]
    [InlineData("Russian troops failed to seize the airport.", "seize", Modality.Failed)]
    [InlineData("Russian forces have not made any gains.", "made", Modality.Negated)]
    [InlineData("The troops did not cross the river.", "cross", Modality.Negated)]
    [InlineData("Russia will launch more drones, officials warned.", "launch", Modality.Future)]
    [InlineData("Ukrainian forces were forced to withdraw from the village.", "withdraw", Modality.None)]
    [InlineData("The drones struck a depot.", "struck", Modality.None)]
    public void A_verb_group_carries_the_modality_of_its_auxiliaries_and_chained_verbs(string text, string head, Modality modality)
    {
        Assert.Equal(modality, Analyse(text).Group(head).Modality);
    }

    [Theory]
    [InlineData("The village was shelled by Russian artillery overnight.", "shelled", "Russian artillery overnight")]
    [InlineData("Two drones were shot down by Ukrainian air defences.", "shot", "Ukrainian air defences")]
    public void A_passive_verb_takes_its_agent_from_the_by_phrase(string text, string head, string agent)
    {
        var read = Analyse(text);
        var group = read.Group(head);
        Assert.Equal(Voice.Passive, group.Voice);
        Assert.Equal(agent, read.Words(Assert.NotNull(read.Analysis.AgentOf(group))));
    }

    [Theory]
    [InlineData("Russia had launched a \"massive\" offensive near the river.", "launched", "Russia")]
    [InlineData("The enemy began a \u201cnew\u201d push towards the town.", "began", "The enemy")]
    public void Quotation_marks_around_a_few_words_end_no_clause(string text, string head, string subject)
    {
        var read = Analyse(text);
        Assert.Single(read.Analysis.Clauses);
        Assert.Equal(subject, read.Words(read.Analysis.SubjectOf(read.Group(head))));
    }

    [Fact]
    public void A_quotation_of_more_words_still_ends_a_clause()
    {
        var read = Analyse("He said \"we will hold the line at any cost\" on Monday.");
        Assert.True(read.Analysis.Clauses.Count > 1);
    }

    [Theory]
    [InlineData("The troops attacked the village on Monday.", "attacked", Tense.Past, Voice.Active)]
    [InlineData("Russia has launched a new offensive.", "launched", Tense.Perfect, Voice.Active)]
    [InlineData("The army is preparing a counteroffensive.", "preparing", Tense.Progressive, Voice.Active)]
    public void A_verb_group_has_a_tense_and_a_voice(string text, string head, Tense tense, Voice voice)
    {
        var group = Analyse(text).Group(head);
        Assert.Equal(tense, group.Tense);
        Assert.Equal(voice, group.Voice);
    }

    [Theory]
    [InlineData("Russian units attacked near the village but were repelled by Ukrainian troops.", "repelled", "Russian units")]
    [InlineData("The brigade crossed the river and captured two villages.", "captured", "The brigade")]
    public void A_coordinated_verb_shares_the_subject_of_the_first(string text, string head, string subject)
    {
        var read = Analyse(text);
        var group = read.Group(head);
        Assert.Equal(ClauseKind.Coordinate, read.Analysis.ClauseOf(group.Head)!.Kind);
        Assert.Equal(subject, read.Words(read.Analysis.SubjectOf(group)));
    }

    [Theory]
    [InlineData("Russian drones attacked the port on Monday.", "port", AttachmentRole.Location, "Monday")]
    [InlineData("The army struck the city with cruise missiles.", "city", AttachmentRole.Instrument, "cruise missiles")]
    [InlineData("Drones were launched from the Kursk region.", "launched", AttachmentRole.Origin, "the Kursk region")]
    public void Prepositional_phrases_after_the_verb_are_attached_by_role(string text, string _, AttachmentRole role, string phrase)
    {
        var read = Analyse(text);
        var clause = read.Analysis.Clauses[0];
        Assert.Contains(clause.Attachments, a => a.Role == role && read.Words(a.Phrase) == phrase);
    }

    [Theory]
    [InlineData("Russian missiles hit the city overnight, the governor said.", "the governor")]
    [InlineData("The Ukrainian presidency says that a strike hit a school.", "The Ukrainian presidency")]
    [InlineData("Shelling hit the town, according to the regional administration.", "the regional administration")]
    [InlineData("Ivan Petrenko, the mayor of the city, a port which lies on the coast, said two people were hurt.", "Ivan Petrenko, the mayor of the city, a port which lies on the coast,")]
    public void An_attribution_frame_finds_its_speaker(string text, string speaker)
    {
        var read = Analyse(text);
        var frame = Assert.Single(read.Analysis.Attributions);
        Assert.Equal(speaker, read.Words(frame.Speaker));
        Assert.False(frame.Denies);
    }

    [Theory]
    [InlineData("Kyiv denied that its drones attacked the airport.", "attacked")]
    [InlineData("The ministry denies that troops shelled the village.", "shelled")]
    public void A_denial_denies_what_it_reports(string text, string reported)
    {
        var read = Analyse(text);
        Assert.True(Assert.Single(read.Analysis.Attributions).Denies);
        Assert.True((read.Analysis.ModalityOf(read.Tokens, read.Token(reported)) & Modality.Denied) != 0);
    }

    [Theory]
    [InlineData("No offensive actions were recorded near the town.", "actions", Modality.Negated)]
    [InlineData("The city lies in the direction of an attempted advance.", "advance", Modality.Attempted)]
    public void A_noun_group_can_deny_or_attempt_its_head(string text, string noun, Modality modality)
    {
        var read = Analyse(text);
        Assert.True((read.Analysis.ModalityOf(read.Tokens, read.Token(noun)) & modality) != 0);
    }

    [Theory]
    [InlineData("Russia will respond to Ukraine's strike on the bridge.", "strike")]
    [InlineData("The army may retaliate for the attack on its base.", "attack")]
    public void A_definite_noun_keeps_its_event_real_under_a_future_or_possible_verb(string text, string noun)
    {
        var read = Analyse(text);
        Assert.Equal(Modality.None, read.Analysis.ModalityOf(read.Tokens, read.Token(noun)));
    }

    [Theory]
    [InlineData("Russia may be massing troops to open a new line of advance.", "advance")]
    [InlineData("Moscow could use the incident to prepare new strikes.", "strikes")]
    public void A_purpose_shares_the_modality_of_what_it_serves(string text, string noun)
    {
        var read = Analyse(text);
        Assert.True((read.Analysis.ModalityOf(read.Tokens, read.Token(noun)) & Modality.Possible) != 0);
    }

    [Fact]
    public void Every_token_of_a_long_sentence_belongs_to_one_clause()
    {
        var text = string.Join(", ", Enumerable.Repeat("the troops attacked the village and were repelled", 2000)) + ".";
        var read = Analyse(text);
        for (var k = 0; k < read.Tokens.Count; k++)
            Assert.NotNull(read.Analysis.ClauseOf(k));
    }
}
