namespace Sitrep.Text;

/// <summary>
/// The one reading of .NET regex syntax that <see cref="ScreenedRegex"/> (which splits a pattern
/// into its top-level branches) and <see cref="LiteralGate"/> (which derives the literals a match
/// must hold) share. Every node keeps its span in the pattern text, so a branch can be cut out of
/// the pattern as written. The reading never fails: a construct it does not follow (a lookaround
/// or other "(?" group, a backreference, an escape it does not know, a quantifier with nothing
/// before it, an unclosed class or group) is kept as <see cref="Unread"/> with its extent, and
/// the parentheses and bars around it are still placed, so the branches are found whatever the
/// branches hold.
/// </summary>
internal static class RegexSyntax
{
    internal abstract class Node(int start)
    {
        /// <summary>Where the node starts in the pattern.</summary>
        public int Start { get; } = start;

        /// <summary>Just after where the node ends in the pattern.</summary>
        public int End { get; internal set; } = start;
    }

    /// <summary>One character matched as itself (ASCII only).</summary>
    internal sealed class Literal(int start, char c) : Node(start)
    {
        public char Char { get; } = c;
    }

    /// <summary>A class, an any-character, an anchor: matches no fixed character.</summary>
    internal sealed class Opaque(int start) : Node(start);

    /// <summary>A construct the reading does not follow.</summary>
    internal sealed class Unread(int start) : Node(start);

    internal sealed class Sequence(int start) : Node(start)
    {
        public List<Node> Items { get; } = [];
    }

    /// <summary>Branches separated by bars; one branch when there is no bar.</summary>
    internal sealed class Alternation(int start) : Node(start)
    {
        public List<Sequence> Branches { get; } = [];
    }

    internal enum GroupKind : byte
    {
        /// <summary>"(...)": under ExplicitCapture, the same as non-capturing.</summary>
        Plain,
        /// <summary>"(?:...)".</summary>
        NonCapturing,
        /// <summary>"(?=...)", "(?&lt;name&gt;...)", "(?i:...)" and every other "(?": not read inside.</summary>
        Other,
    }

    internal sealed class Group(int start, GroupKind kind, Alternation inner) : Node(start)
    {
        public GroupKind Kind { get; } = kind;
        public Alternation Inner { get; } = inner;

        /// <summary>False when the pattern ends before the group's ")".</summary>
        public bool Closed { get; internal set; }
    }

    internal sealed class Repeat(int start, Node item, int min, int max) : Node(start)
    {
        public Node Item { get; } = item;
        public int Min { get; } = min;
        public int Max { get; } = max;
    }

    /// <summary>The pattern read as a tree; its top alternation spans the whole pattern.</summary>
    public static Alternation Parse(string pattern)
    {
        var reader = new Reader(pattern);
        var top = reader.ReadAlternation();
        if (!reader.AtEnd)
        {
            // A ")" that closes nothing: what follows it stands outside every group the pattern
            // opened, so no bar after it splits a branch. The last branch runs to the end, unread.
            var last = top.Branches[^1];
            last.Items.Add(new Unread(reader.At) { End = pattern.Length });
            last.End = top.End = pattern.Length;
        }
        return top;
    }

    /// <summary>Whether the tree holds a construct the reading does not follow, or an unclosed or "(?" group.</summary>
    public static bool HasUnread(Node node) => node switch
    {
        Unread => true,
        Group g => g.Kind == GroupKind.Other || !g.Closed || HasUnread(g.Inner),
        Alternation a => a.Branches.Exists(HasUnread),
        Sequence s => s.Items.Exists(HasUnread),
        Repeat r => HasUnread(r.Item),
        _ => false,
    };

    /// <summary>Every node of the tree, each before the nodes inside it.</summary>
    public static IEnumerable<Node> Walk(Node node)
    {
        yield return node;
        IEnumerable<Node> inside = node switch
        {
            Group g => [g.Inner],
            Alternation a => a.Branches,
            Sequence s => s.Items,
            Repeat r => [r.Item],
            _ => [],
        };
        foreach (var child in inside)
            foreach (var n in Walk(child))
                yield return n;
    }

    private sealed class Reader(string pattern)
    {
        public int At { get; private set; }

        public bool AtEnd => At >= pattern.Length;

        public Alternation ReadAlternation()
        {
            var alternation = new Alternation(At);
            alternation.Branches.Add(ReadSequence());
            while (At < pattern.Length && pattern[At] == '|')
            {
                At++;
                alternation.Branches.Add(ReadSequence());
            }
            alternation.End = At;
            return alternation;
        }

        private Sequence ReadSequence()
        {
            var sequence = new Sequence(At);
            while (At < pattern.Length && pattern[At] is not ('|' or ')'))
                sequence.Items.Add(ReadQuantifier(ReadAtom()));
            sequence.End = At;
            return sequence;
        }

        private Node ReadAtom()
        {
            var start = At;
            var c = pattern[At++];
            Node atom;
            switch (c)
            {
                case '(':
                {
                    var kind = GroupKind.Plain;
                    if (At < pattern.Length && pattern[At] == '?')
                    {
                        kind = At + 1 < pattern.Length && pattern[At + 1] == ':' ? GroupKind.NonCapturing : GroupKind.Other;
                        At += kind == GroupKind.NonCapturing ? 2 : 1;
                    }
                    var group = new Group(start, kind, ReadAlternation());
                    if (At < pattern.Length && pattern[At] == ')')
                    {
                        At++;
                        group.Closed = true;
                    }
                    atom = group;
                    break;
                }
                case '[':
                    atom = ReadClass(start);
                    break;
                case '\\':
                    atom = ReadEscape(start);
                    break;
                case '.' or '^' or '$':
                    atom = new Opaque(start);
                    break;
                case '*' or '+' or '?' or '{':
                    atom = new Unread(start);
                    break;
                default:
                    atom = char.IsAscii(c) && !char.IsWhiteSpace(c) || c == ' ' ? new Literal(start, c) : new Opaque(start);
                    break;
            }
            atom.End = At;
            return atom;
        }

        private Node ReadEscape(int start)
        {
            if (At >= pattern.Length)
                return new Unread(start);
            var c = pattern[At++];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Classes and anchors (\s \w \d \b \W ...) match no fixed character; \p{..},
                // \k<..>, backreferences and hex or control escapes are not read.
                return c is 's' or 'S' or 'w' or 'W' or 'd' or 'D' or 'b' or 'B' or 'A' or 'z' or 'Z' or 'G'
                    ? new Opaque(start)
                    : new Unread(start);
            }
            return char.IsAscii(c) ? new Literal(start, c) : new Opaque(start);
        }

        private Node ReadClass(int start)
        {
            // A "]" first in a class (or after its "^") is a member, not the class's end.
            if (At < pattern.Length && pattern[At] == '^')
                At++;
            if (At < pattern.Length && pattern[At] == ']')
                At++;
            while (At < pattern.Length && pattern[At] != ']')
            {
                if (pattern[At] == '\\')
                    At++;
                At++;
            }
            if (At >= pattern.Length)
            {
                At = pattern.Length;
                return new Unread(start);
            }
            At++;
            return new Opaque(start);
        }

        private Node ReadQuantifier(Node atom)
        {
            if (At >= pattern.Length)
                return atom;
            int min;
            var max = int.MaxValue;
            switch (pattern[At])
            {
                case '*':
                    min = 0;
                    At++;
                    break;
                case '?':
                    (min, max) = (0, 1);
                    At++;
                    break;
                case '+':
                    min = 1;
                    At++;
                    break;
                case '{':
                {
                    var close = pattern.IndexOf('}', At);
                    var body = close < 0 ? "" : pattern[(At + 1)..close];
                    var comma = body.IndexOf(',');
                    if (!int.TryParse(comma < 0 ? body : body[..comma], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min))
                    {
                        // Not a quantifier: .NET reads a lone "{" literally; this reading leaves it unread.
                        return atom;
                    }
                    if (comma < 0)
                        max = min;
                    else if (comma + 1 < body.Length && !int.TryParse(body[(comma + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out max))
                        return atom;
                    At = close + 1;
                    break;
                }
                default:
                    return atom;
            }
            if (At < pattern.Length && pattern[At] is '?' or '+')
                At++; // lazy or possessive: the same characters are required
            return new Repeat(atom.Start, atom, min, max) { End = At };
        }
    }
}
