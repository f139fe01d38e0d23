using System.Numerics;
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
            var at = new Place(w, t, Firm: f.Index);
            if (f.Active)
            {
                at.Finite("funding", f.Funding);
                at.Finite("budget", f.Budget);
                at.Finite("compute_installed", f.Installed);
                at.Finite("absorption", f.Absorption);
                at.Finite("patents", f.Patents);
                for (int ch = 0; ch < f.AddedByChannel.Length; ch++) at.Finite(ChannelVariables[ch], f.AddedByChannel[ch]);
            }
            if (!f.Entered) continue;
            at.Finite("patents_cumulative", f.PatentsCumulative);
            // log10 quantities: −∞ is log10 of nothing (a lab with no compute yet), a value like any other.
            at.LogScale("capability", f.Capability);
            at.LogScale("trained_capability", f.Trained);
            at.LogScale("algorithmic_efficiency", f.Algorithmic);
            at.LogScale("largest_run_log_flop", f.LargestRunLogFlop);
        }
        foreach (var c in countries)
        {
            var at = new Place(w, t, Country: c.CountryIndex);
            at.Finite("spend", c.Spend);
            at.Finite("adoption", c.Adoption);
            at.Finite("enforcement", c.Enforcement);
            at.Finite("support", c.Support);
            at.Finite("vouchers", c.Vouchers);
            at.Finite("domestic_chip_output", c.ChipOutput);
            at.Finite("domestic_chip_efficiency", c.ChipEfficiency);
            at.Finite("patent_subsidy", c.PatentSubsidy);
            for (int f = 0; f < c.Appeal.Length; f++) at.Finite(null, c.Appeal[f], appealOf: f);
        }
    }

    private static readonly string[] ChannelVariables =
        Enum.GetValues<Channel>().Select(ch => $"compute_added_{ch}".ToLowerInvariant()).ToArray();

    /// <summary>
    /// Whose values are checked. Names are built only when a value fails: the check runs every
    /// month for every firm and country, so it allocates nothing on the way.
    /// </summary>
    private readonly record struct Place(WorldState W, Month T, int Firm = -1, int Country = -1)
    {
        public void Finite(string? variable, double[] values, int appealOf = -1) => Guard(variable, values, logScale: false, appealOf);
        public void LogScale(string variable, double[] values) => Guard(variable, values, logScale: true, -1);

        /// <summary>The first value that is NaN or infinite (−∞ allowed on a log scale) stops the run.</summary>
        private void Guard(string? variable, double[] values, bool logScale, int appealOf)
        {
            if (AllFinite(values, logScale)) return;
            for (int m = 0; m < values.Length; m++)
            {
                double v = values[m];
                if (double.IsFinite(v) || (logScale && double.IsNegativeInfinity(v))) continue;
                string entity = Firm >= 0 ? $"firm '{W.Spec.Firms[Firm].Id}'" : $"country '{W.Spec.Countries[Country].Id}'";
                string name = appealOf >= 0 ? $"appeal of firm '{W.Spec.Firms[appealOf].Id}'" : variable!;
                throw new NonFiniteStateException(entity, name, T, W.FirstMember + m, v);
            }
        }
    }

    /// <summary>
    /// Whether every value is finite (or −∞ on a log scale), a vector at a time: v − v is 0 for a finite v
    /// and NaN otherwise, and a sum of them stays 0 only if every one is. The member at fault is then found
    /// by the loop in <see cref="Place"/>, which names it.
    /// </summary>
    public static bool AllFinite(ReadOnlySpan<double> values, bool logScale)
    {
        var sum = Vector<double>.Zero;
        var negativeInfinity = new Vector<double>(double.NegativeInfinity);
        int m = 0;
        for (; m <= values.Length - Vector<double>.Count; m += Vector<double>.Count)
        {
            var v = new Vector<double>(values[m..]);
            if (logScale) v = Vector.ConditionalSelect(Vector.Equals(v, negativeInfinity), Vector<double>.Zero, v);
            sum += v - v;
        }
        bool finite = Vector.EqualsAll(sum, Vector<double>.Zero);
        for (; m < values.Length; m++) finite &= double.IsFinite(values[m]) || (logScale && double.IsNegativeInfinity(values[m]));
        return finite;
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
