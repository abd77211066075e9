using Sitrep.Events;
using Sitrep.Recognizers;
using Sitrep.Text;

namespace Sitrep.Core.Tests.Recognizers;

/// <summary>The shipped lexicons (Data/*.tsv) as the sentence reader matches them.</summary>
public sealed class LexiconsTests
{
    private static List<PhraseMatch<T>> Match<T>(PhraseMatcher<T> m, string text) => m.Match(text, Tokenizer.Tokenize(text));

    [Theory]
    [InlineData("two X-59 missiles", "X-59", WeaponClass.Missile, "Kh-59")]
    [InlineData("two Kh-59s", "Kh-59s", WeaponClass.Missile, "Kh-59")]
    [InlineData("a Kh\u2011101", "Kh\u2011101", WeaponClass.Missile, "Kh-101")]
    [InlineData("a Kinzhal", "Kinzhal", WeaponClass.Missile, "Kinzhal")]
    [InlineData("the Kinzhals", "Kinzhals", WeaponClass.Missile, "Kinzhal")]
    [InlineData("Kalibrs from the sea", "Kalibrs", WeaponClass.Missile, "Kalibr")]
    [InlineData("an Iskander", "Iskander", WeaponClass.Missile, "Iskander-M")]
    [InlineData("an Iskander-M", "Iskander-M", WeaponClass.Missile, "Iskander-M")]
    [InlineData("Shahed drones", "Shahed", WeaponClass.Drone, "Shahed-136")]
    [InlineData("Shaheds overnight", "Shaheds", WeaponClass.Drone, "Shahed-136")]
    [InlineData("Geran-2 drones", "Geran-2", WeaponClass.Drone, "Shahed-136")]
    [InlineData("ATACMS were fired", "ATACMS", WeaponClass.Missile, "ATACMS")]
    [InlineData("Storm Shadow missiles", "Storm Shadow", WeaponClass.Missile, "Storm Shadow")]
    [InlineData("HIMARS launchers", "HIMARS", WeaponClass.Mlrs, "HIMARS")]
    [InlineData("a Patriot battery", "Patriot battery", WeaponClass.AirDefenseSystem, "Patriot")]
    [InlineData("F-16s", "F-16s", WeaponClass.Aircraft, "F-16")]
    [InlineData("a Mi-8", "Mi-8", WeaponClass.Helicopter, "Mi-8")]
    [InlineData("three Su-34 jets", "Su-34", WeaponClass.Aircraft, "Su-34")]
    [InlineData("glide bombs", "glide bombs", WeaponClass.GlideBomb, null)]
    [InlineData("a hypersonic ballistic missile", "hypersonic ballistic missile", WeaponClass.Missile, null)]
    [InlineData("unmanned aerial vehicles", "unmanned aerial vehicles", WeaponClass.Drone, null)]
    [InlineData("helicopters", "helicopters", WeaponClass.Helicopter, null)]
    public void Weapon_words_map_to_class_and_canonical_model(string text, string matched, WeaponClass cls, string? model)
    {
        var w = Match(Lexicons.Default.Weapons, text)[0];
        Assert.Equal(matched, text[w.Start..w.End]);
        Assert.Equal(cls, w.Value.Class);
        Assert.Equal(model, w.Value.Model);
    }

    [Theory]
    [InlineData("a thunderstorm shadowed the city")]
    [InlineData("the patriotic song")]
    [InlineData("Kharkiv's granddaughter")]
    public void Words_that_only_contain_a_weapon_name_are_not_weapons(string text) =>
        Assert.Empty(Match(Lexicons.Default.Weapons, text));

    [Theory]
    [InlineData("Moscow said", "Moscow", "RU", ActorRole.State)]
    [InlineData("the Kremlin said", "Kremlin", "RU", ActorRole.State)]
    [InlineData("Russian forces advanced", "Russian forces", "RU", ActorRole.State)]
    [InlineData("Putin's forces advanced", "Putin's forces", "RU", ActorRole.State)]
    [InlineData("Putin\u2019s forces advanced", "Putin\u2019s forces", "RU", ActorRole.State)]
    [InlineData("Russian drones", "Russian", "RU", ActorRole.Adjective)]
    [InlineData("Ukraine's General Staff said", "Ukraine's General Staff", "UA", ActorRole.State)]
    [InlineData("Zelenskyy said", "Zelenskyy", "UA", ActorRole.Person)]
    [InlineData("Kremlin-backed hackers", "Kremlin-backed", "RU", ActorRole.Adjective)]
    [InlineData("the Wagner Group", "Wagner Group", "Wagner", ActorRole.Group)]
    [InlineData("the Pentagon said", "Pentagon", "US", ActorRole.State)]
    [InlineData("NATO allies said", "NATO", "NATO", ActorRole.Bloc)]
    public void Actor_phrases_map_to_their_side(string text, string matched, string code, ActorRole role)
    {
        var a = Match(Lexicons.Default.Actors, text)[0];
        Assert.Equal(matched, text[a.Start..a.End]);
        Assert.Equal(code, a.Value.Code);
        Assert.Equal(role, a.Value.Role);
    }

    [Theory]
    [InlineData("Tell us what you saw")]
    [InlineData("Join us")]
    [InlineData("an eu rule")]
    public void The_pronoun_us_and_lower_case_abbreviations_are_not_actors(string text) =>
        Assert.Empty(Match(Lexicons.Default.Actors, text));

    [Fact]
    public void US_in_capitals_is_both_a_state_and_an_adjective()
    {
        var found = Match(Lexicons.Default.Actors, "US officials");
        Assert.Equal(new[] { ActorRole.State, ActorRole.Adjective }, found.Select(a => a.Value.Role).Order().ToArray());
        Assert.All(found, a => Assert.Equal("US", a.Value.Code));
    }

    [Theory]
    [InlineData("according to officials", CuePosition.After)]
    [InlineData("the governor said", CuePosition.Either)]
    [InlineData("officials told reporters", CuePosition.Before)]
    public void Attribution_cues_say_where_their_source_stands(string text, CuePosition position) =>
        Assert.Equal(position, Assert.Single(Match(Lexicons.Default.Attribution, text)).Value.SourcePosition);

    [Theory]
    [InlineData("killing five", "killed")]
    [InlineData("were wounded", "injured")]
    [InlineData("three people died", "killed")]
    [InlineData("the death toll rose", "killed")]
    [InlineData("hurt", "injured")]
    public void Casualty_cues_name_their_slot(string text, string slot) =>
        Assert.Equal(slot, Assert.Single(Match(Lexicons.Default.Casualties, text)).Value.Slot);

    [Theory]
    [InlineData("Russia has previously threatened", true)]
    [InlineData("since February", true)]
    [InlineData("since the start of the war", true)]
    [InlineData("in recent months", true)]
    [InlineData("on Tuesday", false)]
    public void Background_cues_are_found(string text, bool cue) =>
        Assert.Equal(cue, Match(Lexicons.Default.BackgroundCues, text).Count > 0);

    [Theory]
    [InlineData("the regional governor", OfficeScope.Local)]
    [InlineData("the Defence Ministry", OfficeScope.National)]
    [InlineData("the State Emergency Service", OfficeScope.Local)]
    public void Offices_are_local_or_national(string text, OfficeScope scope) =>
        Assert.Equal(scope, Match(Lexicons.Default.Offices, text)[0].Value.Scope);

    [Theory]
    [InlineData("missile strike", EventType.Strike, TriggerStrength.Strong)]
    [InlineData("shot down", EventType.AirDefense, TriggerStrength.Strong)]
    [InlineData("attacked", EventType.Strike, TriggerStrength.Weak)]
    [InlineData("seized", EventType.TerritorialChange, TriggerStrength.Strong)]
    [InlineData("a cyberattack", EventType.Cyber, TriggerStrength.Strong)]
    public void Triggers_carry_type_and_strength(string text, EventType type, TriggerStrength strength)
    {
        var t = Assert.Single(Match(Lexicons.Default.Triggers, text));
        Assert.Equal((type, strength), (t.Value.Type, t.Value.Strength));
    }

    [Fact]
    public void Lost_ground_is_an_inverse_trigger() =>
        Assert.True(Assert.Single(Match(Lexicons.Default.Triggers, "Ukraine lost ground")).Value.Inverse);
}
