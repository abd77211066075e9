using System.Reflection;
using Sitrep.Text;

namespace Sitrep.Recognizers;

/// <summary>
/// One closed word class of word-classes.tsv, resolved once by name when <see cref="Words"/>
/// loads: a class name missing from the table fails at start-up, not by matching nothing.
/// </summary>
public sealed class WordClass
{
    private readonly HashSet<string> _words;
    private readonly bool _byLemma;

    /// <summary>The table whose masks carry <see cref="Bit"/>; null for a class read on its own, which has no bit.</summary>
    private readonly WordClasses? _table;

    internal WordClass(string name, HashSet<string> words, WordClasses? table, int bit)
    {
        Name = name;
        _words = words;
        _byLemma = name.EndsWith("-lemma", StringComparison.Ordinal);
        _table = bit < 64 ? table : null;
        Bit = _table is null ? 0 : 1UL << bit;
    }

    /// <summary>
    /// A class from its table row: the name, then its words separated by spaces (folded forms).
    /// Its bit is its place in <paramref name="table"/>, whose masks <see cref="Has"/> then reads.
    /// </summary>
    internal static WordClass FromRow(string[] row, WordClasses? table, int bit) =>
        new(row[0], new HashSet<string>(row.Length > 1 ? row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [], StringComparer.Ordinal), table, bit);

    public string Name { get; }

    /// <summary>This class's bit in <see cref="WordClasses.MaskOf"/>; 0 past the 64th class, which only <see cref="Has"/> reads.</summary>
    internal ulong Bit { get; }

    internal bool ByLemma => _byLemma;

    internal IEnumerable<string> Members => _words;

    /// <summary>Whether a token whose <see cref="WordClasses.MaskOf"/> is <paramref name="mask"/> belongs to the class.</summary>
    public bool In(ulong mask) => (mask & Bit) != 0;

    /// <summary>Whether the token belongs to the class: by lemma for "*-lemma" classes, else by folded form.</summary>
    public bool Has(Token token) =>
        _table is not null && token.Word is not null ? (_table.MaskOf(token) & Bit) != 0 : _words.Contains(_byLemma ? token.Lemma : token.Norm);

    public override string ToString() => Name;
}

/// <summary>The table of closed word classes, word-classes.tsv.</summary>
internal sealed class WordClasses
{
    private static readonly Lazy<WordClasses> Shared = new(() => new WordClasses(DataFiles.ReadTable("word-classes.tsv"), keepsInRecords: true));

    /// <summary>
    /// Whether a token's word record keeps this table's masks. A record holds one mask, so only
    /// the shared table keeps its masks there; any other table looks its words up every time.
    /// </summary>
    private readonly bool _keepsInRecords;

    private readonly Dictionary<string, WordClass> _classes = new(StringComparer.Ordinal);
    /// <summary>Per word: the classes it is in by its folded form, and by its lemma.</summary>
    private readonly Dictionary<string, (ulong Form, ulong Lemma)> _masks = new(StringComparer.Ordinal);

    private WordClasses(IEnumerable<string[]> rows, bool keepsInRecords)
    {
        _keepsInRecords = keepsInRecords;
        foreach (var row in rows)
        {
            var c = WordClass.FromRow(row, this, _classes.Count);
            _classes[row[0]] = c;
            foreach (var w in c.Members)
            {
                var (form, lemma) = _masks.GetValueOrDefault(w);
                _masks[w] = c.ByLemma ? (form, lemma | c.Bit) : (form | c.Bit, lemma);
            }
        }
        if (_classes.Count > 64)
            throw new InvalidDataException($"word-classes.tsv has {_classes.Count} classes; the clause layer's masks hold 64");
    }

    /// <summary>
    /// Every class a token belongs to, one bit each: two lookups for all the clause layer's tests
    /// of a token, and none for a form the tokenizer's record already holds the mask of.
    /// </summary>
    public ulong MaskOf(Token t)
    {
        if (t.Word is not { } word || !_keepsInRecords)
            return Lookup(t);
        if (!word.TryClasses(out var mask))
            word.SetClasses(mask = Lookup(t));
        return mask;
    }

    private ulong Lookup(Token t)
    {
        var same = t.LemmaIsNorm;
        var mask = 0UL;
        if (_masks.TryGetValue(t.Norm, out var byForm))
            mask = byForm.Form | (same ? byForm.Lemma : 0);
        if (!same && _masks.TryGetValue(t.Lemma, out var byLemma))
            mask |= byLemma.Lemma;
        return mask;
    }

    public static WordClasses Default => Shared.Value;

    /// <summary>A table of these rows of its own, beside the shared one.</summary>
    internal static WordClasses FromRows(IEnumerable<string[]> rows) => new(rows, keepsInRecords: false);

    public IEnumerable<string> Names => _classes.Keys;

    public WordClass Get(string name) =>
        _classes.TryGetValue(name, out var c) ? c : throw new InvalidDataException($"word-classes.tsv has no class '{name}'");
}

/// <summary>
/// Every word class the stages read, by a typed name. The names are checked against
/// word-classes.tsv when this type loads (<see cref="Check"/> runs at pipeline start-up).
/// </summary>
internal static class Words
{
    public static readonly WordClass Preposition = Get("preposition");
    public static readonly WordClass Locative = Get("locative");
    public static readonly WordClass LocativeFiller = Get("locative-filler");
    public static readonly WordClass PartisanNoun = Get("partisan-noun");
    public static readonly WordClass OriginVerb = Get("origin-verb");
    public static readonly WordClass OriginFiller = Get("origin-filler");
    public static readonly WordClass Determiner = Get("determiner");
    public static readonly WordClass SpeakerGlue = Get("speaker-glue");
    public static readonly WordClass SpeakerTitle = Get("speaker-title");
    public static readonly WordClass OfficeLink = Get("office-link");
    public static readonly WordClass InverseVerb = Get("inverse-verb");
    public static readonly WordClass SideNoun = Get("side-noun-lemma");
    public static readonly WordClass AttackNoun = Get("attack-noun-lemma");
    public static readonly WordClass TargetVerb = Get("target-verb");
    public static readonly WordClass GroundObject = Get("ground-object-lemma");
    public static readonly WordClass NewsTense = Get("news-tense");
    public static readonly WordClass SpanEdge = Get("span-edge");
    public static readonly WordClass CasualtyStop = Get("casualty-stop");
    public static readonly WordClass FigureStop = Get("figure-stop");
    public static readonly WordClass Auxiliary = Get("auxiliary");
    public static readonly WordClass CityPart = Get("city-part-lemma");
    public static readonly WordClass ListJoiner = Get("list-joiner");
    public static readonly WordClass Compass = Get("compass");
    public static readonly WordClass Definite = Get("definite");
    public static readonly WordClass Article = Get("article");
    public static readonly WordClass AgentPreposition = Get("agent-preposition");
    public static readonly WordClass RecipientPreposition = Get("recipient-preposition");

    // The clause layer's classes.
    public static readonly WordClass BeForm = Get("be-form");
    public static readonly WordClass HaveForm = Get("have-form");
    public static readonly WordClass DoForm = Get("do-form");
    public static readonly WordClass FutureModal = Get("future-modal");
    public static readonly WordClass PossibleModal = Get("possible-modal");
    public static readonly WordClass Negator = Get("negator");
    public static readonly WordClass NegativeDeterminer = Get("negative-determiner");
    public static readonly WordClass IrrealisModifier = Get("irrealis-modifier");
    public static readonly WordClass AttemptVerb = Get("attempt-verb");
    public static readonly WordClass FailureVerb = Get("failure-verb");
    public static readonly WordClass IntentionVerb = Get("intention-verb");
    public static readonly WordClass DenialVerb = Get("denial-verb");
    public static readonly WordClass RealizingVerb = Get("realizing-verb");
    public static readonly WordClass VerbAdverb = Get("verb-adverb");
    public static readonly WordClass PastForm = Get("irregular-past");
    public static readonly WordClass Infinitive = Get("infinitive-marker");
    public static readonly WordClass Subordinator = Get("subordinator");
    public static readonly WordClass LooseSubordinator = Get("loose-subordinator");
    public static readonly WordClass Particle = Get("particle");
    public static readonly WordClass Relative = Get("relative");
    public static readonly WordClass DescriptiveRelative = Get("descriptive-relative");
    public static readonly WordClass Complementizer = Get("complementizer");
    public static readonly WordClass Coordinator = Get("coordinator");
    public static readonly WordClass ClauseBreak = Get("clause-break");
    public static readonly WordClass PhraseBreak = Get("phrase-break");
    public static readonly WordClass AsideOpen = Get("aside-open");
    public static readonly WordClass AsideClose = Get("aside-close");
    public static readonly WordClass Pronoun = Get("subject-pronoun");
    public static readonly WordClass LocationPreposition = Get("location-preposition");
    public static readonly WordClass InstrumentPreposition = Get("instrument-preposition");
    public static readonly WordClass OriginPreposition = Get("origin-preposition");
    public static readonly WordClass TimePreposition = Get("time-preposition");
    public static readonly WordClass PurposePreposition = Get("purpose-preposition");
    public static readonly WordClass NounJoiner = Get("noun-joiner");
    public static readonly WordClass CircumstancePreposition = Get("circumstance-preposition");
    public static readonly WordClass Prospective = Get("prospective");

    private static WordClass Get(string name) => WordClasses.Default.Get(name);

    /// <summary>Loads every class now; throws when a name is missing from the table.</summary>
    public static int Check() =>
        typeof(Words).GetFields(BindingFlags.Public | BindingFlags.Static).Count(f => f.GetValue(null) is WordClass);
}
