namespace Sitrep.Cli;

internal static class Program
{
    public static int Main(string[] args) => throw new NotImplementedException();
}
