namespace Sitrep.Cli.Commands;

/// <summary>Rows as aligned plain-text columns for people; cells past 40 characters are cut with an ellipsis.</summary>
internal sealed class TextTable(params string[] header)
{
    private const int MaxWidth = 40;
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string?[] cells) => _rows.Add(cells.Select(c => string.IsNullOrEmpty(c) ? "-" : c).ToArray());

    public void WriteTo(TextWriter output)
    {
        var widths = header.Select((h, i) => Math.Min(MaxWidth, Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length)))).ToArray();
        Write(output, header, widths);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
            Write(output, row, widths);
    }

    private static void Write(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((c, i) => (c.Length > widths[i] ? c[..(widths[i] - 1)] + "…" : c).PadRight(widths[i]))).TrimEnd());
}
