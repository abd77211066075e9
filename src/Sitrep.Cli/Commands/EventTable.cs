using Sitrep.Events;

namespace Sitrep.Cli.Commands;

/// <summary>Events as a plain-text table for people: one row per event, the columns an analyst scans first.</summary>
internal sealed class EventTable(TextWriter output)
{
    private static readonly string[] Header = ["doc", "type", "date", "places", "actor", "weapons", "killed", "injured", "usd", "claimed_by"];
    private readonly List<string[]> _rows = [];

    public void Add(EventRecord e)
    {
        _rows.Add([
            e.Doc,
            e.Subtype is null ? Json(e.Type) : $"{Json(e.Type)}/{e.Subtype}",
            e.Date ?? "-",
            e.Places.Count == 0 ? "-" : string.Join("; ", e.Places.Select(p => p.Name)),
            e.Actor ?? "-",
            e.Weapons.Count == 0 ? "-" : string.Join("; ", e.Weapons.Select(Weapon)),
            e.Killed?.ToString() ?? "-",
            e.Injured?.ToString() ?? "-",
            e.AmountUsd is { } usd ? $"{usd:#,0}" : "-",
            e.ClaimedBy ?? "-",
        ]);
    }

    public void Flush()
    {
        var widths = Header.Select((h, i) => Math.Min(40, Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length)))).ToArray();
        Write(Header, widths);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
            Write(row, widths);
        output.WriteLine($"{_rows.Count} events");
    }

    private void Write(string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd());

    private static string Weapon(Weapon w)
    {
        var name = w.Model ?? Json(w.Class);
        var counts = (w.Launched, w.Intercepted) switch
        {
            (null, null) => "",
            ({ } l, null) => $" x{l}",
            (null, { } i) => $" ({i} down)",
            ({ } l, { } i) => $" x{l} ({i} down)",
        };
        return name + counts;
    }

    private static string Json<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
