using System.Collections;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Recognizers;

namespace Sitrep.Core.Tests.Events;

public class EventDraftCopyTests
{
    /// <summary>A draft with every property away from its default, so that a property the copy forgets shows.</summary>
    private static EventDraft Full()
    {
        var d = new EventDraft
        {
            Type = EventType.AirDefense,
            Subtype = "drone",
            Section = 2,
            Paragraph = 3,
            FirstSentence = 4,
            FromHeadline = true,
            Strength = TriggerStrength.Strong,
            Places = [new Place("Town", PlaceKind.Settlement, "UA", null, 48.6, 37.9, 1, "Town")],
            Actor = "RU",
            ActorExplicit = true,
            ActorInverse = true,
            ActorFramed = true,
            ActorRule = "subject",
            TargetActor = "UA",
            Claim = new ClaimSource(null, OfficeScope.National),
            Killed = 2,
            Injured = 5,
            AmountUsd = 1e9,
            Amount = (1.0, "EUR"),
            AmountApproximate = true,
            Date = new DateOnly(2024, 3, 7),
            DatePrecision = Sitrep.Events.DatePrecision.Day,
            RelativeDays = -1,
            DateStated = true,
            DateRelative = true,
            Background = true,
            Total = true,
            JoinOnly = true,
            Another = true,
        };
        d.Sections.Add(2);
        d.Mentions.Add(7);
        d.Weapons.Add(new WeaponDraft(WeaponClass.Drone, "Shahed", 90, 61, false));
        d.Evidence.Add((10, 20));
        return d;
    }

    private static readonly EventDraft Bare = new() { Type = default, Section = 0, Paragraph = 0, FirstSentence = 0 };

    private static object? Value(EventDraft d, System.Reflection.PropertyInfo p) =>
        p.GetValue(d) is IEnumerable list and not string ? list.Cast<object>().ToList() : p.GetValue(d);

    [Fact]
    public void A_copy_has_every_property_of_the_draft()
    {
        var draft = Full();
        var copy = draft.Copy();
        foreach (var p in typeof(EventDraft).GetProperties())
        {
            Assert.NotEqual(Value(Bare, p), Value(draft, p));
            Assert.Equal(Value(draft, p), Value(copy, p));
        }
    }

    [Fact]
    public void Merging_into_a_copy_leaves_the_draft_as_it_was()
    {
        var draft = Full();
        var copy = draft.Copy();
        copy.Sections.Add(9);
        copy.Mentions.Add(9);
        copy.Places.Clear();
        copy.AddWeapon(new WeaponDraft(WeaponClass.Missile, null, 3, null, false));
        copy.Evidence.Add((30, 40));
        Assert.Equal([2], draft.Sections);
        Assert.Equal([7], draft.Mentions);
        Assert.Single(draft.Places);
        Assert.Single(draft.Weapons);
        Assert.Single(draft.Evidence);
    }
}
