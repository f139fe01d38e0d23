using System.Globalization;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Scenarios.Binding;
using AiRaceSim.Scenarios.Documents;

namespace AiRaceSim.Scenarios.Schema;

/// <summary>
/// docs/SCENARIOS.md's table of the <c>parameters</c> section, row by row from the kernel's
/// catalog: a test keeps the docs equal to it, as <see cref="RangeTable"/> does for ranges.
/// </summary>
internal static class ParameterTable
{
    public const string Header = "| key | symbol | unit | range | default | meaning |";

    /// <summary>Markdown rows, in scenario key order.</summary>
    public static IReadOnlyList<string> Rows() => ParameterCatalog.All.Select(Row).ToList();

    private static string Row(Parameter p)
    {
        string range = (p.IsWholeNumber ? "whole number " : "") + ParametersDocument.Range(p).Text;
        return $"| `{p.Key}` | {p.Symbol} | {p.Unit} | {range} | {Default(p.Default)} | {p.Meaning} ({p.Equation}) |";
    }

    /// <summary>A default as the docs write it: 22, 2.6e21, 1/60, "lognormal, median 0.1, p95 0.3".</summary>
    public static string Default(Distribution d) => d switch
    {
        Fixed f => Number(f.Value),
        LogNormalDist l => $"lognormal, median {Number(Math.Exp(l.Mu))}, p95 {Number(Math.Exp(l.Mu + LogNormalDist.Z95 * l.Sigma))}",
        _ => d.ToString(),
    };

    private static string Number(double x)
    {
        double inverse = 1 / x;
        // 1/60 reads better than 0.016666666666666666.
        if (x is > 0 and < 1 && inverse == Math.Round(inverse) && x.ToString("R", CultureInfo.InvariantCulture).Length > 8)
            return $"1/{inverse.ToString(CultureInfo.InvariantCulture)}";
        return Math.Abs(x) >= 1e6 ? x.ToString("0.###e0", CultureInfo.InvariantCulture) : Math.Round(x, 12).ToString(CultureInfo.InvariantCulture);
    }
}
