using System.Globalization;
using System.Text;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Store;

namespace Sitrep.Web.Tests;

/// <summary>
/// More claimed settlements than the claims layer draws one by one: a grid of 1,200 invented
/// villages 0.04° apart over the Donetsk steppe, held by one side or the other, every seventh
/// retaken later (contested), every fiftieth claimed with no side named; and one village far
/// to the north-west whose name sorts after all of them, claimed last.
/// </summary>
public sealed class ManyClaims : ServedDatabase
{
    public const int GridSettlements = 1200;
    public const int Columns = 40;
    public const string Far = "Zorianka";
    public const double FarLat = 51.21, FarLon = 24.87;
    public const string FarDate = "2025-06-01";

    public static string Name(int i) => $"Settlement {i:D4}";
    public static (double Lat, double Lon) Where(int i) => (Math.Round(47.6 + i / Columns * 0.04, 4), Math.Round(36.8 + i % Columns * 0.06, 4));

    protected override void Fill(EventStore store) => store.Ingest(Reports().ToList());

    private static IEnumerable<ExtractedDocument> Reports()
    {
        var start = new DateOnly(2025, 1, 1);
        for (var i = 0; i < GridSettlements; i++)
        {
            var (lat, lon) = Where(i);
            var side = i % 3 == 0 ? "UA" : "RU";
            var day = start.AddDays(i % 100);
            yield return Claim($"c{i:D4}a", Name(i), "Donetsk", lat, lon, day, i % 50 == 0 ? null : side);
            if (i % 7 == 0)
                yield return Claim($"c{i:D4}b", Name(i), "Donetsk", lat, lon, day.AddDays(40), side == "UA" ? "RU" : "UA");
        }
        yield return Claim("far", Far, "Volyn", FarLat, FarLon, DateOnly.Parse(FarDate, CultureInfo.InvariantCulture), "UA");
    }

    private static ExtractedDocument Claim(string id, string place, string admin1, double lat, double lon, DateOnly day, string? side)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subtype = side == "UA" ? "liberated" : "captured";
        var text = $"A brigade reported that {place} was {subtype} on {date}.";
        var document = new Document(id, $"generated/{id}.txt", text, new DocumentMeta(day, "Steppe Wire", $"https://news.example/{id}", null),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        var record = new EventRecord
        {
            Id = "e1",
            Doc = id,
            Type = EventType.TerritorialChange,
            Subtype = subtype,
            Date = date,
            DatePrecision = DatePrecision.Day,
            Places = [new Place(place, PlaceKind.Settlement, "UA", admin1, lat, lon, null, place)],
            Actor = side,
            ClaimedBy = side,
            Confidence = 0.8,
            Evidence = [new Evidence(0, text.Length, text)],
        };
        return new ExtractedDocument(document, [record]);
    }
}

[CollectionDefinition(Name)]
public sealed class ManyClaimsCollection : ICollectionFixture<ManyClaims>
{
    public const string Name = "many claims";
}
