using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;

namespace Sitrep.Pipeline;

/// <summary>Document in, event records out: cleaning, segmenting, recognizing, building, merging, resolving.</summary>
public sealed class ReportPipeline
{
    // CONTRACT SKETCH: the extraction work fills this in.
    public static ReportPipeline Create(Gazetteer gazetteer) => throw new NotImplementedException();

    public IReadOnlyList<EventRecord> Extract(Document document) => throw new NotImplementedException();
}
