namespace Sitrep.Text;

public enum TokenKind : byte { Word, Number, Punct }

/// <summary>
/// A token of the document: offsets into the document text, the folded form (lower case, no
/// accents, straight apostrophes), and a crude lemma (plural 's' off) that lexicons match on.
/// </summary>
public readonly record struct Token(int Start, int End, TokenKind Kind, string Norm, string Lemma)
{
    public int Length => End - Start;
    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>Whether the lemma is the folded form itself (the tokenizer then gives both one string), so one look-up serves both.</summary>
    internal bool LemmaIsNorm => ReferenceEquals(Norm, Lemma) || Norm == Lemma;

    /// <summary>The tokenizer's record of this word form, where what recognizers learn about the form is kept; null for a token made elsewhere.</summary>
    internal TokenWord? Word { get; init; }

    // Two tokens are the same token by what they say, not by which thread's record of the form they carry.
    public bool Equals(Token other) =>
        Start == other.Start && End == other.End && Kind == other.Kind && Norm == other.Norm && Lemma == other.Lemma;

    public override int GetHashCode() => HashCode.Combine(Start, End, Kind, Norm, Lemma);
}
