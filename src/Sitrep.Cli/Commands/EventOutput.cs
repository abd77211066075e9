using System.Text.Json.Nodes;
using Sitrep.Events;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>Event records as JSON Lines with where each came from: the spec's record plus source, source_url and source_title.</summary>
internal sealed class EventOutput(IEventReader store)
{
    private readonly Dictionary<string, (string? Source, string? Url, string? Title)> _sources = [];

    public (string? Source, string? Url, string? Title) SourceOf(string doc)
    {
        if (_sources.Count > 10_000)
            _sources.Clear();
        if (!_sources.TryGetValue(doc, out var source))
            _sources[doc] = source = store.DocumentSource(doc);
        return source;
    }

    public string Json(EventRecord e)
    {
        var node = JsonNode.Parse(EventJson.Serialize(e))!.AsObject();
        var (source, url, title) = SourceOf(e.Doc);
        node["source"] = source;
        node["source_url"] = url;
        node["source_title"] = title;
        return node.ToJsonString();
    }
}
