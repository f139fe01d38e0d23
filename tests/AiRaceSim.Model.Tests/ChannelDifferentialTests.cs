using static AiRaceSim.Model.Tests.Near;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;
using static AiRaceSim.Model.Tests.DifferentialRun;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// Export controls, smuggling, enforcement, the compliant and domestic channels and vouchers (C3, C5): each run with
/// and without its event on common random numbers; identical before the event's month, the change C3 predicts in it.
/// </summary>
public class ChannelDifferentialTests
{
    private static readonly Month E = Month.Of(2020, 7);
    private const int Frontier = (int)Channel.Frontier, Compliant = (int)Channel.Compliant,
        Smuggled = (int)Channel.Smuggled, Domestic = (int)Channel.Domestic;


    /// <summary>CN at tier 1 from the start (and any extra events), for the smuggling tests.</summary>
    private static WorldSpec Controlled(int tier) =>
        World() with { Events = [At(TestWorlds.Start, new ExportControl("US", "CN", tier))] };

    [Fact]
    public void Export_control_tier_closes_the_frontier_channel_and_fills_smuggled_domestic_then_compliant_in_that_order()
    {
        var run = Through(World(), At(E, new ExportControl("US", "CN", 1)));
        int cn = run.Country("CN");
        foreach (var id in new[] { "cn-a", "cn-b" })
        {
            var (a, b) = (run.Base.Firms[run.Firm(id)], run.With.Firms[run.Firm(id)]);
            for (int m = 0; m < Members; m++)
            {
                double ic = b.ComputeSpend[m], q = run.With.Global.PricePerformanceAt(E)[m];
                Assert.Equal(a.ComputeSpend[m], ic);                   // C2 reads t−1 only: the spend is the same
                Assert.True(a.AddedByChannel[Frontier][m] > 0);        // guard: the frontier channel was in use
                Assert.Equal(0, b.AddedByChannel[Frontier][m]);
                // Smuggled: λ0·spend at (1 + π_S); domestic: its share of output (capped); compliant: the rest at η/p = 0.3/1.3.
                double smuggleMoney = 0.23 * ic;
                Close(smuggleMoney * q / 1.4, b.AddedByChannel[Smuggled][m], "smuggled");
                var c = run.With.Countries[cn];
                double domesticMoney = run.ShareBefore[b.Index][m] * c.ChipOutput[m] * 0.8 / q;
                Assert.True(domesticMoney < ic - smuggleMoney, "guard: the domestic channel is capped");
                Close(domesticMoney * q * c.ChipEfficiency[m] / 0.8, b.AddedByChannel[Domestic][m], "domestic");
                Close((ic - smuggleMoney - domesticMoney) * q * 0.3 / 1.3, b.AddedByChannel[Compliant][m], "compliant");
            }
        }
        // The US is not controlled: its firms are untouched this month.
        Assert.Equal(run.Base.Firms[0].AddedByChannel[Frontier], run.With.Firms[0].AddedByChannel[Frontier]);
        Assert.Equal(1, run.With.Countries[cn].Tier[0]);
    }

    [Fact]
    public void Enforcement_lowers_the_smuggling_cap_by_exp_minus_xi_enf_and_the_money_goes_to_the_compliant_channel()
    {
        var run = Through(Controlled(1), At(E, new Enforcement("CN", new Fixed(1.3))));
        double factor = Math.Exp(-0.8 * 1.3);
        for (int m = 0; m < Members; m++)
        {
            var (a, b) = (run.Base.Firms[run.Firm("cn-a")], run.With.Firms[run.Firm("cn-a")]);
            double q = run.With.Global.PricePerformanceAt(E)[m], ic = b.ComputeSpend[m];
            Close(0.23 * ic * q / 1.4, a.AddedByChannel[Smuggled][m], "guard: smuggling is chosen at this tier, up to λ0·spend");
            Close(a.AddedByChannel[Smuggled][m] * factor, b.AddedByChannel[Smuggled][m], "smuggled under enforcement");
            double freed = 0.23 * ic * (1 - factor);
            Close(a.AddedByChannel[Compliant][m] + freed * q * 0.3 / 1.3, b.AddedByChannel[Compliant][m], "compliant");
            Assert.Equal(a.AddedByChannel[Domestic][m], b.AddedByChannel[Domestic][m]);
            Assert.Equal(1.3, run.With.Countries[run.Country("CN")].Enforcement[m]);
        }
    }

    [Fact]
    public void Smuggling_cap_is_lambda0_times_compute_spend_and_vanishes_without_controls()
    {
        var run = Through(World(), At(E, new ExportControl("US", "CN", 2)));
        for (int m = 0; m < Members; m++)
        {
            var (a, b) = (run.Base.Firms[run.Firm("cn-b")], run.With.Firms[run.Firm("cn-b")]);
            double q = run.With.Global.PricePerformanceAt(E)[m], ic = b.ComputeSpend[m];
            Assert.Equal(0, a.AddedByChannel[Smuggled][m]);                  // tier 0: no smuggling
            Close(0.23 * ic * q / 1.4, b.AddedByChannel[Smuggled][m], "smuggled at the closed tier");
            Assert.Equal(0, b.AddedByChannel[Compliant][m]);                 // tier 2 closes the compliant channel
            Assert.True(b.AddedByChannel[Domestic][m] > 0);
        }
    }

    [Fact]
    public void Domestic_chips_output_scale_multiplies_the_capped_domestic_channel()
    {
        var run = Through(Controlled(2), At(E, new DomesticChips("CN", null, new Fixed(1.4))));
        int cn = run.Country("CN");
        for (int m = 0; m < Members; m++)
        {
            Close(1.4 * run.Base.Countries[cn].ChipOutput[m], run.With.Countries[cn].ChipOutput[m], "Q_D");
            var (a, b) = (run.Base.Firms[run.Firm("cn-a")], run.With.Firms[run.Firm("cn-a")]);
            double q = run.With.Global.PricePerformanceAt(E)[m];
            double cap = run.ShareBefore[a.Index][m] * run.Base.Countries[cn].ChipOutput[m] * 0.8 / q;
            Assert.True(cap < a.ComputeSpend[m] * (1 - 0.23), "guard: the domestic channel is capped in the base run");
            Close(run.ShareBefore[a.Index][m] * run.Base.Countries[cn].ChipOutput[m] * run.Base.Countries[cn].ChipEfficiency[m],
                a.AddedByChannel[Domestic][m], "domestic = share · Q_D · η_D");
            Close(1.4 * a.AddedByChannel[Domestic][m], b.AddedByChannel[Domestic][m], "scaled domestic");
        }
    }

    [Fact]
    public void Domestic_chips_efficiency_ceiling_raises_learning_from_the_next_month()
    {
        var run = Through(World(), At(E, new DomesticChips("CN", new Fixed(0.72), null)));
        int cn = run.Country("CN");
        Assert.Equal(run.Base.Countries[cn].ChipEfficiency, run.With.Countries[cn].ChipEfficiency); // learning advances at t+1
        run.Step();
        for (int m = 0; m < Members; m++)
        {
            double a = run.Base.Countries[cn].ChipEfficiency[m] - 0.3, b = run.With.Countries[cn].ChipEfficiency[m] - 0.3;
            Assert.True(a > 0, "guard: learning has moved η_D");
            Close(a * (0.72 - 0.3) / (0.45 - 0.3), b, "η_D − start scales with the ceiling");
        }
    }

    [Fact]
    public void Chip_fund_raises_domestic_output_growth_by_nu_fund_over_k_fab()
    {
        var run = Through(World(), At(E, new ChipFund("CN", new Fixed(300))));
        int cn = run.Country("CN");
        Assert.Equal(run.Base.Countries[cn].ChipOutput, run.With.Countries[cn].ChipOutput); // the fund acts from t+1
        run.Step();
        for (int m = 0; m < Members; m++)
            Close(run.Base.Countries[cn].ChipOutput[m] * (1 + 0.03 + 0.8 * 300 / 7000.0) / 1.03, run.With.Countries[cn].ChipOutput[m], "Q_D");
    }

    [Fact]
    public void Vouchers_divide_the_chip_price_by_one_minus_theta()
    {
        var run = Through(World(), At(E, new Vouchers("US", new Fixed(0.3))));
        for (int m = 0; m < Members; m++)
        {
            var (a, b) = (run.Base.Firms[0], run.With.Firms[0]);
            Assert.Equal(a.ComputeSpend[m], b.ComputeSpend[m]);
            Close(a.ComputeSpend[m] * run.Base.Global.PricePerformanceAt(E)[m], a.AddedByChannel[Frontier][m], "guard: all on the frontier channel");
            Close(a.AddedByChannel[Frontier][m] / (1 - 0.3), b.AddedByChannel[Frontier][m], "frontier H100e");
            Assert.Equal(run.Base.Firms[run.Firm("cn-a")].AddedByChannel[Frontier][m], run.With.Firms[run.Firm("cn-a")].AddedByChannel[Frontier][m]);
        }
    }
}
