using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Pipeline;

/// <summary>
/// Where the war is in the week of a report, as the rest of a run tells it: the places that
/// other reports of the run located beyond doubt, each with its report's date, and (on ingest) the
/// places of events already stored. A report's prior holds only the places within
/// <see cref="WindowDays"/> days of its own date and never its own: a report does not vouch for
/// itself. Built once after the first pass; the answer depends only on the set of places, so it is
/// the same whatever the order of the files or the number of threads.
/// </summary>
public sealed class RunPrior
{
    /// <summary>Days either side of a report's date whose places count as the same week of the war.</summary>
    public const int WindowDays = 3;

    /// <summary>
    /// One dated point, kept once however many reports settled it: a prior answers only "how far
    /// is the nearest point", which repeats do not change, and a year of reports repeats the same
    /// towns thousands of times. <see cref="Shared"/> says whether a report other than
    /// <see cref="Doc"/> gave it too, so that a point stays out only of the prior of the one report
    /// it came from.
    /// </summary>
    private readonly record struct DatedPoint(int Day, double Lat, double Lon, string? Doc, bool Shared);

    private readonly List<DatedPoint> _points = [];
    private readonly Dictionary<(int Day, double Lat, double Lon), int> _pointAt = [];

    /// <summary>How many dated places the prior was given, repeats included.</summary>
    public int Count { get; private set; }

    /// <summary>How many distinct dated points the prior keeps: what its memory and each question's work grow with.</summary>
    internal int DistinctPoints => _points.Count;

    /// <summary>The places a report's first pass settled, dated by its publication; an undated report adds none.</summary>
    public RunPrior Add(Document document, ReportSurvey survey)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(survey);
        if (document.Meta.Published is not { } date)
            return this;
        foreach (var p in survey.SettledPlaces)
            if (p is { Lat: { } lat, Lon: { } lon })
                Put(document.Id, date, lat, lon);
        return this;
    }

    /// <summary>
    /// A place of an event already stored (for ingest): dated by the event, else not added.
    /// <paramref name="doc"/> is the report it came from, so that a report read again does not lean on its old self.
    /// </summary>
    public RunPrior AddStored(string? doc, DateOnly? date, double lat, double lon)
    {
        if (date is { } d)
            Put(doc, d, lat, lon);
        return this;
    }

    private void Put(string? doc, DateOnly date, double lat, double lon)
    {
        Count++;
        var key = (date.DayNumber, lat, lon);
        if (!_pointAt.TryGetValue(key, out var at))
        {
            _pointAt.Add(key, _points.Count);
            _points.Add(new DatedPoint(date.DayNumber, lat, lon, doc, Shared: false));
        }
        else if (_points[at] is { Shared: false } point && point.Doc != doc)
            _points[at] = point with { Shared = true };
    }

    /// <summary>The places of other reports within <see cref="WindowDays"/> days of <paramref name="date"/>; null when there are none.</summary>
    public FrontPrior? Around(string doc, DateOnly? date)
    {
        if (date is not { } day)
            return null;
        // The window's days, not every place of the run: a long run asked this of each report.
        var byDay = ByDay();
        List<int>? window = null;
        for (var d = day.DayNumber - WindowDays; d <= day.DayNumber + WindowDays; d++)
            if (byDay.TryGetValue(d, out var added))
                (window ??= []).AddRange(added);
        if (window is null)
            return null;
        window.Sort();
        FrontPrior? prior = null;
        foreach (var i in window)
            if (_points[i] is var point && (point.Shared || point.Doc != doc))
                (prior ??= new FrontPrior()).Add(point.Lat, point.Lon);
        return prior;
    }

    private Dictionary<int, List<int>>? _byDay;
    private int _byDayCount = -1;

    /// <summary>The points' positions by day, made again only when points were added since; the second pass asks from several threads.</summary>
    private Dictionary<int, List<int>> ByDay()
    {
        lock (_points)
        {
            if (_byDay is null || _byDayCount != _points.Count)
            {
                var byDay = new Dictionary<int, List<int>>();
                for (var i = 0; i < _points.Count; i++)
                {
                    var day = _points[i].Day;
                    if (!byDay.TryGetValue(day, out var list))
                        byDay[day] = list = [];
                    list.Add(i);
                }
                (_byDay, _byDayCount) = (byDay, _points.Count);
            }
            return _byDay;
        }
    }

    /// <summary>
    /// The second pass for one report: read again with its prior only when a prior could change
    /// one of its places and the run has one for its week; otherwise the first pass stands. A survey
    /// that kept its reading (<see cref="ReportPipeline.SurveyKeeping"/>) is not read from its text again.
    /// </summary>
    public IReadOnlyList<EventRecord> Revisit(ReportPipeline pipeline, Document document, ReportSurvey survey, CancellationToken budget = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(survey);
        if (PriorFor(document.Id, document.Meta.Published, survey.PriorCanDecide) is not { } prior)
            return survey.Events;
        return ReadAgain(pipeline, document, survey, prior, budget);
    }

    /// <summary>
    /// The second pass with the prior <see cref="PriorFor"/> gave, for a caller that asked it
    /// first: from the survey's kept reading, else from the report's text.
    /// </summary>
    public static IReadOnlyList<EventRecord> ReadAgain(ReportPipeline pipeline, Document document, ReportSurvey survey, FrontPrior prior, CancellationToken budget = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(survey);
        return survey.Reading is { } reading ? pipeline.Extract(reading, prior, budget) : pipeline.Extract(document, prior, budget);
    }

    /// <summary>
    /// The prior a report is read again with, or null when its first pass stands: for a caller
    /// that kept only the survey's verdict, not the report.
    /// </summary>
    public FrontPrior? PriorFor(string doc, DateOnly? published, bool priorCanDecide) =>
        priorCanDecide ? Around(doc, published) : null;
}
