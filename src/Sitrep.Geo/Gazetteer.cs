using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Text;
using Sitrep.Geo.Index;
using Sitrep.Geo.Text;

namespace Sitrep.Geo;

/// <summary>Sitrep's compact place index, built from GeoNames dumps by <c>sitrep gazetteer build</c>.</summary>
public sealed partial class Gazetteer
{
    private const string CacheRelative = ".cache/gazetteer.idx";

    private readonly int[] _stringOffsets;
    private readonly char[] _stringChars;
    private readonly string?[] _stringCache;
    private readonly EntryRecord[] _entries;
    private readonly Admin1Record[] _admin1;
    private readonly int[] _vocabOffsets;
    private readonly char[] _vocabChars;
    private readonly int[] _childStart;
    private readonly int[] _childToken;
    private readonly int[] _childNode;
    private readonly int[] _postStart;
    private readonly Posting[] _postings;
    private readonly int[] _fuzzyEntries;
    private readonly int[] _fuzzyKeys;
    private readonly Dictionary<string, int> _admin1ByKey;
    private readonly Lazy<Dictionary<char, List<int>>> _fuzzyByFirst;
    private readonly Lazy<Dictionary<string, List<int>>> _fuzzyByConsonants;

    private Gazetteer(ReadOnlySpan<byte> bytes, string path)
    {
        var r = new Reader(bytes, path);
        if (Encoding.ASCII.GetString(r.Bytes(IndexWriter.Magic.Length)) != IndexWriter.Magic)
            throw new InvalidDataException($"{path}: not a Sitrep place index");
        var version = r.Int();
        if (version != IndexWriter.Version)
            throw new InvalidDataException($"{path}: index version {version}, this build reads version {IndexWriter.Version}; rebuild it with 'sitrep gazetteer build'");
        if (!IndexChecksum.Verify(bytes))
            throw new InvalidDataException($"{path}: the place index is damaged (checksum mismatch); rebuild it with 'sitrep gazetteer build'");
        _stringOffsets = r.Array<int>();
        _stringChars = r.Array<char>();
        _stringCache = new string?[_stringOffsets.Length - 1];
        _entries = r.Array<EntryRecord>();
        _admin1 = r.Array<Admin1Record>();
        _vocabOffsets = r.Array<int>();
        _vocabChars = r.Array<char>();
        _childStart = r.Array<int>();
        _childToken = r.Array<int>();
        _childNode = r.Array<int>();
        _postStart = r.Array<int>();
        _postings = r.Array<Posting>();
        _fuzzyEntries = r.Array<int>();
        _fuzzyKeys = r.Array<int>();
        _fuzzyByFirst = new Lazy<Dictionary<char, List<int>>>(BuildFuzzyBuckets);
        _fuzzyByConsonants = new Lazy<Dictionary<string, List<int>>>(BuildConsonantBuckets);
        _admin1ByKey = new Dictionary<string, int>(_admin1.Length, StringComparer.Ordinal);
        for (var i = 0; i < _admin1.Length; i++)
            _admin1ByKey[String(_admin1[i].Key)] = i;
    }

    /// <summary>Loads an index file written by the builder.</summary>
    public static Gazetteer Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no place index here; build one with 'sitrep gazetteer build'", path);
        // Mapped, not read: the arrays are copied out of the page cache once, instead of reading
        // the whole file into a 40 MB array first and copying them out of that (start-up, issue 12).
        // The builder replaces an index by renaming a new file over it, so a mapped index is not
        // cut short under a reader; the view is let go as soon as the arrays are copied.
        var length = new FileInfo(path).Length;
        if (length > int.MaxValue)
            throw new InvalidDataException($"{path}: {length} bytes is too large for a place index");
        if (length == 0)
            return new Gazetteer(ReadOnlySpan<byte>.Empty, path);
        using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        return Mapped(view, (int)length, path);
    }

    private static unsafe Gazetteer Mapped(MemoryMappedViewAccessor view, int length, string path)
    {
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        try
        {
            return new Gazetteer(new ReadOnlySpan<byte>(start + view.PointerOffset, length), path);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    /// <summary>The index the CLI uses when none is named: $SITREP_GAZETTEER, else .cache/gazetteer.idx above the working folder or the binaries.</summary>
    public static string? DefaultPath()
    {
        var env = Environment.GetEnvironmentVariable("SITREP_GAZETTEER");
        if (!string.IsNullOrWhiteSpace(env))
            return env;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, CacheRelative);
                if (File.Exists(candidate))
                    return candidate;
            }
        return null;
    }

    /// <summary>Number of features in the index.</summary>
    public int Count => _entries.Length;

    internal ref readonly EntryRecord Entry(int i) => ref _entries[i];

    internal ReadOnlySpan<Posting> Postings(int node) => _postings.AsSpan(_postStart[node], _postStart[node + 1] - _postStart[node]);

    internal string String(int id)
    {
        if (id < 0)
            return "";
        return _stringCache[id] ??= new string(_stringChars, _stringOffsets[id], _stringOffsets[id + 1] - _stringOffsets[id]);
    }

    /// <summary>Token id of a skeleton token, or -1: binary search over the sorted vocabulary.</summary>
    internal int TokenId(ReadOnlySpan<char> key)
    {
        int lo = 0, hi = _vocabOffsets.Length - 2;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = _vocabChars.AsSpan(_vocabOffsets[mid], _vocabOffsets[mid + 1] - _vocabOffsets[mid]).SequenceCompareTo(key);
            if (cmp == 0)
                return mid;
            if (cmp < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }

    /// <summary>The child of a trie node along a token, or -1.</summary>
    internal int Child(int node, int token)
    {
        if (token < 0)
            return -1;
        int lo = _childStart[node], hi = _childStart[node + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var t = _childToken[mid];
            if (t == token)
                return _childNode[mid];
            if (t < token)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }

    internal bool HasPostings(int node) => _postStart[node + 1] > _postStart[node];

    /// <summary>The trie node of a whole name, or -1.</summary>
    internal int NodeOf(string name)
    {
        var node = 0;
        foreach (var token in TextFold.SkeletonTokens(name))
        {
            node = Child(node, TokenId(token));
            if (node < 0)
                return -1;
        }
        return node == 0 ? -1 : node;
    }

    internal string? Admin1Key(int entry) => _entries[entry].Admin1 is var a and >= 0 ? String(_admin1[a].Key) : null;

    internal string? Admin1Name(int entry) => _entries[entry].Admin1 is var a and >= 0 ? String(_admin1[a].ShortName) : null;

    /// <summary>The raion stem of an entry's second-level division ("Pokrovsk Raion" → "pokrov"), or null.</summary>
    internal string? RaionStemOf(int entry)
    {
        var id = _entries[entry].Admin2;
        if (id < 0)
            return null;
        return _raionStems.GetOrAdd(id, static (i, g) => Resolution.DivisionScope.RaionStem(g.String(i)) ?? "", this) is { Length: > 0 } stem ? stem : null;
    }

    // Few distinct raion names, asked for in the ranking's inner loop.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _raionStems = new();

    /// <summary>The region entry standing for an admin-1 key, or -1.</summary>
    internal int RegionEntry(string admin1Key) => _admin1ByKey.TryGetValue(admin1Key, out var i) ? _admin1[i].Entry : -1;

    /// <summary>The short name of a first-level division by its codes ("UA", "07" → "Kharkiv"), or null.</summary>
    internal string? RegionNameOf(string country, string admin1) =>
        _admin1ByKey.TryGetValue(country + "." + admin1, out var i) ? String(_admin1[i].ShortName) : null;

    internal int FuzzyCount => _fuzzyEntries.Length;

    internal (int Entry, string Key) Fuzzy(int i) => (_fuzzyEntries[i], String(_fuzzyKeys[i]));

    /// <summary>Fuzzy candidates whose key starts with <paramref name="first"/>: a typo rarely hits the first letter.</summary>
    internal IReadOnlyList<int> FuzzyByFirstLetter(char first) =>
        _fuzzyByFirst.Value.TryGetValue(first, out var list) ? list : [];

    /// <summary>
    /// Fuzzy candidates whose names have these consonants (<see cref="Recognition.ConsonantKey"/>):
    /// keyed once for the whole index, so a word no name is a letter or two off costs one lookup.
    /// </summary>
    internal IReadOnlyList<int> FuzzyByConsonants(string consonants) =>
        _fuzzyByConsonants.Value.TryGetValue(consonants, out var list) ? list : [];

    private Dictionary<string, List<int>> BuildConsonantBuckets()
    {
        var buckets = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < _fuzzyKeys.Length; i++)
        {
            var key = Recognition.ConsonantKey.Of(String(_fuzzyKeys[i]));
            if (!buckets.TryGetValue(key, out var list))
                buckets[key] = list = [];
            list.Add(i);
        }
        return buckets;
    }

    private Dictionary<char, List<int>> BuildFuzzyBuckets()
    {
        var buckets = new Dictionary<char, List<int>>();
        for (var i = 0; i < _fuzzyKeys.Length; i++)
        {
            var key = String(_fuzzyKeys[i]);
            if (key.Length == 0)
                continue;
            if (!buckets.TryGetValue(key[0], out var list))
                buckets[key[0]] = list = [];
            list.Add(i);
        }
        return buckets;
    }

    /// <summary>The record form of an entry, with the mention as written.</summary>
    internal Place ToPlace(int entry, string mention)
    {
        ref readonly var e = ref _entries[entry];
        var kind = (PlaceKind)e.Kind;
        return new Place(String(e.Name), kind, CountryCode.Unpack(e.Country), kind == PlaceKind.Country ? null : Admin1Name(entry),
            Math.Round(e.Lat, 4), Math.Round(e.Lon, 4), e.HasId ? e.GeonamesId : null, mention)
        {
            Admin2 = e.Admin2 >= 0 ? String(e.Admin2) : null,
        };
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes, string path)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _pos;

        public ReadOnlySpan<byte> Bytes(int n)
        {
            if (_pos + n > _bytes.Length)
                throw new InvalidDataException($"{path}: the place index is truncated; rebuild it with 'sitrep gazetteer build'");
            var s = _bytes.Slice(_pos, n);
            _pos += n;
            return s;
        }

        public int Int() => BitConverter.ToInt32(Bytes(4));

        public T[] Array<T>() where T : unmanaged
        {
            var n = Int();
            if (n < 0)
                throw new InvalidDataException($"{path}: the place index is damaged; rebuild it with 'sitrep gazetteer build'");
            return MemoryMarshal.Cast<byte, T>(Bytes(n * System.Runtime.CompilerServices.Unsafe.SizeOf<T>())).ToArray();
        }
    }
}
