using Sitrep.Events;
using Sitrep.Text;

namespace Sitrep.Recognizers;

public enum ActorRole : byte { State, Adjective, Group, Person, Bloc }

public enum TriggerStrength : byte { Join, Weak, Strong }

public enum CuePosition : byte { Before, After, Either }

public enum OfficeScope : byte { Local, National }

public sealed record WeaponEntry(WeaponClass Class, string? Model);

public sealed record ActorEntry(string Code, ActorRole Role);

/// <summary>
/// What a weak trigger's frame needs besides the word (triggers.tsv, sixth column): its type's
/// own support (a place for a meeting, a sum for aid); a side named on each side of it ("met",
/// "a call with"), alone or as an alternative to the type's support; or what a supply verb
/// needs ("sent missiles to Ukraine": a giver, a weapon and a receiver); or a side as the one who
/// acts ("Moscow put its forces on the highest alert").
/// </summary>
public enum FrameSupport : byte { Type, Parties, PartiesOrType, Supply, Agent, Water }

public sealed record TriggerEntry(EventType Type, string? Subtype, TriggerStrength Strength, bool Inverse, FrameSupport Support = FrameSupport.Type);

public sealed record CasualtyEntry(string Slot, CuePosition FigurePosition);

public sealed record AttributionCue(CuePosition SourcePosition);

public sealed record OfficeEntry(OfficeScope Scope);

/// <summary>
/// Every lexicon the recognizers use, read once from Data/ into phrase matchers. A lexicon
/// row that names an unknown class or type stops the load with the file and line at fault.
/// </summary>
public sealed class Lexicons
{
    private static readonly Lazy<Lexicons> Shared = new(Load);

    public required PhraseMatcher<WeaponEntry> Weapons { get; init; }
    public required PhraseMatcher<ActorEntry> Actors { get; init; }
    public required PhraseMatcher<TriggerEntry> Triggers { get; init; }
    public required PhraseMatcher<CasualtyEntry> Casualties { get; init; }
    public required PhraseMatcher<AttributionCue> Attribution { get; init; }
    public required PhraseMatcher<OfficeEntry> Offices { get; init; }
    public required PhraseMatcher<bool> Institutions { get; init; }
    public required PhraseMatcher<bool> BackgroundCues { get; init; }
    public required PhraseMatcher<bool> AggregateCues { get; init; }
    public required PhraseMatcher<string> PlacePhrases { get; init; }

    /// <summary>Marks "the city", "the town" in place-phrases.tsv: the settlement of the report's dateline.</summary>
    public const string DatelinePlace = "@dateline";

    /// <summary>The words of every lexicon here, so a sentence's words are looked up once for all of them.</summary>
    public required PhraseVocabulary Vocabulary { get; init; }

    public static Lexicons Default => Shared.Value;

    private static Lexicons Load()
    {
        var vocabulary = new PhraseVocabulary();
        PhraseMatcher<T> Table<T>(string file, Func<string[], T> read) => Lexicons.Table(vocabulary, file, read);
        return new()
        {
            Vocabulary = vocabulary,
            Weapons = Table("weapons.tsv", r => new WeaponEntry(Enum<WeaponClass>(r, 1), Optional(r, 2))),
            Actors = Table("actors.tsv", r => new ActorEntry(r[1], Enum<ActorRole>(r, 2))),
            Triggers = Table("triggers.tsv", r => new TriggerEntry(Enum<EventType>(r, 1), Optional(r, 2), Enum<TriggerStrength>(r, 3), Optional(r, 4) == "inverse",
                Optional(r, 5) is null ? FrameSupport.Type : Enum<FrameSupport>(r, 5))),
            Casualties = Table("casualties.tsv", r => new CasualtyEntry(r[1], Enum<CuePosition>(r, 2))),
            Attribution = Table("attribution.tsv", r => new AttributionCue(Enum<CuePosition>(r, 1))),
            Offices = Table("offices.tsv", r => new OfficeEntry(Enum<OfficeScope>(r, 1))),
            Institutions = Table("institutions.tsv", _ => true),
            BackgroundCues = Table("background.tsv", _ => true),
            AggregateCues = Table("aggregates.tsv", _ => true),
            PlacePhrases = Table("place-phrases.tsv", r => r[1]),
        };
    }

    private static PhraseMatcher<T> Table<T>(PhraseVocabulary vocabulary, string file, Func<string[], T> read)
    {
        var matcher = new PhraseMatcher<T>(vocabulary);
        var row = 0;
        foreach (var fields in DataFiles.ReadTable(file))
        {
            row++;
            try
            {
                matcher.Add(fields[0], read(fields));
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or FormatException)
            {
                throw new FormatException($"{file}, entry {row} ('{fields[0]}'): {e.Message}", e);
            }
        }
        return matcher;
    }

    private static string? Optional(string[] row, int i) => row.Length > i && row[i].Length > 0 ? row[i] : null;

    /// <summary>Lexicon values are written as in the spec ("air_defense", "glide_bomb").</summary>
    private static T Enum<T>(string[] row, int i) where T : struct, System.Enum
    {
        var value = row[i].Replace("_", "", StringComparison.Ordinal);
        return System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
            ? parsed
            : throw new FormatException($"'{row[i]}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }
}
