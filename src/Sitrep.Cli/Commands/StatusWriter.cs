using System.Text;

namespace Sitrep.Cli.Commands;

/// <summary>
/// stderr for every verb: error lines, and a progress line that is redrawn in place only on a
/// terminal. On a terminal, any other line first wipes the drawn progress, so an error never
/// ends up glued to it; into a file or pipe, progress comes as whole lines.
/// </summary>
internal sealed class StatusWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly bool _terminal;
    private readonly Lock _gate = new();
    private bool _drawn;

    internal StatusWriter(TextWriter inner, bool terminal)
    {
        _inner = inner;
        _terminal = terminal;
    }

    /// <summary>The writer installed as <see cref="Console.Error"/>, if any.</summary>
    public static StatusWriter? Current { get; private set; }

    /// <summary>Makes stderr a status writer; called once at start-up.</summary>
    public static void Install()
    {
        Current = new StatusWriter(Console.Error, terminal: !Console.IsErrorRedirected);
        Console.SetError(Current);
    }

    /// <summary>Shows a progress line: redrawn in place on a terminal, a line of its own elsewhere.</summary>
    public static void Progress(string line)
    {
        if (Current is { } writer)
            writer.Draw(line);
        else
            Console.Error.WriteLine(line);
    }

    internal void Draw(string line)
    {
        lock (_gate)
        {
            if (_terminal)
            {
                _inner.Write($"\r{line}\u001b[K");
                _drawn = true;
            }
            else
            {
                _inner.WriteLine(line);
            }
            _inner.Flush();
        }
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            Wipe();
            _inner.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            Wipe();
            _inner.Write(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            Wipe();
            _inner.WriteLine(value);
        }
    }

    public override void Flush()
    {
        lock (_gate)
            _inner.Flush();
    }

    private void Wipe()
    {
        if (!_drawn)
            return;
        _inner.Write("\r\u001b[K");
        _drawn = false;
    }
}
