namespace Sitrep.Cli;

/// <summary>What an exit code means, the same for every verb.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The run finished, but some inputs could not be read; each was named on stderr.</summary>
    public const int SomeInputsFailed = 1;
    /// <summary>The command line or a required resource (the gazetteer, the database) was unusable.</summary>
    public const int Usage = 2;
}
