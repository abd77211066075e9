using System.Globalization;

namespace Sitrep.Store.Export;

/// <summary>Cells a spreadsheet opens safely.</summary>
internal static class Spreadsheets
{
    /// <summary>
    /// A text cell that starts like a formula (=, +, -, @, tab, carriage return) gets a leading
    /// apostrophe, so Excel or LibreOffice shows "=HYPERLINK(...)" instead of running it (OWASP's
    /// advice on CSV injection). Numbers, negative coordinates among them, are left as they are.
    /// </summary>
    public static string Escape(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + cell : cell;
}
