using System.Data.Common;
using System.Text.Json;

namespace Sitrep.Store.Query;

/// <summary>
/// Reads the weapons tally of stats from stats_day_weapon_packs: per day, one JSON array of
/// [launched_by, claimant, weapon, incidents, launched, intercepted] (see Schema.sql). The same
/// rows, in the same order, as reading stats_day_weapons row by row, at a few calls into SQLite
/// a day instead of some fifteen a row.
/// </summary>
internal static class WeaponPacks
{
    /// <summary>The tally of every pack the reader returns (day, rows), in the order returned.</summary>
    /// <exception cref="InvalidDataException">A pack is not such an array (the file was edited).</exception>
    public static List<WeaponFigures> Read(DbDataReader packs)
    {
        var list = new List<WeaponFigures>();
        // A tally repeats a few sides, claimants and weapons thousands of times: one string each.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        while (packs.Read())
        {
            var day = packs.GetString(0);
            var json = new Utf8JsonReader(packs.GetFieldValue<byte[]>(1));
            try
            {
                Next(ref json, JsonTokenType.StartArray, day);
                while (Next(ref json, day) == JsonTokenType.StartArray)
                {
                    var launchedBy = Shared(ref json, strings, buffer, day);
                    var claimant = Shared(ref json, strings, buffer, day) ?? throw Damaged(day);
                    var weapon = Shared(ref json, strings, buffer, day) ?? throw Damaged(day);
                    var incidents = Number(ref json, day) ?? throw Damaged(day);
                    var launched = Number(ref json, day);
                    var intercepted = Number(ref json, day);
                    Next(ref json, JsonTokenType.EndArray, day);
                    list.Add(new WeaponFigures(day, launchedBy, claimant, weapon, incidents, launched, intercepted));
                }
                if (json.TokenType != JsonTokenType.EndArray || json.Read())
                    throw Damaged(day);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new InvalidDataException($"stats_day_weapon_packs, day '{day}': {e.Message}", e);
            }
        }
        return list;
    }

    private static string? Shared(ref Utf8JsonReader json, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> strings, scoped Span<char> buffer, string day)
    {
        switch (Next(ref json, day))
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                // A value's UTF-16 length is at most its UTF-8 length, escaped or not.
                var bytes = json.HasValueSequence ? json.ValueSequence.Length : json.ValueSpan.Length;
                if (bytes > buffer.Length)
                    return json.GetString();
                var text = buffer[..json.CopyString(buffer)];
                if (strings.TryGetValue(text, out var known))
                    return known;
                var made = text.ToString();
                strings[made] = made;
                return made;
            default:
                throw Damaged(day);
        }
    }

    private static long? Number(ref Utf8JsonReader json, string day) => Next(ref json, day) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => json.GetInt64(),
        _ => throw Damaged(day),
    };

    private static JsonTokenType Next(ref Utf8JsonReader json, string day) => json.Read() ? json.TokenType : throw Damaged(day);

    private static void Next(ref Utf8JsonReader json, JsonTokenType expected, string day)
    {
        if (Next(ref json, day) != expected)
            throw Damaged(day);
    }

    private static InvalidDataException Damaged(string day) => new($"stats_day_weapon_packs, day '{day}': not a weapons tally");
}
