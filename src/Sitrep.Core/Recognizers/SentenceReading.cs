using System.Runtime.InteropServices;
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
    private readonly List<Quantity> _numbers = [];
    private readonly List<DateMention> _dates = [];

    internal SentenceReading(List<Token> tokens) => Tokens = tokens;

    public Sentence Sentence { get; private set; }
    public List<Token> Tokens { get; }
    public List<PhraseMatch<TriggerEntry>> Triggers { get; } = [];
    public List<PhraseMatch<WeaponEntry>> Weapons { get; } = [];
    public List<PhraseMatch<ActorEntry>> Actors { get; } = [];
    public List<PhraseMatch<CasualtyEntry>> Casualties { get; } = [];
    public List<PhraseMatch<AttributionCue>> Cues { get; } = [];
    public List<PhraseMatch<OfficeEntry>> Offices { get; } = [];
    public List<PhraseMatch<bool>> Institutions { get; } = [];
    public bool BackgroundCue { get; private set; }
    public bool AggregateCue { get; private set; }
    // None is the common case, and the shared empty array is enumerated through the interface
    // without the boxed enumerator a list costs at every foreach of the event builder. Not "? [] :",
    // which takes the list's type and so makes a new empty list at every read.
    public IReadOnlyList<Quantity> Numbers => _numbers.Count == 0 ? Array.Empty<Quantity>() : _numbers;
    public IReadOnlyList<DateMention> Dates => _dates.Count == 0 ? Array.Empty<DateMention>() : _dates;
    public List<IndexedMention> Places { get; } = [];

    /// <summary>
    /// Ready for the sentence: every list is filled by the recognizers in turn (each clears its
    /// own first), so a reading reused for the next sentence keeps nothing of the last.
    /// </summary>
    internal void Begin(Sentence sentence)
    {
        Sentence = sentence;
        Places.Clear();
        StartsInQuote = false;
        _firstQuote = -1;
    }

    internal List<Quantity> NumberList => _numbers;

    internal List<DateMention> DateList => _dates;

    internal void SetCues(bool background, bool aggregate)
    {
        BackgroundCue = background;
        AggregateCue = aggregate;
    }

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

    /// <summary>The index of the sentence's first quotation mark, or its token count; -1 until asked.</summary>
    private int _firstQuote = -1;

    private int FirstQuote()
    {
        for (var k = 0; k < Tokens.Count; k++)
        {
            if (IsQuote(Tokens[k]))
                return k;
        }
        return Tokens.Count;
    }

    private static bool IsQuote(Token t) => t.Kind == TokenKind.Punct && t.Norm == "\"";

    /// <summary>Whether a quotation is still open at the end of the sentence.</summary>
    public bool EndsInQuote => InQuote(Tokens.Count);

    /// <summary>True when the token at i is inside quotation marks opened earlier in the sentence.</summary>
    public bool InQuote(int tokenIndex)
    {
        var open = StartsInQuote;
        // Most sentences hold no quotation mark: up to the first one nothing toggles, so the
        // builder's many questions about such a sentence need not walk its tokens each time.
        if (_firstQuote < 0)
            _firstQuote = FirstQuote();
        for (var k = _firstQuote; k < tokenIndex && k < Tokens.Count; k++)
        {
            if (IsQuote(Tokens[k]))
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

    /// <summary>
    /// The reading over the thread's token buffer: a caller that hands in a buffer is done with
    /// a reading before it asks for the next, so its lists serve sentence after sentence
    /// instead of a dozen new lists per sentence.
    /// </summary>
    [ThreadStatic]
    private static SentenceReading? _reused;

    /// <summary>Place phrases ("the capital") of the sentence being read: only looked through, so one list per thread.</summary>
    [ThreadStatic]
    private static List<PhraseMatch<string>>? _placePhrases;

    /// <param name="documentWords">Where the place recognizer keeps the sentence's words for the geocoder; null for none.</param>
    /// <param name="tokenBuffer">
    /// A list the reading's tokens are written into, cleared first, for a caller that is done with
    /// one reading before it asks for the next; null for a list of the reading's own. A reading
    /// over a buffer is itself reused by the next sentence read into that buffer on this thread.
    /// </param>
    public SentenceReading Read(string text, Sentence sentence, DateOnly? anchor, List<PlaceMention> documentMentions, DocumentWords? documentWords = null,
        List<Token>? tokenBuffer = null)
    {
        SentenceReading reading;
        if (tokenBuffer is null)
        {
            reading = new SentenceReading(Tokenizer.Tokenize(text, sentence.Start, sentence.End));
        }
        else
        {
            Tokenizer.Tokenize(text, sentence.Start, sentence.End, tokenBuffer);
            reading = _reused is { } last && ReferenceEquals(last.Tokens, tokenBuffer) ? last : _reused = new SentenceReading(tokenBuffer);
        }
        reading.Begin(sentence);
        var tokens = reading.Tokens;
        var words = _words ??= new SentenceWords();
        words.Read(lexicons.Vocabulary, tokens);
        var found = reading.Places;
        var actors = reading.Actors;
        lexicons.Actors.MatchInto(text, tokens, words, actors);
        var dates = reading.DateList;
        DateRecognizer.RecognizeInto(text, sentence.Start, sentence.End, anchor, dates, CollectionsMarshal.AsSpan(tokens));
        if (places is not null)
        {
            var mentions = places.Find(text, sentence.Start, sentence.End, documentWords);
            for (var k = 0; k < mentions.Count; k++)
            {
                var mention = mentions[k];
                // "Kremlin-linked", "Russian": a side's adjective is not a place; nor is a bloc ("the EU", not Eu in France).
                if (InsideSideWord(actors, mention))
                    continue;
                // "on Thursday", "in May": a date, not a village of that name.
                if (OverlapsDate(dates, mention))
                    continue;
                found.Add(new IndexedMention(documentMentions.Count, mention));
                documentMentions.Add(mention);
            }
            var phrases = _placePhrases ??= [];
            lexicons.PlacePhrases.MatchInto(text, tokens, words, phrases);
            foreach (var phrase in phrases)
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
        lexicons.Triggers.MatchInto(text, tokens, words, reading.Triggers);
        lexicons.Weapons.MatchInto(text, tokens, words, reading.Weapons);
        lexicons.Casualties.MatchInto(text, tokens, words, reading.Casualties);
        lexicons.Attribution.MatchInto(text, tokens, words, reading.Cues);
        lexicons.Offices.MatchInto(text, tokens, words, reading.Offices);
        lexicons.Institutions.MatchInto(text, tokens, words, reading.Institutions);
        reading.SetCues(lexicons.BackgroundCues.Any(text, tokens, words), lexicons.AggregateCues.Any(text, tokens, words));
        NumberRecognizer.RecognizeInto(text, sentence.Start, sentence.End, reading.NumberList, CollectionsMarshal.AsSpan(tokens));
        return reading;
    }

    // Loops, not lambdas: a lambda over the mention made a closure for every place found.
    private static bool InsideSideWord(List<PhraseMatch<ActorEntry>> actors, PlaceMention mention)
    {
        foreach (var a in actors)
            if (a.Value.Role is ActorRole.Adjective or ActorRole.Bloc && a.Start <= mention.Start && mention.End <= a.End)
                return true;
        return false;
    }

    private static bool OverlapsDate(List<DateMention> dates, PlaceMention mention)
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
