using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// Stops a run at the first NaN or infinity in what firms and governments report, before it
/// reaches the frontiers and the outputs: there an empty value means "no value yet", never "the
/// arithmetic broke". Both hosts aggregate through <see cref="WorldAggregator"/>, which calls this.
/// </summary>
public static class StateGuard
{
    public static void Check(WorldState w, FirmReport[] firms, CountryReport[] countries, Month t)
    {
        foreach (var f in firms)
        {
            string firm = $"firm '{w.Spec.Firms[f.Index].Id}'";
            if (f.Active)
            {
                Finite(w, t, firm, "funding", f.Funding);
                Finite(w, t, firm, "budget", f.Budget);
                Finite(w, t, firm, "compute_installed", f.Installed);
                Finite(w, t, firm, "absorption", f.Absorption);
                Finite(w, t, firm, "patents", f.Patents);
                for (int ch = 0; ch < f.AddedByChannel.Length; ch++)
                    Finite(w, t, firm, $"compute_added_{(Channel)ch}".ToLowerInvariant(), f.AddedByChannel[ch]);
            }
            if (!f.Entered) continue;
            Finite(w, t, firm, "patents_cumulative", f.PatentsCumulative);
            // log10 quantities: −∞ is log10 of nothing (a lab with no compute yet), a value like any other.
            LogScale(w, t, firm, "capability", f.Capability);
            LogScale(w, t, firm, "trained_capability", f.Trained);
            LogScale(w, t, firm, "algorithmic_efficiency", f.Algorithmic);
            LogScale(w, t, firm, "largest_run_log_flop", f.LargestRunLogFlop);
        }
        foreach (var c in countries)
        {
            string country = $"country '{w.Spec.Countries[c.CountryIndex].Id}'";
            Finite(w, t, country, "spend", c.Spend);
            Finite(w, t, country, "adoption", c.Adoption);
            Finite(w, t, country, "enforcement", c.Enforcement);
            Finite(w, t, country, "support", c.Support);
            Finite(w, t, country, "vouchers", c.Vouchers);
            Finite(w, t, country, "domestic_chip_output", c.ChipOutput);
            Finite(w, t, country, "domestic_chip_efficiency", c.ChipEfficiency);
            Finite(w, t, country, "patent_subsidy", c.PatentSubsidy);
            for (int f = 0; f < c.Appeal.Length; f++)
                Finite(w, t, country, $"appeal of firm '{w.Spec.Firms[f].Id}'", c.Appeal[f]);
        }
    }

    private static void Finite(WorldState w, Month t, string entity, string variable, double[] values) =>
        Guard(w, t, entity, variable, values, logScale: false);

    private static void LogScale(WorldState w, Month t, string entity, string variable, double[] values) =>
        Guard(w, t, entity, variable, values, logScale: true);

    /// <summary>The first value that is NaN or infinite (−∞ allowed on a log scale) stops the run.</summary>
    private static void Guard(WorldState w, Month t, string entity, string variable, double[] values, bool logScale)
    {
        for (int m = 0; m < values.Length; m++)
        {
            double v = values[m];
            if (double.IsFinite(v) || (logScale && double.IsNegativeInfinity(v))) continue;
            throw new NonFiniteStateException(entity, variable, t, w.FirstMember + m, v);
        }
    }
}

/// <summary>The model's arithmetic left the finite numbers: which entity, variable, month and member.</summary>
public sealed class NonFiniteStateException(string entity, string variable, Month month, long member, double value)
    : Exception($"{Prefix} {(double.IsNaN(value) ? "NaN (not a number)" : value > 0 ? "+infinity" : "−infinity")} for {variable} of {entity} in {month}, member {member}; " +
        "a parameter is probably far outside its usual range (see docs/SCENARIOS.md, Limits)")
{
    public const string Prefix = "the model produced";
    public string Entity { get; } = entity;
    public string Variable { get; } = variable;
    public Month Month { get; } = month;
    public long Member { get; } = member;
}
