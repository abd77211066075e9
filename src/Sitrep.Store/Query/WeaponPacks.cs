using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sitrep.Store.Query;

/// <summary>
/// Reads the weapons tally of stats from stats_day_weapon_packs: per day, one JSON array of
/// [launched_by, claimant, weapon, incidents, launched, intercepted] (see Schema.sql). The same
/// rows, in the same order, as reading stats_day_weapons row by row, at a few calls into SQLite
/// a day instead of some fifteen a row.
/// </summary>
internal static class WeaponPacks
{
    /// <summary>The tally of the days within the bounds (inclusive, as <see cref="StatsSql.DayBounds"/> gives them), in day order.</summary>
    /// <exception cref="InvalidDataException">A pack is not such an array (the file was edited).</exception>
    public static List<WeaponFigures> Read(SqliteConnection connection, (string From, string To) days)
    {
        // Through SQLite's C interface: each pack is parsed where SQLite holds it, where the
        // provider's reader would copy every one into a new array (a megabyte of garbage for
        // four years, which the collector then pays for while the tally's objects are live).
        if (raw.sqlite3_prepare_v2(connection.Handle, StatsSql.SummaryWeaponPacks, out var statement) is var prepared and not raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(prepared, connection.Handle);
        using (statement)
        {
            Check(connection, raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@from"), days.From));
            Check(connection, raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@to"), days.To));
            var list = new List<WeaponFigures>();
            var names = new Names();
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                Read(raw.sqlite3_column_text(statement, 0).utf8_to_string(), raw.sqlite3_column_blob(statement, 1), list, names);
            Check(connection, rc);
            return list;
        }
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>Adds the tally of one day's pack (its UTF-8 text) to <paramref name="list"/>.</summary>
    internal static void Read(string day, ReadOnlySpan<byte> pack, List<WeaponFigures> list, Names names)
    {
        var json = new Utf8JsonReader(pack);
        try
        {
            Next(ref json, JsonTokenType.StartArray, day);
            while (Next(ref json, day) == JsonTokenType.StartArray)
            {
                var launchedBy = Shared(ref json, names, day);
                var claimant = Shared(ref json, names, day) ?? throw Damaged(day);
                var weapon = Shared(ref json, names, day) ?? throw Damaged(day);
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

    /// <summary>
    /// A tally repeats a few sides, claimants and weapons thousands of times: one string each,
    /// found by the value's UTF-8 bytes as the pack holds them, without decoding it first.
    /// </summary>
    internal sealed class Names
    {
        private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _known =
            new Dictionary<byte[], string>(Utf8Keys.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();

        public string Of(ref Utf8JsonReader json)
        {
            // An escaped value's bytes are not its text; SQLite escapes only quotes, backslashes and control characters.
            if (json.ValueIsEscaped || json.HasValueSequence)
                return json.GetString()!;
            if (_known.TryGetValue(json.ValueSpan, out var known))
                return known;
            var made = json.GetString()!;
            _known[json.ValueSpan] = made;
            return made;
        }
    }

    private sealed class Utf8Keys : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8Keys Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] key) => GetHashCode((ReadOnlySpan<byte>)key);
        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);
        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }
    }

    private static string? Shared(ref Utf8JsonReader json, Names names, string day) => Next(ref json, day) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => names.Of(ref json),
        _ => throw Damaged(day),
    };

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
