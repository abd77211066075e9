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
}
