namespace Sitrep.Geo.Index;

/// <summary>
/// The index's strings made once each, in blocks allocated when first asked for: a short run
/// asks for a few hundred of the half million, so one slot array for all of them would be most of
/// what it allocates. Races only make a string twice, never a wrong one.
/// </summary>
internal sealed class StringCache(int count)
{
    private const int BlockBits = 10;
    private const int BlockMask = (1 << BlockBits) - 1;

    private readonly string?[]?[] _blocks = new string?[]?[(count >> BlockBits) + 1];

    public string? Get(int id) => _blocks[id >> BlockBits]?[id & BlockMask];

    public string Set(int id, string value)
    {
        var block = _blocks[id >> BlockBits] ??= new string?[1 << BlockBits];
        return block[id & BlockMask] = value;
    }
}
