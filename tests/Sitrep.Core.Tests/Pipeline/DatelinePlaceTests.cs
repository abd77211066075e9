using Sitrep.Core.Tests.Support;
using Sitrep.Events;
using Sitrep.Pipeline;

namespace Sitrep.Core.Tests.Pipeline;

/// <summary>"the city", "the town" in a report filed under a dateline: the dateline's place, when nothing else can be meant.</summary>
public class DatelinePlaceTests
{
    private static readonly Lazy<ReportPipeline> Pipeline = new(() => ReportPipeline.Create(Gazetteers.Full));

    private static List<string> PlacesOf(string text) =>
        Pipeline.Value.Extract(Reports.Doc(text)).SelectMany(e => e.Places).Select(p => p.Name).Distinct().ToList();

    [GazetteerTheory]
    [InlineData("KHARKIV (Reuters) - A Russian missile struck the city overnight, killing two people.", "Kharkiv")]
    [InlineData("ODESA, Ukraine - Drones hit the port city early on Sunday, injuring three dock workers.", "Odesa")]
    [InlineData("ZAPORIZHZHIA (AP) - Officials said on Monday.\nA guided bomb hit this city on Sunday, wounding five people.", "Zaporizhzhya")]
    [InlineData("SUMY, Ukraine - The regional governor spoke on Friday.\nRussian shelling of the town on Thursday killed an elderly man.", "Sumy")]
    public void The_city_of_a_report_filed_under_a_dateline_is_the_dateline_place(string text, string place) =>
        Assert.Equal([place], PlacesOf(text));

    [GazetteerTheory]
    [InlineData("A Russian missile struck the city overnight, killing two people.")]
    [InlineData("Officials said drones hit the port city early on Sunday, injuring three dock workers.")]
    public void Without_a_dateline_the_city_is_no_place(string text) =>
        Assert.Empty(PlacesOf(text));

    [GazetteerTheory]
    [InlineData("KYIV (Reuters) - A Russian missile struck the town of Lozova overnight, killing two people.", "Lozova")]
    [InlineData("ODESA, Ukraine - Drones hit the city and Izmail early on Sunday, injuring three people.", "Izmayil")]
    public void A_sentence_that_names_another_place_keeps_the_city_to_it(string text, string place) =>
        Assert.Equal([place], PlacesOf(text));

    [GazetteerTheory]
    [InlineData("KYIV (Reuters) - Russia struck Kharkiv overnight, its governor said.\nA missile hit the city centre, killing two people.")]
    [InlineData("LVIV, Ukraine - Officials said Russian forces shelled Kherson on Tuesday.\nThe town lost power after the shelling, which wounded four people.")]
    public void A_settlement_told_after_the_dateline_may_be_the_city_so_the_dateline_is_not_guessed(string text) =>
        Assert.DoesNotContain(PlacesOf(text), p => p is "Kyiv" or "Lviv");
}
