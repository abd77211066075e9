using System.Globalization;
using System.Text.Json;

namespace Sitrep.Cli.Tests.Fuzz;

/// <summary>
/// Checks one output line against ../shared/spec/events.md (version 1): every field the spec
/// names, with its type and allowed values, and evidence whose text is the document text at
/// its offsets. Returns the problems found; none means the line is valid.
/// </summary>
internal static class EventSpec
{
    private static readonly HashSet<string> Types = ["strike", "air_defense", "ground_combat", "territorial_change", "cyber", "aid", "diplomacy", "threat", "policy", "other"];
    private static readonly HashSet<string> Precisions = ["day", "week", "month", "year"];
    private static readonly HashSet<string> PlaceKinds = ["settlement", "region", "country", "water", "facility", "area"];
    private static readonly HashSet<string> WeaponClasses = ["missile", "drone", "aircraft", "helicopter", "artillery", "mlrs", "glide_bomb", "air_defense_system", "other"];

    /// <summary>The problems of <paramref name="line"/>; <paramref name="textOf"/> gives a document's text by id, or null when unknown.</summary>
    public static List<string> Problems(string line, Func<string, string?> textOf)
    {
        var problems = new List<string>();
        JsonElement e;
        try
        {
            using var json = JsonDocument.Parse(line);
            e = json.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return [$"not JSON: {ex.Message}"];
        }
        if (e.ValueKind != JsonValueKind.Object)
            return ["not a JSON object"];

        void Check(bool ok, string problem)
        {
            if (!ok)
                problems.Add(problem);
        }

        Check(IsString(e, "id") && e.GetProperty("id").GetString()!.Length > 0, "id is not a non-empty string");
        Check(IsString(e, "doc"), "doc is not a string");
        Check(IsString(e, "type") && Types.Contains(e.GetProperty("type").GetString()!), "type is not an event type");
        Check(IsStringOrNull(e, "subtype"), "subtype is not a string or null");
        Check(IsNull(e, "date") || (IsString(e, "date") && DateOnly.TryParseExact(e.GetProperty("date").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)), "date is not YYYY-MM-DD or null");
        Check(IsNull(e, "date_precision") || (IsString(e, "date_precision") && Precisions.Contains(e.GetProperty("date_precision").GetString()!)), "date_precision is not day/week/month/year/null");
        Check(IsStringOrNull(e, "actor"), "actor is not a string or null");
        Check(IsStringOrNull(e, "target_actor"), "target_actor is not a string or null");
        Check(IsCount(e, "killed"), "killed is not a non-negative integer or null");
        Check(IsCount(e, "injured"), "injured is not a non-negative integer or null");
        Check(IsNull(e, "amount_usd") || (Has(e, "amount_usd", JsonValueKind.Number) && e.GetProperty("amount_usd").GetDouble() >= 0), "amount_usd is not a non-negative number or null");
        Check(IsStringOrNull(e, "claimed_by"), "claimed_by is not a string or null");
        Check(Has(e, "background", JsonValueKind.True) || Has(e, "background", JsonValueKind.False), "background is not a boolean");
        Check(Has(e, "confidence", JsonValueKind.Number) && e.GetProperty("confidence").GetDouble() is >= 0 and <= 1, "confidence is not a number in 0..1");

        if (Has(e, "places", JsonValueKind.Array))
        {
            foreach (var p in e.GetProperty("places").EnumerateArray())
            {
                Check(IsString(p, "name"), "a place has no name");
                Check(IsString(p, "kind") && PlaceKinds.Contains(p.GetProperty("kind").GetString()!), "a place kind is not allowed");
                Check(IsStringOrNull(p, "mention"), "a place mention is not a string");
                Check(IsNull(p, "lat") || (Has(p, "lat", JsonValueKind.Number) && p.GetProperty("lat").GetDouble() is >= -90 and <= 90), "a place latitude is out of range");
                Check(IsNull(p, "lon") || (Has(p, "lon", JsonValueKind.Number) && p.GetProperty("lon").GetDouble() is >= -180 and <= 180), "a place longitude is out of range");
            }
        }
        else
        {
            problems.Add("places is not an array");
        }

        if (Has(e, "weapons", JsonValueKind.Array))
        {
            foreach (var w in e.GetProperty("weapons").EnumerateArray())
            {
                Check(IsString(w, "class") && WeaponClasses.Contains(w.GetProperty("class").GetString()!), "a weapon class is not allowed");
                Check(IsStringOrNull(w, "model"), "a weapon model is not a string or null");
                Check(IsCount(w, "launched"), "launched is not a non-negative integer or null");
                Check(IsCount(w, "intercepted"), "intercepted is not a non-negative integer or null");
            }
        }
        else
        {
            problems.Add("weapons is not an array");
        }

        if (Has(e, "evidence", JsonValueKind.Array) && e.GetProperty("evidence").GetArrayLength() > 0)
        {
            var text = IsString(e, "doc") ? textOf(e.GetProperty("doc").GetString()!) : null;
            foreach (var ev in e.GetProperty("evidence").EnumerateArray())
            {
                if (!Has(ev, "start", JsonValueKind.Number) || !Has(ev, "end", JsonValueKind.Number) || !IsString(ev, "text")
                    || !ev.GetProperty("start").TryGetInt32(out var start) || !ev.GetProperty("end").TryGetInt32(out var end))
                {
                    problems.Add("evidence is not {start, end, text}");
                    continue;
                }
                if (text is null)
                    continue;
                if (start < 0 || end <= start || end > text.Length)
                    problems.Add($"evidence {start}..{end} is outside the text (length {text.Length})");
                else if (text[start..end] != ev.GetProperty("text").GetString())
                    problems.Add($"evidence text differs from the text at {start}..{end}");
            }
        }
        else
        {
            problems.Add("evidence is not a non-empty array");
        }
        return problems;
    }

    private static bool Has(JsonElement e, string name, JsonValueKind kind) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == kind;

    private static bool IsString(JsonElement e, string name) => Has(e, name, JsonValueKind.String);

    private static bool IsNull(JsonElement e, string name) => Has(e, name, JsonValueKind.Null);

    private static bool IsStringOrNull(JsonElement e, string name) => IsString(e, name) || IsNull(e, name);

    private static bool IsCount(JsonElement e, string name) =>
        IsNull(e, name) || (Has(e, name, JsonValueKind.Number) && e.GetProperty(name).TryGetInt32(out var n) && n >= 0);
}
