using System.Text;
using Sitrep.Clauses;
using Sitrep.Recognizers;

namespace Sitrep.Pipeline;

/// <summary>
/// What the recognizers saw in a sentence, for an analyst asking "why this event?" (or why
/// none): the sentence, then each finding with its kind and value.
/// </summary>
internal static class Explanation
{
    public static void Write(TextWriter output, string doc, string text, SentenceReading r, ClauseAnalysis clauses, IReadOnlyList<string> notes)
    {
        var s = r.Sentence;
        var sb = new StringBuilder();
        sb.Append(doc).Append(" [").Append(s.Start).Append('-').Append(s.End).Append(" section ").Append(s.Section)
          .Append(' ').Append(s.Role.ToString().ToLowerInvariant()).Append("] ").Append(Flat(text[s.Start..s.End])).Append('\n');
        void Item(string kind, int start, int end, string value) =>
            sb.Append("    ").Append(kind).Append(": \"").Append(Flat(text[start..end])).Append("\" ").Append(value).Append('\n');
        foreach (var t in r.Triggers)
            Item("trigger", t.Start, t.End, $"{t.Value.Type} {t.Value.Strength}".ToLowerInvariant());
        foreach (var w in r.Weapons)
            Item("weapon", w.Start, w.End, $"{w.Value.Class} {w.Value.Model}".TrimEnd());
        foreach (var a in r.Actors)
            Item("actor", a.Start, a.End, $"{a.Value.Code} {a.Value.Role}".ToLowerInvariant());
        foreach (var c in r.Cues)
            Item("attribution", c.Start, c.End, c.Value.SourcePosition.ToString().ToLowerInvariant());
        foreach (var c in r.Casualties)
            Item("casualty", c.Start, c.End, c.Value.Slot);
        foreach (var n in r.Numbers)
            Item("number", n.Start, n.End, $"{n.Value} {n.Approximation} {n.Unit}".ToLowerInvariant());
        foreach (var d in r.Dates)
            Item("date", d.Start, d.End, $"{d.Date:yyyy-MM-dd} {d.Precision} {d.Kind}{(d.OffsetDays is { } o ? $" {o:+0;-0}d" : "")}".ToLowerInvariant());
        foreach (var p in r.Places)
            Item("place", p.Mention.Start, p.Mention.End, p.Canonical is null ? p.Mention.KindHint.ToString().ToLowerInvariant() : $"= {p.Canonical}");
        clauses.Describe(sb, text, r.Tokens);
        foreach (var note in notes)
            sb.Append("    ").Append(note).Append('\n');
        output.Write(sb.ToString());
    }

    private static string Flat(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
}
