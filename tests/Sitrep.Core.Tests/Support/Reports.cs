using System.Globalization;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Core.Tests.Support;

/// <summary>Builds in-memory reports and runs them through the pipeline without a gazetteer.</summary>
internal static class Reports
{
    /// <summary>A Thursday: "on Tuesday" in a report of this day is 2024-03-05.</summary>
    public static readonly DateOnly Published = new(2024, 3, 7);

    public static Document Doc(string text, string id = "report-1", DateOnly? published = null) =>
        new(id, id + ".txt", text, new DocumentMeta(published ?? Published, "src", null, null), "hash");

    public static IReadOnlyList<EventRecord> Extract(string text, bool includeBackground = false, DateOnly? published = null) =>
        ReportPipeline.WithoutPlaces(new ExtractionOptions { IncludeBackground = includeBackground }).Extract(Doc(text, published: published));

    /// <summary>"class model launched/intercepted" with '-' for a null count: one comparable string per weapon.</summary>
    public static string Describe(Weapon w) =>
        string.Join(' ', new[] { w.Class.ToString().ToLowerInvariant(), w.Model, $"{Count(w.Launched)}/{Count(w.Intercepted)}" }.Where(s => s is not null))
            .Replace("glidebomb", "glide_bomb", StringComparison.Ordinal).Replace("airdefensesystem", "air_defense_system", StringComparison.Ordinal);

    private static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Every field a test asserts on, side by side, so a failure shows them all.</summary>
    public static string Describe(EventRecord e) => Format(
        System.Text.Json.JsonSerializer.Serialize(e.Type).Trim('"'), e.Subtype, e.Actor, e.ClaimedBy,
        e.Weapons.Select(Describe), e.Killed, e.Injured, e.AmountUsd, e.Date, e.Background);

    public static string Format(string type, string? subtype, string? actor, string? claimedBy, IEnumerable<string> weapons,
        int? killed, int? injured, double? amountUsd, string? date, bool background) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{type}/{subtype} actor={actor} claimed_by={claimedBy} weapons=[{string.Join(", ", weapons)}] killed={killed} injured={injured} usd={amountUsd} date={date}{(background ? " background" : "")}");
}
