using Sitrep.Events;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

public sealed class StatisticsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static Weapon[] Attack(int launched, int down) =>
        [new Weapon(WeaponClass.Drone, "Shahed-136", launched, down), new Weapon(WeaponClass.Missile, "Kh-101", 10, 8)];

    [Fact]
    public void Daily_figures_count_an_incident_once_however_many_outlets_report_it()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a", "A"), [Strike("a", "e1", Kyiv, killed: 2, injured: 9, weapons: Attack(40, 35), claimedBy: "UA")]);
        store.Ingest(Doc("b", "B"), [Strike("b", "e1", Kyiv, killed: 3, weapons: Attack(41, 36), claimedBy: "UA")]);
        store.Ingest(Doc("c", "C"), [Strike("c", "e1", Odesa, date: "2024-05-11", killed: 1)]);

        var stats = store.Statistics();

        Assert.Equal(new StoreTotals(3, 3, 2), stats.Totals);
        Assert.Equal([new DailyFigures("2024-05-10", 1, 2, 9), new DailyFigures("2024-05-11", 1, 1, null)], stats.Daily);
        Assert.Equal(
        [
            new WeaponFigures("2024-05-10", "RU", "UA", "Kh-101", 1, 10, 8),
            new WeaponFigures("2024-05-10", "RU", "UA", "Shahed-136", 1, 40, 35),
        ], stats.Weapons);
        Assert.Equal([new GroupCount("strike", 2, 3, 3, 9)], stats.ByType);
        Assert.Equal(["Kyiv City", "Odesa"], stats.ByOblast.Select(g => g.Key));
    }

    [Fact]
    public void A_figure_no_report_states_stays_unknown_not_zero()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kyiv, weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", null, 12)])]);

        var stats = store.Statistics();

        Assert.Equal(new DailyFigures("2024-05-10", 1, null, null), Assert.Single(stats.Daily));
        Assert.Equal(new WeaponFigures("2024-05-10", "RU", "unattributed", "Shahed-136", 1, null, 12), Assert.Single(stats.Weapons));
    }

    [Fact]
    public void One_sides_count_of_the_others_drones_shot_down_is_never_added_to_the_others_launches()
    {
        using var store = _db.Open();
        store.Ingest(Doc("ua"), [Strike("ua", "e1", Kyiv, claimedBy: "UA", weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", 100, 80)])]);
        store.Ingest(Doc("ru"), [Event("ru", "e1", EventType.AirDefense, City("Belgorod", "Belgorod", 50.6, 36.6), "2024-05-10", actor: "RU") with
        {
            TargetActor = "UA", ClaimedBy = "RU", Weapons = [new Weapon(WeaponClass.Drone, null, null, 30)],
        }]);

        var stats = store.Statistics();

        Assert.Equal(
        [
            new WeaponFigures("2024-05-10", "RU", "UA", "Shahed-136", 1, 100, 80),
            new WeaponFigures("2024-05-10", "UA", "RU", "drone", 1, null, 30),
        ], stats.Weapons);
    }

    [Fact]
    public void Statistics_filter_by_claimant_actor_type_and_oblast()
    {
        using var store = _db.Open();
        store.Ingest(Doc("a"), [Strike("a", "e1", Kharkiv, killed: 4, claimedBy: "UA")]);
        store.Ingest(Doc("b"), [Strike("b", "e1", Kharkiv, killed: 1, claimedBy: "RU")]);
        store.Ingest(Doc("c"), [Event("c", "e1", EventType.GroundCombat, Chuhuiv, "2024-05-10", actor: "UA")]);
        store.Ingest(Doc("d"), [Strike("d", "e1", Odesa, actor: "RU")]);

        Assert.Equal(4, store.Statistics(new StatsQuery { ClaimedBy = "UA" }).Daily.Single().Killed);
        Assert.Equal(1, store.Statistics(new StatsQuery { ClaimedBy = "ru" }).Daily.Single().Killed);
        Assert.Equal(["ground_combat"], store.Statistics(new StatsQuery { Types = [EventType.GroundCombat] }).ByType.Select(g => g.Key));
        Assert.Equal(2, store.Statistics(new StatsQuery { Oblast = "Kharkiv Oblast" }).Daily.Single().Incidents);
        Assert.Equal(2, store.Statistics(new StatsQuery { Actor = "RU" }).Daily.Single().Incidents);
    }

    [Fact]
    public void An_empty_database_gives_empty_series()
    {
        using var store = _db.Open();

        var stats = store.Statistics(new StatsQuery { Actor = "RU" });

        Assert.Empty(stats.Daily);
        Assert.Empty(stats.Weapons);
        Assert.Empty(stats.ByType);
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
