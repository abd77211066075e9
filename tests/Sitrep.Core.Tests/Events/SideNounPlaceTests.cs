using Sitrep.Core.Tests.Support;
using Sitrep.Pipeline;

namespace Sitrep.Core.Tests.Events;

/// <summary>A capital after a noun that takes a side ("sanctions on Moscow") is the side, not where the event is.</summary>
public sealed class SideNounPlaceTests
{
    private static readonly Lazy<ReportPipeline> Pipeline = new(() => ReportPipeline.Create(Gazetteers.Full));

    private static List<string> PlacesOf(string text)
    {
        var events = Pipeline.Value.Extract(Reports.Doc(text));
        Assert.NotEmpty(events);
        return events.SelectMany(e => e.Places).Select(p => p.Name).Distinct().ToList();
    }

    [GazetteerTheory]
    [InlineData("The European Union imposed new sanctions on Moscow on Monday.", "Moscow")]
    [InlineData("Canada announced sanctions against Moscow over the deportations on Friday.", "Moscow")]
    [InlineData("Britain announced fresh sanctions against Minsk on Thursday.", "Minsk")]
    public void A_capital_a_sanction_names_is_no_place_of_the_event(string text, string capital) =>
        Assert.DoesNotContain(capital, PlacesOf(text));

    [GazetteerTheory]
    [InlineData("Russian missiles struck Kyiv on Monday.")]
    [InlineData("Drones hit targets in Kyiv on Monday.")]
    public void A_capital_struck_stays_the_place(string text) =>
        Assert.Contains("Kyiv", PlacesOf(text));
}
