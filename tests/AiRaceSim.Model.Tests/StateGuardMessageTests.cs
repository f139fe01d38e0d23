using AiRaceSim.Model.Simulation;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// <see cref="StateGuard.Check"/> on the reports of a healthy block with one value corrupted at a time: every guarded
/// variable of a firm and of a country, as NaN, +∞ and −∞, stops the check with the exact message (entity, variable,
/// kind of value, month, member). On the log scales −∞ (log10 of nothing) passes; +∞ and NaN do not.
/// </summary>
public class StateGuardMessageTests
{
    private const int First = 40, Corrupted = 1;
    private static readonly Month T = Month.Of(2021, 5);

    private static readonly string[] Firms = ["us-frontier", "us-open", "cn-a", "cn-b"];
    private static readonly string[] Countries = ["US", "CN"];
    private static readonly string[] LogScale = ["capability", "trained_capability", "algorithmic_efficiency", "largest_run_log_flop"];
    private static readonly string[] FirmFinite =
    [
        "funding", "budget", "compute_installed", "absorption", "patents", "patents_cumulative",
        "compute_added_frontier", "compute_added_compliant", "compute_added_smuggled", "compute_added_domestic",
    ];
    private static readonly string[] CountryFinite =
        ["spend", "adoption", "enforcement", "support", "vouchers", "domestic_chip_output", "domestic_chip_efficiency", "patent_subsidy"];
    private static readonly (string Kind, double Value)[] Kinds =
        [("NaN (not a number)", double.NaN), ("+infinity", double.PositiveInfinity), ("−infinity", double.NegativeInfinity)];

    private static BlockSimulation Healthy()
    {
        var sim = new BlockSimulation(TestWorlds.UsCn(months: 6, deterministic: true), First, 3);
        sim.Step(2);
        return sim;
    }

    private static double[] Set(double[] a, double v) { var c = (double[])a.Clone(); c[Corrupted] = v; return c; }

    private static FirmReport Corrupt(FirmReport r, string variable, double v) => variable switch
    {
        "funding" => r with { Funding = Set(r.Funding, v) },
        "budget" => r with { Budget = Set(r.Budget, v) },
        "compute_installed" => r with { Installed = Set(r.Installed, v) },
        "absorption" => r with { Absorption = Set(r.Absorption, v) },
        "patents" => r with { Patents = Set(r.Patents, v) },
        "patents_cumulative" => r with { PatentsCumulative = Set(r.PatentsCumulative, v) },
        "capability" => r with { Capability = Set(r.Capability, v) },
        "trained_capability" => r with { Trained = Set(r.Trained, v) },
        "algorithmic_efficiency" => r with { Algorithmic = Set(r.Algorithmic, v) },
        "largest_run_log_flop" => r with { LargestRunLogFlop = Set(r.LargestRunLogFlop, v) },
        _ => r with { AddedByChannel = r.AddedByChannel.Select((a, ch) => ChannelName(ch) == variable ? Set(a, v) : a).ToArray() },
    };

    private static string ChannelName(int ch) => ch switch
    {
        0 => "compute_added_frontier", 1 => "compute_added_compliant", 2 => "compute_added_smuggled", 3 => "compute_added_domestic",
        _ => throw new ArgumentOutOfRangeException(nameof(ch)),
    };

    private static CountryReport Corrupt(CountryReport r, string variable, double v) => variable switch
    {
        "spend" => r with { Spend = Set(r.Spend, v) },
        "adoption" => r with { Adoption = Set(r.Adoption, v) },
        "enforcement" => r with { Enforcement = Set(r.Enforcement, v) },
        "support" => r with { Support = Set(r.Support, v) },
        "vouchers" => r with { Vouchers = Set(r.Vouchers, v) },
        "domestic_chip_output" => r with { ChipOutput = Set(r.ChipOutput, v) },
        "domestic_chip_efficiency" => r with { ChipEfficiency = Set(r.ChipEfficiency, v) },
        "patent_subsidy" => r with { PatentSubsidy = Set(r.PatentSubsidy, v) },
        _ => r with { Appeal = r.Appeal.Select((a, j) => $"appeal of firm '{Firms[j]}'" == variable ? Set(a, v) : a).ToArray() },
    };

    private static string Message(string kind, string variable, string entity) =>
        $"the model produced {kind} for {variable} of {entity} in 2021-05, member {First + Corrupted}; " +
        "a parameter is probably far outside its usual range (see docs/SCENARIOS.md, Limits)";

    private static void AssertStops(Action check, string kind, string variable, string entity)
    {
        var e = Assert.Throws<NonFiniteStateException>(check);
        Assert.Equal((entity, variable, T, (long)(First + Corrupted)), (e.Entity, e.Variable, e.Month, e.Member));
        Assert.Equal(Message(kind, variable, entity), e.Message);
    }

    public static TheoryData<int, string, int> FirmCases()
    {
        var data = new TheoryData<int, string, int>();
        foreach (int firm in new[] { 0, 3 })
            foreach (var v in FirmFinite.Concat(LogScale))
                for (int k = 0; k < Kinds.Length; k++) data.Add(firm, v, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(FirmCases))]
    public void A_firm_value_that_is_not_finite_stops_the_check_naming_firm_variable_kind_month_and_member(int firm, string variable, int kind)
    {
        var sim = Healthy();
        var countries = sim.Countries.Select(CountryReport.Of).ToArray();
        var firms = sim.Reports();
        StateGuard.Check(sim.World, firms, countries, T); // healthy: passes
        firms[firm] = Corrupt(firms[firm], variable, Kinds[kind].Value);
        void Check() => StateGuard.Check(sim.World, firms, countries, T);
        if (LogScale.Contains(variable) && double.IsNegativeInfinity(Kinds[kind].Value)) Check(); // log10 of nothing
        else AssertStops(Check, Kinds[kind].Kind, variable, $"firm '{Firms[firm]}'");
    }

    public static TheoryData<int, string, int> CountryCases()
    {
        var data = new TheoryData<int, string, int>();
        foreach (int country in new[] { 0, 1 })
            foreach (var v in CountryFinite.Concat(new[] { 0, 2, 3 }.Select(j => $"appeal of firm '{Firms[j]}'")))
                for (int k = 0; k < Kinds.Length; k++) data.Add(country, v, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(CountryCases))]
    public void A_country_value_that_is_not_finite_stops_the_check_naming_country_variable_kind_month_and_member(int country, string variable, int kind)
    {
        var sim = Healthy();
        var countries = sim.Countries.Select(CountryReport.Of).ToArray();
        var firms = sim.Reports();
        countries[country] = Corrupt(countries[country], variable, Kinds[kind].Value);
        AssertStops(() => StateGuard.Check(sim.World, firms, countries, T), Kinds[kind].Kind, variable, $"country '{Countries[country]}'");
    }

    [Fact]
    public void The_first_bad_value_in_firm_order_is_the_one_named()
    {
        var sim = Healthy();
        var countries = sim.Countries.Select(CountryReport.Of).ToArray();
        var firms = sim.Reports();
        firms[2] = Corrupt(firms[2], "budget", double.NegativeInfinity);
        firms[3] = Corrupt(firms[3], "funding", double.NaN);
        countries[0] = Corrupt(countries[0], "support", double.NaN);
        AssertStops(() => StateGuard.Check(sim.World, firms, countries, T), "−infinity", "budget", "firm 'cn-a'");
    }
}
