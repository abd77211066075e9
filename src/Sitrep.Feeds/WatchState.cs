using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Feeds;

/// <summary>What the watcher knows of one article: its document, its text's hash, and the feed's date for it.</summary>
public sealed record SeenItem(string? Doc, string? TextHash, string? Revision);

/// <summary>
/// What a watcher remembers between runs, kept beside the database as DB.watch.json: each feed's
/// validators for conditional GET, and each article seen. It is written (to a temporary file,
/// then renamed over the old one) only after the store has committed what it records, so a
/// watcher killed at any moment finds either the old state, whose articles the store then
/// reports unchanged, or the new one: it never loses an article and never stores one twice.
/// </summary>
public sealed class WatchState
{
    [JsonInclude] public Dictionary<string, Validators> Feeds { get; private set; } = new(StringComparer.Ordinal);
    [JsonInclude] public Dictionary<string, SeenItem> Items { get; private set; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _textOwners = new(StringComparer.Ordinal);

    [JsonIgnore] public string Path { get; private set; } = "";

    public static string PathFor(string database) => database + ".watch.json";

    public static WatchState Load(string path)
    {
        WatchState state;
        if (!File.Exists(path))
            state = new WatchState();
        else
        {
            try
            {
                state = JsonSerializer.Deserialize<WatchState>(File.ReadAllText(path), Json) ?? new WatchState();
            }
            catch (JsonException e)
            {
                throw new FeedFormatException($"{path}: the watch state is broken ({e.Message}); move it away to start afresh (articles already stored are recognised and not stored again)");
            }
        }
        state.Path = path;
        state.Feeds = new Dictionary<string, Validators>(state.Feeds, StringComparer.Ordinal);
        state.Items = new Dictionary<string, SeenItem>(state.Items, StringComparer.Ordinal);
        foreach (var (url, item) in state.Items)
            if (item.TextHash is { } hash)
                state._textOwners.TryAdd(hash, url);
        return state;
    }

    /// <summary>The article already seen with this text, when it was seen under another address.</summary>
    public string? OtherOwner(string textHash, string url) =>
        _textOwners.TryGetValue(textHash, out var owner) && owner != url ? owner : null;

    public void Seen(string url, SeenItem item)
    {
        Items[url] = item;
        if (item.TextHash is { } hash)
            _textOwners.TryAdd(hash, url);
    }

    public void Save()
    {
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, this, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
