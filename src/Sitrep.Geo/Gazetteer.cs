using System.Buffers.Binary;
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

    private readonly IndexArray<int> _stringOffsets;
    private readonly IndexArray<char> _stringChars;
    private readonly StringCache _stringCache;
    private readonly StringCache _foldedCache;
    private readonly IndexArray<EntryRecord> _entries;
    private readonly IndexArray<Admin1Record> _admin1;
    private readonly IndexArray<int> _vocabOffsets;
    private readonly IndexArray<char> _vocabChars;
    private readonly IndexArray<int> _childStart;
    private readonly IndexArray<int> _childToken;
    private readonly IndexArray<int> _childNode;
    private readonly IndexArray<int> _postStart;
    private readonly IndexArray<Posting> _postings;
    private readonly IndexArray<int> _fuzzyEntries;
    private readonly IndexArray<int> _fuzzyKeys;
    private readonly Dictionary<string, int> _admin1ByKey;
    private readonly Lazy<Dictionary<char, List<int>>> _fuzzyByFirst;
    private readonly Lazy<Dictionary<string, List<int>>> _fuzzyByConsonants;

    private unsafe Gazetteer(byte* start, int length, string path, bool verify)
    {
        var bytes = new ReadOnlySpan<byte>(start, length);
        var r = new Reader(start, length, path);
        if (Encoding.ASCII.GetString(r.Bytes(IndexWriter.Magic.Length)) != IndexWriter.Magic)
            throw new InvalidDataException($"{path}: not a Sitrep place index");
        var version = r.Int();
        if (version != IndexWriter.Version)
            throw new InvalidDataException($"{path}: index version {version}, this build reads version {IndexWriter.Version}; rebuild it with 'sitrep gazetteer build'");
        ChecksumVerified = verify;
        if (verify && !IndexChecksum.Verify(bytes))
            throw new InvalidDataException($"{path}: the place index is damaged (checksum mismatch); rebuild it with 'sitrep gazetteer build'");
        _stringOffsets = r.Array<int>();
        _stringChars = r.Array<char>();
        _stringCache = new StringCache(Math.Max(0, _stringOffsets.Length - 1));
        _foldedCache = new StringCache(Math.Max(0, _stringOffsets.Length - 1));
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
        // Mapped and used in place: a run reads only the pages its lookups reach, instead of copying
        // 40 MB of arrays out on every start (issue 12); the checksum pass reads them all only until
        // a VerifiedStamp vouches for the file. The view is kept for the life of the process (the
        // pointer is never released, so the mapping outlives the accessor). The builder replaces
        // an index by renaming a new file over it, so a mapped index is not changed under a reader.
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        if (length > int.MaxValue)
            throw new InvalidDataException($"{path}: {length} bytes is too large for a place index");
        if (length == 0)
            return Unmapped(path);
        var written = File.GetLastWriteTimeUtc(handle);
        using var file = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        return Mapped(view, (int)length, path, written);
    }

    /// <summary>Whether this load read the whole file to check its checksum (false: a <see cref="VerifiedStamp"/> vouched for it).</summary>
    internal bool ChecksumVerified { get; }

    private static unsafe Gazetteer Unmapped(string path) => new(null, 0, path, verify: true);

    private static unsafe Gazetteer Mapped(MemoryMappedViewAccessor view, int length, string path, DateTime written)
    {
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        try
        {
            start += view.PointerOffset;
            var trailer = length >= IndexChecksum.Length ? BinaryPrimitives.ReadUInt64LittleEndian(new ReadOnlySpan<byte>(start + length - IndexChecksum.Length, IndexChecksum.Length)) : 0;
            var trusted = VerifiedStamp.Holds(path, length, written, trailer);
            var gazetteer = new Gazetteer(start, length, path, verify: !trusted);
            if (!trusted)
                VerifiedStamp.Write(path, length, written, trailer);
            return gazetteer;
        }
        catch
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            throw;
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

    /// <summary>The nodes of the name tree: node ids run from 0 below this.</summary>
    internal int NodeCount => _postStart.Length - 1;

    internal ReadOnlySpan<Posting> Postings(int node) => _postings.Slice(_postStart[node], _postStart[node + 1] - _postStart[node]);

    internal string String(int id)
    {
        if (id < 0)
            return "";
        return _stringCache.Get(id) ?? _stringCache.Set(id, new string(_stringChars.Slice(_stringOffsets[id], _stringOffsets[id + 1] - _stringOffsets[id])));
    }

    /// <summary>
    /// An index string folded (<see cref="TextFold.Fold"/>), made once each: the geocoder compares
    /// the fold of every candidate name of every mention with the mention's, and the same few
    /// thousand names come up report after report. A string already in its folded form is kept once.
    /// </summary>
    internal string Folded(int id)
    {
        if (id < 0)
            return "";
        if (_foldedCache.Get(id) is { } folded)
            return folded;
        var text = String(id);
        var fold = TextFold.Fold(text);
        return _foldedCache.Set(id, fold == text ? text : fold);
    }

    /// <summary>Token id of a skeleton token, or -1: binary search over the sorted vocabulary.</summary>
    internal int TokenId(ReadOnlySpan<char> key)
    {
        int lo = 0, hi = _vocabOffsets.Length - 2;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = _vocabChars.Slice(_vocabOffsets[mid], _vocabOffsets[mid + 1] - _vocabOffsets[mid]).SequenceCompareTo(key);
            if (cmp == 0)
                return mid;
            if (cmp < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }

    /// <summary>
    /// A word's token id and the trie node of the word alone (-1 where none), remembered by word:
    /// the recognizer asks for every capitalised word of every sentence, and a binary search of
    /// the vocabulary and of the root's children each cost about twenty string comparisons.
    /// </summary>
    internal (int Token, int Root) Word(string key)
    {
        if (_words.TryGetValue(key, out var known))
            return known;
        var token = TokenId(key);
        var word = (token, Child(0, token));
        if (_words.Count >= WordMemoLimit)
            _words.Clear();
        _words.TryAdd(key, word);
        return word;
    }

    // The words (and names) of a long run's reports; past this many it starts again.
    private const int WordMemoLimit = 1 << 18;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Token, int Root)> _words = new(StringComparer.Ordinal);

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

    /// <summary>The trie node of a whole name, or -1; remembered by name, as the ranking asks again for each mention of a place.</summary>
    internal int NodeOf(string name)
    {
        if (_nodes.TryGetValue(name, out var known))
            return known;
        var node = WalkName(name);
        if (_nodes.Count >= WordMemoLimit)
            _nodes.Clear();
        _nodes.TryAdd(name, node);
        return node;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _nodes = new(StringComparer.Ordinal);

    private int WalkName(string name)
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

    private unsafe ref struct Reader(byte* start, int length, string path)
    {
        private int _pos;

        public ReadOnlySpan<byte> Bytes(int n) => new(Take(n), n);

        public int Int() => BitConverter.ToInt32(Bytes(4));

        public IndexArray<T> Array<T>() where T : unmanaged
        {
            var n = Int();
            if (n < 0)
                throw new InvalidDataException($"{path}: the place index is damaged; rebuild it with 'sitrep gazetteer build'");
            if ((long)n * sizeof(T) > length - _pos)
                Take(int.MaxValue);
            return new IndexArray<T>((T*)Take(n * sizeof(T)), n);
        }

        private byte* Take(int n)
        {
            if (n > length - _pos)
                throw new InvalidDataException($"{path}: the place index is truncated; rebuild it with 'sitrep gazetteer build'");
            var at = start + _pos;
            _pos += n;
            return at;
        }
    }
}
