using Sitrep.Geo.Tests.Support;

namespace Sitrep.Geo.Tests;

// A thread's mention states keep their candidate traits from report to report (read in a
// report's first pass, reused in the next two): a report ranked after others must score every
// candidate to the same bits as on a thread that ranks it first.
public class GeocoderTraitsTests
{
    private static readonly Gazetteer G = MiniGazetteer.Gazetteer;

    private const string Before = "Ivanivka and Lozova were shelled; Kharkiv, Donetsk and Ivanivka, Donetsk region, too. Kupiansk.";
    private const string After = "Lozova in the Kharkiv region was hit; Ivanivka (Donetsk oblast) and Bakhmut as well.";

    private static List<long[]> Scores(params string[] texts)
    {
        List<long[]> last = [];
        var thread = new Thread(() =>
        {
            var recognizer = new PlaceRecognizer(G);
            var geocoder = new Geocoder(G);
            foreach (var text in texts)
                last = geocoder.Rank(text, recognizer.Find(text, 0, text.Length))
                    .Select(r => r.State.Scores.Select(BitConverter.DoubleToInt64Bits).ToArray()).ToList();
        });
        thread.Start();
        thread.Join();
        return last;
    }

    [Fact]
    public void A_report_scores_the_same_after_other_reports_as_on_its_own()
    {
        var alone = Scores(After);
        Assert.Contains(alone, s => s.Length > 1);
        Assert.Equal(alone, Scores(Before, After));
        Assert.Equal(alone, Scores(After, Before, After));
    }
}
