using System.Runtime.InteropServices;
using System.Text;
using Sitrep.Geo.Text;

namespace Sitrep.Geo.Index;

/// <summary>
/// Writes the index: a string pool, fixed-size entry records, the admin-1 table, a sorted
/// vocabulary of name tokens, and a token trie (CSR arrays) whose nodes carry postings.
/// </summary>
internal sealed class IndexWriter
{
    public const string Magic = "SITREPGZ";
    public const int Version = 3;   // 3: transliteration-aware keys (kh/h, shch/sch) and a checksum trailer

    private readonly Dictionary<string, int> _stringIds = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];

    private int Intern(string s)
    {
        if (!_stringIds.TryGetValue(s, out var id))
        {
            id = _strings.Count;
            _strings.Add(s);
            _stringIds[s] = id;
        }
        return id;
    }

    public (int Entries, int Names, int Regions, long Bytes) Write(
        IEnumerable<GeoNamesRow> rowsIn,
        Dictionary<string, (string ShortName, GeoNamesRow? Row)> admin1,
        CuratedTables curated,
        string outputPath)
    {
        var rows = rowsIn.OrderBy(r => r.Id < 0 ? 1 : 0).ThenBy(r => r.Id).ToList();
        var rowIndex = new Dictionary<GeoNamesRow, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
            rowIndex[rows[i]] = i;

        // Admin-1 table and raion names.
        var admin1Keys = admin1.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var admin1Index = new Dictionary<string, int>(StringComparer.Ordinal);
        var admin1Records = new Admin1Record[admin1Keys.Count];
        for (var i = 0; i < admin1Keys.Count; i++)
        {
            var key = admin1Keys[i];
            var (shortName, row) = admin1[key];
            admin1Index[key] = i;
            admin1Records[i] = new Admin1Record(Intern(key), Intern(shortName), row is null ? -1 : rowIndex[row], CountryCode.Pack(key.AsSpan(0, 2)));
        }
        var admin2Names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows)
            if (r.FeatureClass == 'A' && r.FeatureCode == "ADM2" && r.Admin2.Length > 0)
                admin2Names.TryAdd($"{r.Country}.{r.Admin1}.{r.Admin2}", r.Name);

        // Entries.
        var entries = new EntryRecord[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var kind = FeatureRank.KindOf(r.FeatureClass, r.FeatureCode) ?? PlaceKind.Area;
            var a1 = r.Admin1.Length > 0 && admin1Index.TryGetValue($"{r.Country}.{r.Admin1}", out var a) ? a : -1;
            var a2 = r.Admin2.Length > 0 && admin2Names.TryGetValue($"{r.Country}.{r.Admin1}.{r.Admin2}", out var n2) ? Intern(n2) : -1;
            entries[i] = new EntryRecord(Math.Max(r.Id, 0), Intern(r.Name), Intern(r.FeatureCode),
                (int)Math.Min(r.Population, int.MaxValue), (float)r.Lat, (float)r.Lon, a1, a2,
                CountryCode.Pack(r.Country), (byte)kind, FeatureRank.Of(r.FeatureClass, r.FeatureCode), (byte)r.FeatureClass);
        }

        // Names: every usable variant of every entry, keyed by its skeleton tokens.
        var names = new List<(int Entry, int Variant, NameSource Source, string[] Tokens)>();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            seen.Clear();
            foreach (var (variant, source) in Variants(rows[i], entries[i], curated))
            {
                var tokens = TextFold.SkeletonTokens(variant);
                if (tokens.Count is 0 or > 8)
                    continue;
                // One posting per spelling, not per skeleton: the geocoder tells an exact spelling from a loose one.
                if (!seen.Add(TextFold.Fold(variant)))
                    continue;
                names.Add((i, Intern(variant), source, tokens.ToArray()));
                vocabulary.UnionWith(tokens);
            }
        }
        var vocab = vocabulary.ToArray();
        Array.Sort(vocab, StringComparer.Ordinal);
        var tokenId = new Dictionary<string, int>(vocab.Length, StringComparer.Ordinal);
        for (var i = 0; i < vocab.Length; i++)
            tokenId[vocab[i]] = i;

        // Trie over token ids; node 0 is the root.
        var edges = new Dictionary<(int Parent, int Token), int>();
        var nodePostings = new List<List<Posting>?> { null };
        foreach (var (entry, variant, source, tokens) in names)
        {
            var node = 0;
            foreach (var t in tokens)
            {
                var key = (node, tokenId[t]);
                if (!edges.TryGetValue(key, out var child))
                {
                    child = nodePostings.Count;
                    nodePostings.Add(null);
                    edges[key] = child;
                }
                node = child;
            }
            (nodePostings[node] ??= []).Add(new Posting(entry, variant, source));
        }
        var nodeCount = nodePostings.Count;
        var sortedEdges = edges.Select(e => (e.Key.Parent, e.Key.Token, Child: e.Value))
                               .OrderBy(e => e.Parent).ThenBy(e => e.Token).ToArray();
        var childStart = new int[nodeCount + 1];
        foreach (var e in sortedEdges)
            childStart[e.Parent + 1]++;
        for (var i = 0; i < nodeCount; i++)
            childStart[i + 1] += childStart[i];
        var childToken = sortedEdges.Select(e => e.Token).ToArray();
        var childNode = sortedEdges.Select(e => e.Child).ToArray();
        var postStart = new int[nodeCount + 1];
        var postings = new List<Posting>(names.Count);
        for (var i = 0; i < nodeCount; i++)
        {
            postStart[i] = postings.Count;
            if (nodePostings[i] is { } list)
                postings.AddRange(list);
        }
        postStart[nodeCount] = postings.Count;

        // Candidates for the one-letter-off match: Ukrainian and Russian places of some size and
        // the first-level divisions, by their primary names only.
        var fuzzy = new List<(int Entry, int Key)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var e = entries[i];
            var cc = CountryCode.Unpack(e.Country);
            var big = (PlaceKind)e.Kind == PlaceKind.Settlement && (e.Population >= 1000 || e.Rank >= 3);
            var region = (PlaceKind)e.Kind == PlaceKind.Region && e.Rank >= 5;
            if (cc is "UA" or "RU" && (big || region))
                fuzzy.Add((i, Intern(string.Concat(TextFold.SkeletonTokens(rows[i].Name)))));
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        var temp = outputPath + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var w = new BinaryWriter(stream, Encoding.UTF8))
        {
            w.Write(Encoding.ASCII.GetBytes(Magic));
            w.Write(Version);
            WriteStrings(w, _strings);
            WriteArray(w, entries);
            WriteArray(w, admin1Records);
            WriteStrings(w, vocab);
            WriteArray(w, childStart);
            WriteArray(w, childToken);
            WriteArray(w, childNode);
            WriteArray(w, postStart);
            WriteArray(w, postings.ToArray());
            WriteArray(w, fuzzy.Select(f => f.Entry).ToArray());
            WriteArray(w, fuzzy.Select(f => f.Key).ToArray());
        }
        IndexChecksum.Append(temp);
        File.Move(temp, outputPath, overwrite: true);
        var regions = entries.Count(e => (PlaceKind)e.Kind == PlaceKind.Region);
        return (entries.Length, postings.Count, regions, new FileInfo(outputPath).Length);
    }

    private IEnumerable<(string Name, NameSource Source)> Variants(GeoNamesRow row, EntryRecord entry, CuratedTables curated)
    {
        foreach (var c in row.Curated.Where(c => c.Source.HasFlag(NameSource.Primary)))
            yield return c;
        yield return (row.Name, NameSource.Primary);
        foreach (var c in row.Curated.Where(c => !c.Source.HasFlag(NameSource.Primary)))
            yield return c;
        yield return (row.AsciiName, NameSource.Ascii);
        foreach (var a in row.Alternates)
            if (IsUsableAlternate(a))
                yield return (a, NameSource.Alternate);
        if ((PlaceKind)entry.Kind != PlaceKind.Water)
            yield break;
        // "Sea of Azov" is also "the Azov Sea"; "Kerch Strait" also "the Strait of Kerch".
        foreach (var (name, source) in new[] { (row.Name, NameSource.Primary), (row.AsciiName, NameSource.Ascii) })
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 3 && curated.WaterWords.Contains(TextFold.Skeleton(words[0])) && words[1].Equals("of", StringComparison.OrdinalIgnoreCase))
                yield return (string.Join(' ', words[2..]) + " " + words[0], source);
            else if (words.Length >= 2 && curated.WaterWords.Contains(TextFold.Skeleton(words[^1])))
                yield return (words[^1] + " of " + string.Join(' ', words[..^1]), source);
        }
    }

    /// <summary>
    /// Alternate names worth matching in English copy: Latin script, written as a proper name,
    /// not a code (KGO, DNK) and not a lower-case romanization of some other script.
    /// </summary>
    internal static bool IsUsableAlternate(string a)
    {
        if (a.Length < 2 || !char.IsUpper(a[0]))
            return false;
        var upper = 0;
        foreach (var c in a)
        {
            if (char.IsUpper(c))
                upper++;
            var latin = c < 0x250 || c is >= '\u1E00' and <= '\u1EFF' || TextFold.IsApostrophe(c) || c is '\u2011';
            if (!latin || char.IsDigit(c) || c is ',' or '(' or ')' or '/' or '"')
                return false;
        }
        return !(upper == a.Length && a.Length <= 4);
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> strings)
    {
        var offsets = new int[strings.Count + 1];
        var total = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            offsets[i] = total;
            total += strings[i].Length;
        }
        offsets[strings.Count] = total;
        var chars = new char[total];
        for (var i = 0; i < strings.Count; i++)
            strings[i].CopyTo(chars.AsSpan(offsets[i]));
        WriteArray(w, offsets);
        WriteArray(w, chars);
    }

    private static void WriteArray<T>(BinaryWriter w, T[] items) where T : unmanaged
    {
        w.Write(items.Length);
        w.Write(MemoryMarshal.AsBytes(items.AsSpan()));
    }
}
