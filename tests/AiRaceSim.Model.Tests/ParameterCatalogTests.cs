using System.Reflection;
using System.Text.RegularExpressions;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Tests;

/// <summary>The parameter catalog is consistent, is the only list of the global parameters, and feeds every draw.</summary>
public partial class ParameterCatalogTests
{
    private static readonly IReadOnlyList<Parameter> All = ParameterCatalog.All;

    [Fact]
    public void Entries_have_unique_snake_case_keys_in_order_and_defaults_in_range()
    {
        Assert.Equal(Enumerable.Range(0, All.Count), All.Select(p => p.Index));
        Assert.Equal(All.Count, All.Select(p => p.Key).Distinct().Count());
        foreach (var p in All)
        {
            Assert.Matches(SnakeCase(), p.Key);
            Assert.False(string.IsNullOrWhiteSpace(p.Meaning), p.Key);
            Assert.Matches(EquationId(), p.Equation);
            var c = p.Default.Central;
            Assert.True((p.Range.MinExclusive ? c > p.Range.Min : c >= p.Range.Min) && (p.Range.MaxExclusive ? c < p.Range.Max : c <= p.Range.Max), p.Key);
            if (p.IsWholeNumber) Assert.True(p.Default is Fixed f && f.Value == Math.Floor(f.Value), p.Key);
        }
    }

    [Fact]
    public void Every_entry_has_its_unit_and_all_but_the_breakthroughs_their_symbol()
    {
        // The docs' tables, the schema and the report print both (Parameter.Description).
        foreach (var p in All) Assert.False(string.IsNullOrWhiteSpace(p.Unit), $"{p.Key} has no unit");
        Assert.Equal(["breakthrough_rate_per_month", "breakthrough_size"], All.Where(p => p.Symbol == "").Select(p => p.Key));
        Assert.Equal("Z50: research stock at which absorption γ is 0.5 (M$; A1).", ParameterCatalog.AbsorptionHalfStock.Description);
        Assert.Equal("ρ: returns to the research stock (A2).", ParameterCatalog.ResearchReturns.Description);
    }

    [Fact]
    public void Per_member_parameters_have_distinct_slots_from_the_parameter_base()
    {
        var slots = All.Where(p => p.Use == ParameterUse.PerMember).Select(p => p.Slot).Order().ToList();
        Assert.Equal(Enumerable.Range(DrawSlot.ParameterBase, slots.Count), slots);
        Assert.True(slots[^1] < DrawSlot.EventValueBase);
        Assert.All(All.Where(p => p.Use != ParameterUse.PerMember), p => Assert.Equal(0, p.Slot));
    }

    /// <summary>
    /// The frozen draw order of the world's stream: slot 100 + position. Outputs depend on it, so
    /// this list may only grow at its end (the catalog itself may list a parameter anywhere).
    /// </summary>
    [Fact]
    public void The_draw_slots_never_move()
    {
        const string frozen = "price_performance_at_2023 hardware_doubling_months flop_per_h100e_month compute_depreciation_per_month "
            + "utilisation utilisation_compliant utilisation_domestic smuggling_premium smuggling_enforcement_elasticity domestic_chip_price "
            + "research_depreciation_per_year absorption_half_stock_musd reference_research_stock_musd research_returns "
            + "algorithmic_halving_months diffusion_rate_per_month breakthrough_rate_per_month fine_tune_loss young_lab_loss "
            + "distillation_loss capability_noise_sd revenue_reinvestment share_sensitivity patent_elasticity patent_dispersion "
            + "distillation_uplift_cap";
        var bySlot = All.Where(p => p.Use == ParameterUse.PerMember).OrderBy(p => p.Slot).Select(p => p.Key);
        Assert.Equal(frozen.Split(' '), bySlot.Take(frozen.Split(' ').Length));
    }

    [Fact]
    public void Every_draw_accessor_reads_its_own_parameter_and_every_parameter_is_drawn()
    {
        // Parameter i set to 1000 + i, so each accessor's values name the entry it reads.
        var set = All.Aggregate(new GlobalParameters(), (s, p) => s.With(p, new Fixed(1000 + p.Index)));
        var g = new GlobalDraws(set, new MemberDraws(1, 0, 3, false));
        var read = typeof(GlobalDraws).GetProperties()
            .Where(x => x.PropertyType == typeof(double[]) && x.Name != nameof(GlobalDraws.AlgorithmicRate))
            .ToDictionary(x => x.Name, x => (int)((double[])x.GetValue(g)!)[0] - 1000);
        var perMember = All.Where(p => p.Use == ParameterUse.PerMember).Select(p => p.Index).Order();
        Assert.Equal(perMember, read.Values.Order());
        Assert.Equal(new Fixed(1000 + ParameterCatalog.BreakthroughSize.Index), g.BreakthroughSize);
        Assert.Equal(1000 + ParameterCatalog.PublicationLagMonths.Index, g.PublicationLag);
        Assert.All(All.Where(p => p.Use == ParameterUse.PerMember), p => Assert.Equal(1000 + p.Index, g.Of(p)[2]));
    }

    [Fact]
    public void The_set_has_no_list_of_its_own()
    {
        // Only the catalog indexer and the whole-number accessor the kernel reads (A2's lag sizes a history).
        var props = typeof(GlobalParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order();
        Assert.Equal(["Item", nameof(GlobalParameters.PublicationLagMonths)], props);
        Assert.All(All, p => Assert.Equal(p.Default, new GlobalParameters()[p]));
    }

    [Fact]
    public void With_replaces_one_value_and_keeps_whole_numbers_whole()
    {
        var d = new GlobalParameters();
        var e = d.With("utilisation", new Fixed(0.5));
        Assert.Equal(new Fixed(0.5), e[ParameterCatalog.Utilisation]);
        Assert.Equal(new Fixed(0.35), d[ParameterCatalog.Utilisation]);
        Assert.NotEqual(d, e);
        Assert.Equal(d, new GlobalParameters());
        Assert.Throws<ArgumentException>(() => d.With(ParameterCatalog.PublicationLagMonths, new UniformDist(1, 3)));
        Assert.Throws<ArgumentException>(() => d.With("no_such_parameter", new Fixed(1)));
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("^[ACKMPG][1-6]$")]
    private static partial Regex EquationId();
}
