using System.Text;

namespace Sitrep.Core.Tests;

/// <summary>Awkward text made of pieces and the gaps between them, for comparing two readers of it.</summary>
internal static class GeneratedText
{
    /// <summary>
    /// One to <paramref name="maxPieces"/> − 1 pieces joined by gaps, each piece upper-cased one
    /// time in <paramref name="caseOdds"/>, lower-cased one time in it, and else as written.
    /// </summary>
    public static string Join(Random rng, string[] pieces, string[] gaps, int maxPieces, int caseOdds)
    {
        var sb = new StringBuilder();
        var count = rng.Next(1, maxPieces);
        for (var k = 0; k < count; k++)
        {
            if (k > 0)
                sb.Append(gaps[rng.Next(gaps.Length)]);
            var piece = pieces[rng.Next(pieces.Length)];
            sb.Append(rng.Next(caseOdds) switch { 0 => piece.ToUpperInvariant(), 1 => piece.ToLowerInvariant(), _ => piece });
        }
        return sb.ToString();
    }
}
