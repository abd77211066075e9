using System.Security.Cryptography;
using System.Text;
using Sitrep.Clauses;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>Options of one extraction run; change with <c>o with { ... }</c>.</summary>
public readonly record struct ExtractionOptions
{
    /// <summary>Keep events the report mentions only as past context (marked <c>background</c>).</summary>
    public bool IncludeBackground { get; init; }

    /// <summary>When set, receives one line per sentence read: what each recognizer found in it.</summary>
    public TextWriter? Explain { get; init; }
}

/// <summary>
/// Document in, event records out: segmenting (with cleaning), recognizing, building,
/// resolving places for the whole document at once, merging, and writing the records.
/// Each stage is a plain function of its input; this class only composes them.
/// </summary>
public sealed class ReportPipeline
{
    private readonly Segmenter _segmenter;
    private readonly SentenceReader _reader;
    private readonly Geocoder? _geocoder;
    private readonly ExtractionOptions _options;

    private ReportPipeline(Gazetteer? gazetteer, ExtractionOptions options)
    {
        _segmenter = Segmenter.Default;
        _reader = new SentenceReader(Lexicons.Default, gazetteer is null ? null : new PlaceRecognizer(gazetteer));
        _geocoder = gazetteer is null ? null : new Geocoder(gazetteer);
        _options = options;
        Words.Check();
    }

    /// <summary>
    /// Loads what every pipeline shares (lexicons, word classes, the date and number patterns)
    /// ahead of the first report. Thread-safe: a caller runs it beside loading the place index,
    /// so a short run waits for the slower of the two instead of both in turn.
    /// </summary>
    public static void Prepare()
    {
        _ = Lexicons.Default;
        _ = Segmenter.Default;
        Words.Check();
        DateRecognizer.Recognize(string.Empty, null);
        NumberRecognizer.Recognize(string.Empty);
    }

    /// <summary>A pipeline that places events with <paramref name="gazetteer"/>.</summary>
    public static ReportPipeline Create(Gazetteer gazetteer, ExtractionOptions options = default) => new(gazetteer, options);

    /// <summary>A pipeline without a gazetteer: events carry no places. For tests of the event rules.</summary>
    internal static ReportPipeline WithoutPlaces(ExtractionOptions options = default) => new(null, options);

    /// <summary>
    /// The events of one report. <paramref name="budget"/> is checked between sentences, so a
    /// report over its time budget stops with <see cref="OperationCanceledException"/> and the
    /// caller can name it and go on.
    /// </summary>
    public IReadOnlyList<EventRecord> Extract(Document document, CancellationToken budget = default) =>
        Run(document, _geocoder, budget).Events;

    /// <summary>
    /// The events of one report, with same-named villages its text leaves tied resolved toward
    /// <paramref name="prior"/>: where the run's other reports, or the store, place the war that week.
    /// </summary>
    public IReadOnlyList<EventRecord> Extract(Document document, FrontPrior? prior, CancellationToken budget = default) =>
        Run(document, prior is null ? _geocoder : _geocoder?.WithPrior(prior), budget).Events;

    /// <summary>
    /// The first pass of a run: the report's events as read without a run prior, the places of
    /// those events its text settles beyond doubt, and whether a prior could change any place.
    /// </summary>
    public ReportSurvey Survey(Document document, CancellationToken budget = default) =>
        Run(document, _geocoder, budget);

    /// <summary>
    /// The first pass, keeping what a second pass needs of a report a prior could change (its
    /// text, place mentions and drafts as read) in <see cref="ReportSurvey.Reading"/>, so that
    /// <see cref="Extract(ReportSurvey, FrontPrior?, CancellationToken)"/> redoes only its places,
    /// dates and merging instead of reading the report again.
    /// </summary>
    public ReportSurvey SurveyKeeping(Document document, CancellationToken budget = default) =>
        Run(document, _geocoder, budget, keepReading: true);

    /// <summary>
    /// The second pass from a reading <see cref="SurveyKeeping"/> kept: the same events as
    /// <see cref="Extract(Document, FrontPrior?, CancellationToken)"/> of the report, without
    /// reading its sentences again. A kept reading serves one second pass.
    /// </summary>
    public IReadOnlyList<EventRecord> Extract(ReportReading reading, FrontPrior? prior, CancellationToken budget = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return Place(reading.State, prior is null ? _geocoder : _geocoder?.WithPrior(prior), budget, keepReading: false).Events;
    }

    /// <summary>
    /// One sentence's tokens at a time: a reading is done with (built, explained) before the next
    /// sentence is read, and a run never starts another on its thread, so the list is the thread's.
    /// </summary>
    [ThreadStatic]
    private static List<Token>? _sentenceTokens;

    private ReportSurvey Run(Document document, Geocoder? geocoder, CancellationToken budget, bool keepReading = false) =>
        Place(Read(document, budget), geocoder, budget, keepReading);

    /// <summary>Everything up to the places: sentences read and events drafted, none of it touched by a prior.</summary>
    private ReadState Read(Document document, CancellationToken budget)
    {
        var text = document.Text;
        var sentenceTokens = _sentenceTokens ??= new List<Token>(256);
        var layout = _segmenter.Segment(text);
        var mentions = new List<PlaceMention>();
        var words = new DocumentWords(text);
        var builder = new EventBuilder(text, document.Meta.Published) { Explaining = _options.Explain is not null };
        foreach (var sentence in layout.Sentences)
        {
            budget.ThrowIfCancellationRequested();
            var reading = _reader.Read(text, sentence, document.Meta.Published, mentions, words, sentenceTokens);
            // A sentence with no trigger, cue or casualty builds nothing the clauses could shape.
            var clauses = reading.Triggers.Count > 0 || reading.Cues.Count > 0 || reading.Casualties.Count > 0 || _options.Explain is not null
                ? ClauseReader.ReadReusing(text, reading.Tokens, reading.Cues)
                : ClauseAnalysis.None;
            builder.Add(reading, clauses);
            if (_options.Explain is { } explain)
                Explanation.Write(explain, document.Id, text, reading, clauses, builder.Notes);
        }
        return new ReadState(document.Id, document.Meta.Published, text, layout, mentions, words, builder.PhraseMentions, builder.Drafts);
    }

    /// <summary>
    /// Places, dates and merging, from a report's reading. Merging works on the drafts
    /// themselves; with <paramref name="keepReading"/>, a report whose places a prior could change
    /// keeps a copy of them as read, so its second pass starts here instead of from its file.
    /// </summary>
    private ReportSurvey Place(ReadState read, Geocoder? geocoder, CancellationToken budget, bool keepReading)
    {
        budget.ThrowIfCancellationRequested();
        var text = read.Text;
        var survey = geocoder is null || read.Mentions.Count == 0 ? null : ResolvePlaces(geocoder, text, read.Mentions, read.Words, read.Layout, read.PhraseMentions);
        var kept = keepReading && survey is { PriorCanDecide: true } ? new ReportReading(read with { Drafts = EventDraft.CopyAll(read.Drafts) }) : null;
        IReadOnlyList<Place?> places = survey?.Places ?? [];
        var drafts = read.Drafts;
        foreach (var draft in drafts)
            draft.Places = PlacesOf(draft, places);
        RelativeDates.Resolve(drafts);

        var merged = EventMerger.Merge(drafts);
        NarrativeDates.Fill(merged, read.Published);
        var events = new List<EventRecord>();
        foreach (var draft in merged)
        {
            if (draft.Background && !_options.IncludeBackground)
                continue;
            draft.Places = Prune(draft.Places);
            events.Add(Record(read.Doc, text, draft));
        }
        return new ReportSurvey(events, SettledPlaces(events, survey), survey?.PriorCanDecide ?? false) { Reading = kept };
    }

    /// <summary>The places of the report's events that its text settles on its own.</summary>
    private static List<Place> SettledPlaces(List<EventRecord> events, PlaceSurvey? survey)
    {
        if (survey is null)
            return [];
        var settled = new HashSet<long>();
        for (var i = 0; i < survey.Places.Count; i++)
            if (survey.Unambiguous[i] && survey.Places[i]?.GeonamesId is { } id)
                settled.Add(id);
        return events.SelectMany(e => e.Places)
            .Where(p => p.GeonamesId is { } id && settled.Contains(id))
            .DistinctBy(p => p.GeonamesId)
            .ToList();
    }

    /// <summary>
    /// Resolves the document's mentions together; a phrase that names a place without its
    /// name ("the capital") takes the gazetteer's first candidate for the name it stands for.
    /// </summary>
    private static PlaceSurvey ResolvePlaces(Geocoder geocoder, string text, List<PlaceMention> mentions, DocumentWords words, Layout layout, IReadOnlyDictionary<int, string> phrases)
    {
        var sentences = layout.Sentences.Select(s => new SentenceSpan(s.Start, s.End)).ToList();
        var survey = geocoder.Survey(text, mentions, sentences, words);
        if (phrases.Count == 0)
            return survey;
        var resolved = survey.Places.ToArray();
        foreach (var (index, name) in phrases)
        {
            if (name == Lexicons.DatelinePlace)
            {
                resolved[index] = DatelineAnaphor(index, mentions, survey.Places, sentences, phrases);
                continue;
            }
            var target = name == CapitalOfTheStory ? StoryCapital(resolved) : name;
            var candidate = target is null ? null : geocoder.Gazetteer.Lookup(target).FirstOrDefault(c => c.Place.Kind == PlaceKind.Settlement);
            resolved[index] = candidate is null ? null : candidate.Place with { Mention = mentions[index].Text };
        }
        return survey with { Places = resolved };
    }

    /// <summary>
    /// "the city" in a report filed from a dateline is the dateline's settlement, but only when
    /// nothing else could be meant: the sentence names no other place, and no other settlement
    /// was told between the dateline and the phrase (that one would be "the city").
    /// </summary>
    private static Place? DatelineAnaphor(int index, List<PlaceMention> mentions, IReadOnlyList<Place?> resolved, List<SentenceSpan> sentences, IReadOnlyDictionary<int, string> phrases)
    {
        var at = mentions[index].Start;
        var dateline = -1;
        for (var i = 0; i < mentions.Count; i++)
            if (mentions[i].Dateline && mentions[i].Start < at && (dateline < 0 || mentions[i].Start < mentions[dateline].Start))
                dateline = i;
        if (dateline < 0 || resolved[dateline] is not { Kind: PlaceKind.Settlement, Lat: not null } place)
            return null;
        var sentence = sentences.FindLast(s => s.Start <= at);
        for (var i = 0; i < mentions.Count; i++)
        {
            if (i == dateline || phrases.ContainsKey(i) || resolved[i] is not { } other)
                continue;
            var start = mentions[i].Start;
            var inSentence = start >= sentence.Start && start < sentence.End;
            var between = start > mentions[dateline].Start && start < at && other.Kind == PlaceKind.Settlement && other.GeonamesId != place.GeonamesId;
            if (inSentence || between)
                return null;
        }
        return place with { Mention = mentions[index].Text };
    }

    /// <summary>Marks a bare "the capital" in place-phrases.tsv: the capital of the country the report is set in.</summary>
    private const string CapitalOfTheStory = "@capital";

    /// <summary>The capital of the belligerent whose places the report names most; Kyiv when it names none.</summary>
    private static string? StoryCapital(IReadOnlyList<Place?> resolved)
    {
        var ua = resolved.Count(p => p?.Country == "UA" && p.Kind != PlaceKind.Country);
        var ru = resolved.Count(p => p?.Country == "RU" && p.Kind != PlaceKind.Country);
        return ru > ua ? "Moscow" : "Kyiv";
    }

    /// <summary>
    /// The resolved places of a draft, without a region that only qualifies a settlement
    /// also named ("Lozova in the Kharkiv region" is Lozova).
    /// </summary>
    private static List<Place> PlacesOf(EventDraft draft, IReadOnlyList<Place?> resolved)
    {
        var list = new List<Place>();
        foreach (var i in draft.Mentions)
        {
            if (i < resolved.Count && resolved[i] is { } p)
                EventMerger.AddPlace(list, p);
        }
        return Prune(list);
    }

    private static List<Place> Prune(List<Place> list)
    {
        var settlements = list.Where(p => p.Kind is PlaceKind.Settlement or PlaceKind.Facility).ToList();
        list.RemoveAll(r => r.Kind == PlaceKind.Region && settlements.Any(s =>
            s.Country == r.Country && s.Admin1 is not null && s.Admin1 == r.Admin1
            || r.Name.StartsWith(s.Name + " ", StringComparison.OrdinalIgnoreCase)));
        // A building named beside its city is the city, told twice.
        list.RemoveAll(f => f.Kind == PlaceKind.Facility && settlements.Any(s => s.Kind == PlaceKind.Settlement && EventMerger.Km(s, f) < EventMerger.SamePointKm));
        return list;
    }

    private static EventRecord Record(string doc, string text, EventDraft d)
    {
        // Where it happened: a town or region says; a country only when it is the one named.
        var country = BelligerentWhere(d.Places);
        if (country is null && OnlyCountryNamed(d.Places) is ("UA" or "RU") and var named)
            country = named;
        // An office that did not name its side speaks for the country where it happened, or,
        // for an attack told without a place, for the side that was attacked ("the Air Force said").
        var actor = d.Actor;
        var claim = d.Claim is { } c
            ? c.Code ?? (c.Office is null ? null : country ?? (d.Type is EventType.Strike ? Sides.Opponent(actor) : null))
            : null;
        if (actor is null && d.Type is EventType.Strike or EventType.AirDefense)
            actor = Sides.AttackerOf(country) ?? (d.Type == EventType.Strike ? Sides.Opponent(claim) : claim);
        // Assaults on places in Ukraine are Russian unless the text names the side.
        if (actor is null && d.Type is EventType.GroundCombat or EventType.TerritorialChange)
            actor = Sides.AttackerOf(country);
        var target = d.Type is EventType.Strike or EventType.AirDefense or EventType.GroundCombat or EventType.TerritorialChange
            ? Sides.Opponent(actor)
            : null;
        var evidence = d.Evidence.Select(e => new Evidence(e.Start, e.End, text[e.Start..e.End])).ToList();
        var first = d.Evidence.Min.Start;
        return new EventRecord
        {
            Id = StableId(doc, d.Type, first),
            Doc = doc,
            Type = d.Type,
            Subtype = d.Subtype ?? Subtype(d),
            Date = d.Date?.ToString("yyyy-MM-dd"),
            DatePrecision = d.Date is null ? null : d.DatePrecision ?? DatePrecision.Day,
            Places = d.Places,
            Actor = actor,
            TargetActor = target,
            Weapons = d.Type is EventType.Strike or EventType.AirDefense
                ? d.Weapons.Select(w => new Weapon(w.Class, w.Model, w.Launched, w.Intercepted)).ToList()
                : [],
            Killed = d.Killed,
            Injured = d.Injured,
            AmountUsd = d.Type == EventType.Aid ? d.AmountUsd : null,
            ClaimedBy = claim,
            Background = d.Background,
            Confidence = Confidence(d),
            Evidence = evidence,
        };
    }

    /// <summary>The first of the belligerents a town, region or site of the event lies in.</summary>
    private static string? BelligerentWhere(List<Place> places)
    {
        foreach (var p in places)
            if (p.Kind is PlaceKind.Settlement or PlaceKind.Region or PlaceKind.Facility && p.Country is "UA" or "RU")
                return p.Country;
        return null;
    }

    /// <summary>The country the event's country places name, when they name one and only one.</summary>
    private static string? OnlyCountryNamed(List<Place> places)
    {
        string? only = null;
        var found = false;
        foreach (var p in places)
        {
            if (p.Kind != PlaceKind.Country)
                continue;
            if (found && p.Country != only)
                return null;
            only = p.Country;
            found = true;
        }
        return only;
    }

    /// <summary>A strike's subtype from what was used, when the trigger word did not say.</summary>
    private static string? Subtype(EventDraft d)
    {
        if (d.Type != EventType.Strike || d.Weapons.Count == 0)
            return null;
        var classes = d.Weapons.Select(w => w.Class).Distinct().ToList();
        if (classes.Count > 1)
            return "combined";
        return classes[0] switch
        {
            WeaponClass.Missile => "missile",
            WeaponClass.Drone => "drone",
            WeaponClass.Aircraft or WeaponClass.Helicopter or WeaponClass.GlideBomb => "air",
            WeaponClass.Artillery or WeaponClass.Mlrs => "artillery",
            _ => null,
        };
    }

    private static double Confidence(EventDraft d)
    {
        var c = d.Strength == TriggerStrength.Strong ? 0.6 : 0.45;
        if (d.Places.Exists(p => p.Lat is not null))
            c += 0.1;
        if (d.DateStated)
            c += 0.1;
        if (d.Actor is not null)
            c += 0.05;
        if (d.Evidence.Count > 1)
            c += 0.1;
        if (d.FromHeadline)
            c -= 0.1;
        return Math.Round(Math.Clamp(c, 0.05, 0.95), 2);
    }

    private static string StableId(string doc, EventType type, int start)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{doc}\u0001{type}\u0001{start}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
