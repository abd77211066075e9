using Sitrep.Events;
using static Sitrep.Store.Tests.Reports;

namespace Sitrep.Store.Tests;

/// <summary>What <c>stats</c> counts, the same in each store.</summary>
public sealed class StatisticsTests(PgServer server) : StoreSuite(server)
{
    private static Weapon[] Attack(int launched, int down) =>
        [new Weapon(WeaponClass.Drone, "Shahed-136", launched, down), new Weapon(WeaponClass.Missile, "Kh-101", 10, 8)];

    [Theory, MemberData(nameof(Kinds))]
    public void Daily_figures_count_an_incident_once_however_many_outlets_report_it(string kind)
    {
        var store = Open(kind);
        store.Ingest([new ExtractedDocument(Doc("a", "A"), [Strike("a", "e1", Kyiv, killed: 2, injured: 9, weapons: Attack(40, 35), claimedBy: "UA")])]);
        store.Ingest([new ExtractedDocument(Doc("b", "B"), [Strike("b", "e1", Kyiv, killed: 3, weapons: Attack(41, 36), claimedBy: "UA")])]);
        store.Ingest([new ExtractedDocument(Doc("c", "C"), [Strike("c", "e1", Odesa, date: "2024-05-11", killed: 1)])]);

        var stats = Read(store).Statistics(new StatsQuery());

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

    [Theory, MemberData(nameof(Kinds))]
    public void A_figure_no_report_states_stays_unknown_not_zero(string kind)
    {
        var store = Open(kind);
        store.Ingest([new ExtractedDocument(Doc("a"), [Strike("a", "e1", Kyiv, weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", null, 12)])])]);

        var stats = Read(store).Statistics(new StatsQuery());

        Assert.Equal(new DailyFigures("2024-05-10", 1, null, null), Assert.Single(stats.Daily));
        Assert.Equal(new WeaponFigures("2024-05-10", "RU", "unattributed", "Shahed-136", 1, null, 12), Assert.Single(stats.Weapons));
    }

    [Theory, MemberData(nameof(Kinds))]
    public void One_sides_count_of_the_others_drones_shot_down_is_never_added_to_the_others_launches(string kind)
    {
        var store = Open(kind);
        store.Ingest([new ExtractedDocument(Doc("ua"), [Strike("ua", "e1", Kyiv, claimedBy: "UA", weapons: [new Weapon(WeaponClass.Drone, "Shahed-136", 100, 80)])])]);
        store.Ingest([new ExtractedDocument(Doc("ru"), [Event("ru", "e1", EventType.AirDefense, City("Belgorod", "Belgorod", 50.6, 36.6), "2024-05-10", actor: "RU") with
        {
            TargetActor = "UA", ClaimedBy = "RU", Weapons = [new Weapon(WeaponClass.Drone, null, null, 30)],
        }])]);

        var stats = Read(store).Statistics(new StatsQuery());

        Assert.Equal(
        [
            new WeaponFigures("2024-05-10", "RU", "UA", "Shahed-136", 1, 100, 80),
            new WeaponFigures("2024-05-10", "UA", "RU", "drone", 1, null, 30),
        ], stats.Weapons);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Statistics_filter_by_claimant_actor_type_and_oblast(string kind)
    {
        var store = Open(kind);
        store.Ingest([new ExtractedDocument(Doc("a"), [Strike("a", "e1", Kharkiv, killed: 4, claimedBy: "UA")])]);
        store.Ingest([new ExtractedDocument(Doc("b"), [Strike("b", "e1", Kharkiv, killed: 1, claimedBy: "RU")])]);
        store.Ingest([new ExtractedDocument(Doc("c"), [Event("c", "e1", EventType.GroundCombat, Chuhuiv, "2024-05-10", actor: "UA")])]);
        store.Ingest([new ExtractedDocument(Doc("d"), [Strike("d", "e1", Odesa, actor: "RU")])]);

        Assert.Equal(4, Read(store).Statistics(new StatsQuery { ClaimedBy = "UA" }).Daily.Single().Killed);
        Assert.Equal(1, Read(store).Statistics(new StatsQuery { ClaimedBy = "ru" }).Daily.Single().Killed);
        Assert.Equal(["ground_combat"], Read(store).Statistics(new StatsQuery { Types = [EventType.GroundCombat] }).ByType.Select(g => g.Key));
        Assert.Equal(2, Read(store).Statistics(new StatsQuery { Oblast = "Kharkiv Oblast" }).Daily.Single().Incidents);
        Assert.Equal(2, Read(store).Statistics(new StatsQuery { Actor = "RU" }).Daily.Single().Incidents);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void An_empty_database_gives_empty_series(string kind)
    {
        var store = Open(kind);

        var stats = Read(store).Statistics(new StatsQuery { Actor = "RU" });

        Assert.Empty(stats.Daily);
        Assert.Empty(stats.Weapons);
        Assert.Empty(stats.ByType);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Statistics_respect_the_date_bounds(string kind)
    {
        var store = Open(kind);
        store.Ingest([new ExtractedDocument(Doc("a"), [Strike("a", "e1", Kyiv, date: "2024-05-10"), Event("a", "e2", EventType.GroundCombat, Chuhuiv, "2024-07-01")])]);

        var stats = Read(store).Statistics(new StatsQuery { From = "2024-06-01" });

        Assert.Equal(["2024-07-01"], stats.Daily.Select(d => d.Date));
        Assert.Equal(["ground_combat"], stats.ByType.Select(g => g.Key));
    }
}
