using Sitrep.Events;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

public sealed class StatisticsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Daily_figures_count_an_incident_once_however_many_outlets_report_it()
    {
        using var store = _db.Open();
        Weapon[] attack(int launched, int down) => [new Weapon(WeaponClass.Drone, "Shahed-136", launched, down), new Weapon(WeaponClass.Missile, "Kh-101", 10, 8)];
        store.Ingest(Doc("a", "A"), [Strike("a", "e1", Kyiv, killed: 2, injured: 9, weapons: attack(40, 35))]);
        store.Ingest(Doc("b", "B"), [Strike("b", "e1", Kyiv, killed: 3, weapons: attack(40, 36))]);
        store.Ingest(Doc("c", "C"), [Strike("c", "e1", Odesa, date: "2024-05-11", killed: 1)]);

        var stats = store.Statistics();

        Assert.Equal(new StoreTotals(3, 3, 2), stats.Totals);
        Assert.Equal(
        [
            new DailyFigures("2024-05-10", 1, 10, 8, 40, 35, 2, 9),
            new DailyFigures("2024-05-11", 1, 0, 0, 0, 0, 1, 0),
        ], stats.Daily);
        Assert.Equal([new GroupCount("strike", 2, 3, 3, 9)], stats.ByType);
        Assert.Equal(["Kyiv City", "Odesa"], stats.ByOblast.Select(g => g.Key));
    }

    [Fact]
    public void Statistics_respect_the_date_bounds()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kyiv, date: "2024-05-10"), Event("a", "e2", EventType.GroundCombat, Chuhuiv, "2024-07-01")]);

        var stats = store.Statistics(from: "2024-06-01");

        Assert.Equal(["2024-07-01"], stats.Daily.Select(d => d.Date));
        Assert.Equal(["ground_combat"], stats.ByType.Select(g => g.Key));
    }
}
