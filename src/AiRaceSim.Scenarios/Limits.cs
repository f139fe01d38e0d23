namespace AiRaceSim.Scenarios;

/// <summary>
/// What one scenario may ask for, stated once: the loader and the command line check these, and
/// docs/SCENARIOS.md lists them (a test keeps the two in step). They keep every run's work and
/// every message bounded; none of them is near what a real scenario needs.
/// </summary>
public static class Limits
{
    /// <summary>Largest scenario (or extended) file read, in bytes: 16 MiB.</summary>
    public const long FileBytes = 16L * 1024 * 1024;
    /// <summary>Files in one extends chain.</summary>
    public const int ExtendsChain = 32;
    /// <summary>Lists and maps nested deeper than this are refused.</summary>
    public const int NestingDepth = 64;
    public const int FirstYear = 1950;
    public const int LastYear = 2100;
    public const int Members = 100_000;
    public const int Countries = 200;
    public const int Firms = 5_000;
    public const int Events = 100_000;
    public const int Rules = 1_000;
    /// <summary>Size of any number under a key without a narrower range of its own.</summary>
    public const double LargestNumber = 1e15;
    /// <summary>Errors printed for one load; the rest are counted.</summary>
    public const int ErrorsShown = 50;
    /// <summary>Characters of a value quoted in a message.</summary>
    public const int ExcerptChars = 40;
}
