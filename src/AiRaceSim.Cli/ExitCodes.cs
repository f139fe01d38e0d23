namespace AiRaceSim.Cli;

/// <summary>What `airace` returns: 0 ok, 1 a failure during the run, 2 bad input (nothing written).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
