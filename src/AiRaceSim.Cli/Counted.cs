using System.Globalization;

namespace AiRaceSim.Cli;

/// <summary>"1 member", "3 members": counts in messages read as English.</summary>
public static class Counted
{
    public static string Of(long n, string noun, string? plural = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? noun : plural ?? noun + "s")}";
}
