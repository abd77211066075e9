using Sitrep.Geo;
using Sitrep.Recognizers;

namespace Sitrep.Events;

/// <summary>A weapon as read, before drafts merge; headline figures give way to body figures.</summary>
internal sealed record WeaponDraft(Sitrep.Events.WeaponClass Class, string? Model, int? Launched, int? Intercepted, bool FromHeadline);

/// <summary>Who says so: an actor code read from the text, or an office whose side depends on where it happened.</summary>
internal readonly record struct ClaimSource(string? Code, OfficeScope? Office);

/// <summary>
/// An event while it is being read and merged: the mutable working form of an
/// <see cref="EventRecord"/>. Place mentions are indexes into the document's mention list,
/// resolved once per document.
/// </summary>
internal sealed class EventDraft
{
    public required EventType Type { get; set; }
    public string? Subtype { get; set; }
    public required int Section { get; init; }
    /// <summary>Every section the event was told in, once retellings have merged into it.</summary>
    public HashSet<int> Sections { get; } = [];
    public required int Paragraph { get; init; }
    public required int FirstSentence { get; init; }
    public bool FromHeadline { get; set; }
    public TriggerStrength Strength { get; set; }
    public List<int> Mentions { get; } = [];
    public List<Place> Places { get; set; } = [];
    public string? Actor { get; set; }
    /// <summary>Read from the text rather than inferred from the places: wins in a merge.</summary>
    public bool ActorExplicit { get; set; }
    /// <summary>The actor named is the side that lost ground: the actor is its opponent.</summary>
    public bool ActorInverse { get; set; }
    /// <summary>The actor was read from the trigger's own clause frame (its subject or passive agent).</summary>
    public bool ActorFramed { get; set; }
    /// <summary>The rule or frame the actor was read by, for --explain.</summary>
    public string? ActorRule { get; set; }
    public string? TargetActor { get; set; }
    public ClaimSource? Claim { get; set; }
    public List<WeaponDraft> Weapons { get; } = [];
    public int? Killed { get; set; }
    public int? Injured { get; set; }
    public double? AmountUsd { get; set; }
    /// <summary>The package's amount as stated, in its own currency, to tell two packages apart.</summary>
    public (double Value, string Currency)? Amount { get; set; }
    public bool AmountApproximate { get; set; }
    public DateOnly? Date { get; set; }
    public DatePrecision? DatePrecision { get; set; }
    /// <summary>Days relative to another event's date ("a day earlier"), resolved after building.</summary>
    public int? RelativeDays { get; set; }
    public bool DateStated { get; set; }
    /// <summary>The date was counted from another event's ("a day earlier"): a named day beats it.</summary>
    public bool DateRelative { get; set; }
    public bool Background { get; set; }
    /// <summary>A total over a period with no place of its own ("12 killed across Ukraine over the past day"); told as background.</summary>
    public bool Total { get; set; }
    /// <summary>
    /// Read from a weak cue that can continue an event already told ("The meeting, due on 10
    /// January, ...") but not report a new one: kept only if it merges.
    /// </summary>
    public bool JoinOnly { get; set; }
    /// <summary>Told as one more of its kind ("also reported a cyberattack", "another package"): it retells no event before it.</summary>
    public bool Another { get; set; }
    public SortedSet<(int Start, int End)> Evidence { get; } = [];

    /// <summary>
    /// A copy that merging and placing can change without touching this draft: its sets and
    /// lists are its own; what they hold (places, weapons, spans) is never changed in place.
    /// </summary>
    public EventDraft Copy()
    {
        var copy = new EventDraft
        {
            Type = Type,
            Subtype = Subtype,
            Section = Section,
            Paragraph = Paragraph,
            FirstSentence = FirstSentence,
            FromHeadline = FromHeadline,
            Strength = Strength,
            Places = [.. Places],
            Actor = Actor,
            ActorExplicit = ActorExplicit,
            ActorInverse = ActorInverse,
            ActorFramed = ActorFramed,
            ActorRule = ActorRule,
            TargetActor = TargetActor,
            Claim = Claim,
            Killed = Killed,
            Injured = Injured,
            AmountUsd = AmountUsd,
            Amount = Amount,
            AmountApproximate = AmountApproximate,
            Date = Date,
            DatePrecision = DatePrecision,
            RelativeDays = RelativeDays,
            DateStated = DateStated,
            DateRelative = DateRelative,
            Background = Background,
            Total = Total,
            JoinOnly = JoinOnly,
            Another = Another,
        };
        copy.Sections.UnionWith(Sections);
        copy.Mentions.AddRange(Mentions);
        copy.Weapons.AddRange(Weapons);
        copy.Evidence.UnionWith(Evidence);
        return copy;
    }

    /// <summary>Each draft copied (<see cref="Copy"/>), in order.</summary>
    public static List<EventDraft> CopyAll(IReadOnlyList<EventDraft> drafts)
    {
        var copies = new List<EventDraft>(drafts.Count);
        foreach (var d in drafts)
            copies.Add(d.Copy());
        return copies;
    }

    /// <summary>
    /// Adds a weapon, folding it into one of the same class and model ("90 drones ... 61
    /// drones had been shot down" is one weapon, launched 90, intercepted 61).
    /// </summary>
    public void AddWeapon(WeaponDraft w)
    {
        for (var i = 0; i < Weapons.Count; i++)
        {
            var x = Weapons[i];
            if (x.Class != w.Class || x.Model is not null && w.Model is not null && x.Model != w.Model)
                continue;
            var launched = EventMerger.Figure(x.Launched, x.FromHeadline, w.Launched, w.FromHeadline);
            var intercepted = EventMerger.Figure(x.Intercepted, x.FromHeadline, w.Intercepted, w.FromHeadline);
            Weapons[i] = new WeaponDraft(x.Class, x.Model ?? w.Model, launched, intercepted, x.FromHeadline && w.FromHeadline);
            return;
        }
        Weapons.Add(w);
    }
}
