using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>One row of event-types.tsv: how the event stage treats a type.</summary>
internal sealed record EventTypeRow(EventType Type, EventType Family, bool KeepsPlanned, bool KeepsNegated, EventType? AttemptedAs);

/// <summary>The event-type table, event-types.tsv; every <see cref="EventType"/> must have a row.</summary>
internal static class EventTypes
{
    private static readonly Lazy<Dictionary<EventType, EventTypeRow>> Rows = new(Load);

    public static EventTypeRow Of(EventType type) => Rows.Value[type];

    private static Dictionary<EventType, EventTypeRow> Load()
    {
        var rows = new Dictionary<EventType, EventTypeRow>();
        foreach (var r in DataFiles.ReadTable("event-types.tsv"))
        {
            var type = Parse(r[0]);
            rows[type] = new EventTypeRow(type, Parse(r[1]), Flag(r, 2), Flag(r, 3), r.Length > 4 && r[4].Length > 0 ? Parse(r[4]) : null);
        }
        foreach (var t in Enum.GetValues<EventType>())
        {
            if (!rows.ContainsKey(t))
                throw new InvalidDataException($"event-types.tsv has no row for {t}");
        }
        return rows;
    }

    private static bool Flag(string[] r, int i) => r[i] switch
    {
        "keep" => true,
        "drop" => false,
        _ => throw new InvalidDataException($"event-types.tsv: '{r[i]}' for {r[0]} is neither keep nor drop"),
    };

    private static EventType Parse(string name) =>
        Enum.TryParse<EventType>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var t)
            ? t
            : throw new InvalidDataException($"event-types.tsv: '{name}' is not an event type");
}
