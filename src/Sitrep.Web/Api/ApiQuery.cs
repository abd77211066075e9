using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sitrep.Events;
using Sitrep.Store;

namespace Sitrep.Web.Api;

/// <summary>The CLI's filters and who claims it: what every endpoint takes.</summary>
internal sealed record DashboardFilter(EventQuery Query, string? Claimant);

/// <summary>A request the API cannot answer as asked; the message names the parameter.</summary>
internal sealed class BadRequestException(string message) : Exception(message);

/// <summary>
/// Reads the CLI's filters from a query string: type, from, to, place, oblast, near (LAT,LON)
/// with km, actor, weapon, text, no_background; plus claimant, and page/size for lists.
/// </summary>
internal static class ApiQuery
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static DashboardFilter Read(IQueryCollection q)
    {
        var types = new List<EventType>();
        foreach (var name in q["type"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            types.Add(ParseType(name) ?? throw new BadRequestException($"type '{name}' is not an event type"));

        GeoCircle? near = null;
        if (Text(q, "near") is { } nearText)
        {
            var parts = nearText.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || Number(parts[0]) is not { } lat || Number(parts[1]) is not { } lon || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
                throw new BadRequestException($"near '{nearText}' is not LAT,LON");
            var km = Text(q, "km") is { } kmText ? Number(kmText) ?? throw new BadRequestException($"km '{kmText}' is not a number") : 25;
            if (km <= 0)
                throw new BadRequestException($"km {km} is not a positive distance");
            near = new GeoCircle(lat, lon, km);
        }

        return new DashboardFilter(new EventQuery
            {
                Types = types,
                From = Date(q, "from"),
                To = Date(q, "to"),
                Place = Text(q, "place"),
                Oblast = Text(q, "oblast"),
                Near = near,
                Actor = Text(q, "actor"),
                Weapon = Text(q, "weapon"),
                Text = Text(q, "text"),
                ExcludeBackground = Text(q, "no_background") is "1" or "true",
            },
            Text(q, "claimant"));
    }

    /// <summary>The page asked for (1-based) and its size, as an offset and a row count.</summary>
    public static (int Page, int Size, int Offset) Page(IQueryCollection q, int defaultSize = DefaultPageSize, int maxSize = MaxPageSize)
    {
        var page = Integer(q, "page") ?? 1;
        var size = Integer(q, "size") ?? defaultSize;
        if (page < 1)
            throw new BadRequestException($"page {page} is not a page number (1, 2, ...)");
        if (size < 1 || size > maxSize)
            throw new BadRequestException($"size {size} is not between 1 and {maxSize}");
        // A page far past the end is empty, not an overflow.
        return (page, size, (int)Math.Min(int.MaxValue, (long)(page - 1) * size));
    }

    public static string? Text(IQueryCollection q, string name) =>
        q[name].LastOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public static string? Date(IQueryCollection q, string name)
    {
        var value = Text(q, name);
        if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new BadRequestException($"{name} '{value}' is not a date (YYYY-MM-DD)");
        return value;
    }

    public static int? Integer(IQueryCollection q, string name)
    {
        var value = Text(q, name);
        if (value is null)
            return null;
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : throw new BadRequestException($"{name} '{value}' is not a whole number");
    }

    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    public static EventType? ParseType(string name) =>
        Enum.GetValues<EventType>().Cast<EventType?>().FirstOrDefault(t => TypeName(t!.Value) == name.ToLowerInvariant());

    public static string TypeName(EventType type) => System.Text.Json.JsonSerializer.Serialize(type).Trim('"');
}
