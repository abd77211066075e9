using Sitrep.Geo;
using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>
/// A place mention with its index in the document's mention list. <see cref="Canonical"/>
/// is set for a phrase that names a place without its name ("the capital").
/// </summary>
public readonly record struct IndexedMention(int Index, PlaceMention Mention, string? Canonical = null);

/// <summary>Everything the recognizers found in one sentence: what the event builder reads.</summary>
public sealed class SentenceReading
{
    public required Sentence Sentence { get; init; }
    public required List<Token> Tokens { get; init; }
    public required List<PhraseMatch<TriggerEntry>> Triggers { get; init; }
    public required List<PhraseMatch<WeaponEntry>> Weapons { get; init; }
    public required List<PhraseMatch<ActorEntry>> Actors { get; init; }
    public required List<PhraseMatch<CasualtyEntry>> Casualties { get; init; }
    public required List<PhraseMatch<AttributionCue>> Cues { get; init; }
    public required List<PhraseMatch<OfficeEntry>> Offices { get; init; }
    public required List<PhraseMatch<bool>> Institutions { get; init; }
    public required bool BackgroundCue { get; init; }
    public required bool AggregateCue { get; init; }
    public required IReadOnlyList<Quantity> Numbers { get; init; }
    public required IReadOnlyList<DateMention> Dates { get; init; }
    public required List<IndexedMention> Places { get; init; }

    /// <summary>True when the sentence began inside a quotation opened in an earlier sentence of its paragraph.</summary>
    public bool StartsInQuote { get; set; }

    /// <summary>Index of the token that starts at or covers a character offset.</summary>
    public int TokenAt(int offset)
    {
        int lo = 0, hi = Tokens.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].End <= offset)
                lo = mid + 1;
            else if (Tokens[mid].Start > offset)
                hi = mid - 1;
            else
                return mid;
        }
        return Math.Min(lo, Tokens.Count - 1);
    }

    /// <summary>Whether a quotation is still open at the end of the sentence.</summary>
    public bool EndsInQuote => InQuote(Tokens.Count);

    /// <summary>True when the token at i is inside quotation marks opened earlier in the sentence.</summary>
    public bool InQuote(int tokenIndex)
    {
        var open = StartsInQuote;
        for (var k = 0; k < tokenIndex && k < Tokens.Count; k++)
        {
            if (Tokens[k].Kind == TokenKind.Punct && Tokens[k].Norm == "\"")
                open = !open;
        }
        return open;
    }
}

/// <summary>Runs every recognizer over a sentence: the "find" half of the pipeline.</summary>
public sealed class SentenceReader(Lexicons lexicons, PlaceRecognizer? places)
{
    /// <summary>The sentence's words as vocabulary numbers: read once per sentence for the ten lexicons.</summary>
    [ThreadStatic]
    private static SentenceWords? _words;

    /// <param name="documentWords">Where the place recognizer keeps the sentence's words for the geocoder; null for none.</param>
    /// <param name="tokenBuffer">
    /// A list the reading's tokens are written into, cleared first, for a caller that is done with
    /// one reading before it asks for the next; null for a list of the reading's own.
    /// </param>
    public SentenceReading Read(string text, Sentence sentence, DateOnly? anchor, List<PlaceMention> documentMentions, DocumentWords? documentWords = null,
        List<Token>? tokenBuffer = null)
    {
        var tokens = tokenBuffer is null
            ? Tokenizer.Tokenize(text, sentence.Start, sentence.End)
            : Tokenizer.Tokenize(text, sentence.Start, sentence.End, tokenBuffer);
        var words = _words ??= new SentenceWords();
        words.Read(lexicons.Vocabulary, tokens);
        var found = new List<IndexedMention>();
        var actors = lexicons.Actors.Match(text, tokens, words);
        var dates = DateRecognizer.Recognize(text, sentence.Start, sentence.End, anchor);
        if (places is not null)
        {
            foreach (var mention in places.Find(text, sentence.Start, sentence.End, documentWords))
            {
                // "Kremlin-linked", "Russian": a side's adjective is not a place; nor is a bloc ("the EU", not Eu in France).
                if (InsideSideWord(actors, mention))
                    continue;
                // "on Thursday", "in May": a date, not a village of that name.
                if (OverlapsDate(dates, mention))
                    continue;
                found.Add(new IndexedMention(documentMentions.Count, mention));
                documentMentions.Add(mention);
            }
            foreach (var phrase in lexicons.PlacePhrases.Match(text, tokens, words))
            {
                if (phrase.Value == "-" || OverlapsFound(found, phrase.Start, phrase.End))
                    continue;
                // "the city" of a report without a dateline: nothing for it to stand for.
                if (phrase.Value == Lexicons.DatelinePlace && !documentMentions.Any(m => m.Dateline))
                    continue;
                var mention = new PlaceMention(phrase.Start, phrase.End, text[phrase.Start..phrase.End], PlaceKind.Settlement);
                found.Add(new IndexedMention(documentMentions.Count, mention, phrase.Value));
                documentMentions.Add(mention);
            }
            found.Sort((a, b) => a.Mention.Start.CompareTo(b.Mention.Start));
        }
        return new SentenceReading
        {
            Sentence = sentence,
            Tokens = tokens,
            Triggers = lexicons.Triggers.Match(text, tokens, words),
            Weapons = lexicons.Weapons.Match(text, tokens, words),
            Actors = actors,
            Casualties = lexicons.Casualties.Match(text, tokens, words),
            Cues = lexicons.Attribution.Match(text, tokens, words),
            Offices = lexicons.Offices.Match(text, tokens, words),
            Institutions = lexicons.Institutions.Match(text, tokens, words),
            BackgroundCue = lexicons.BackgroundCues.Any(text, tokens, words),
            AggregateCue = lexicons.AggregateCues.Any(text, tokens, words),
            Numbers = NumberRecognizer.Recognize(text, sentence.Start, sentence.End),
            Dates = dates,
            Places = found,
        };
    }

    // Loops, not lambdas: a lambda over the mention made a closure for every place found.
    private static bool InsideSideWord(List<PhraseMatch<ActorEntry>> actors, PlaceMention mention)
    {
        foreach (var a in actors)
            if (a.Value.Role is ActorRole.Adjective or ActorRole.Bloc && a.Start <= mention.Start && mention.End <= a.End)
                return true;
        return false;
    }

    private static bool OverlapsDate(IReadOnlyList<DateMention> dates, PlaceMention mention)
    {
        for (var i = 0; i < dates.Count; i++)
            if (dates[i].Start < mention.End && mention.Start < dates[i].End)
                return true;
        return false;
    }

    private static bool OverlapsFound(List<IndexedMention> found, int start, int end)
    {
        foreach (var f in found)
            if (f.Mention.Start < end && start < f.Mention.End)
                return true;
        return false;
    }
}
