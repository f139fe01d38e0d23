using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>Each equation against values worked out by hand from its formula in MODEL.md.</summary>
public class ComputeEquationTests
{
    [Theory]
    [InlineData(2023, 1, 22.0)]   // at the reference month q = q0
    [InlineData(2025, 7, 44.0)]   // one doubling time (30 months) later
    [InlineData(2020, 7, 11.0)]   // one doubling time earlier
    public void C1_price_performance_doubles_every_tau_hw(int year, int month, double expected) =>
        Assert.Equal(expected, Compute.PricePerformance(22, 30, Month.Of(year, month)), 12);

    [Fact]
    public void C2_budget_adds_funding_reinvested_revenue_and_support()
    {
        // ρ_rev = 0.3 so that ρ and 1 − ρ differ: 100 + 0.3·40 + 10 = 122 (with 1 − ρ it would be 138).
        Assert.Equal(122, Compute.Budget(100, 0.3, 40, 10), 12);
        Assert.Equal(110, Compute.Budget(100, 0, 40, 10), 12);     // nothing reinvested
        Assert.Equal(150, Compute.Budget(100, 1, 40, 10), 12);     // all of it
    }

    [Fact]
    public void C3_spend_fills_channels_by_value_per_dollar_within_caps()
    {
        // frontier closed; compliant 0.3/0.6 = 0.5 per $; smuggled 1/1.5 = 0.667 per $ capped at 10;
        // domestic 0.4/0.5 = 0.8 per $ capped at 20. Order: domestic, smuggled, compliant.
        Span<double> added = stackalloc double[4];
        double left = Compute.AllocateChannels(100, 2, [0, 0.3, 1, 0.4], [1, 0.6, 1.5, 0.5],
            [double.PositiveInfinity, double.PositiveInfinity, 10, 20], added);
        Assert.Equal(0, left, 12);
        Assert.Equal(0, added[0]);
        Assert.Equal(70 * 2 * 0.5, added[1], 9);
        Assert.Equal(10 * 2 / 1.5, added[2], 9);
        Assert.Equal(20 * 2 * 0.8, added[3], 9);
    }

    [Fact]
    public void C3_an_open_frontier_channel_takes_all_spend_when_it_is_the_best_value()
    {
        Span<double> added = stackalloc double[4];
        Compute.AllocateChannels(100, 2, [1, 0, 0, 0.4], [1, 1, 1.5, 0.5],
            [double.PositiveInfinity, double.PositiveInfinity, 0, 20], added);
        Assert.Equal(200, added[0], 9);
        Assert.Equal(0, added[3]);
    }

    [Fact]
    public void C3_money_no_channel_can_take_is_left_unspent()
    {
        Span<double> added = stackalloc double[4];
        double left = Compute.AllocateChannels(100, 2, [0, 0, 1, 0.4], [1, 1, 1.5, 0.5],
            [double.PositiveInfinity, double.PositiveInfinity, 10, 20], added);
        Assert.Equal(70, left, 9);
        Assert.Equal(10 * 2 / 1.5 + 20 * 2 * 0.8, added[2] + added[3], 9);
    }

    [Fact]
    public void C3_smuggling_falls_exponentially_with_enforcement() =>
        Assert.Equal(0.2 * Math.Exp(-1.5 * 2), Compute.SmugglingShare(0.2, 1.5, 2), 12);

    [Fact]
    public void C4_installed_compute_depreciates_and_adds() =>
        Assert.Equal(1000 * 59.0 / 60 + 50, Compute.Installed(1000, 1.0 / 60, 50), 9);

    [Fact]
    public void C5_domestic_output_grows_with_its_rate_and_the_chip_fund()
    {
        Assert.Equal(1000 * (1 + 0.02 + 0.5 * 100 / 10000), Compute.DomesticOutput(1000, 0.02, 0.5, 100, 10000), 9);
        // After Q_learn cumulative chips, 1 − 1/e of the way from start to ceiling.
        Assert.Equal(0.3 + 0.15 * (1 - Math.Exp(-1)), Compute.DomesticEfficiency(0.3, 0.45, 1e6, 1e6), 12);
        Assert.Equal(0.3, Compute.DomesticEfficiency(0.3, 0.45, 0, 1e6), 12);
    }

    [Fact]
    public void C6_run_compute_is_share_times_flop_per_month_times_utilised_sum() =>
        Assert.Equal(Math.Log10(0.4 * 2.6e21 * 1e5), Compute.RunLogFlop(0.4, 2.6e21, 1e5), 12);

    [Fact]
    public void C2_saturation_is_two_to_the_minus_quarter_when_the_national_budget_equals_its_ceiling()
    {
        Assert.Equal(Math.Pow(2, -0.25), Compute.Saturation(1200, 1200), 14);
        // Three times the ceiling: σ = 82^(−1/4), so σ·B = 3·82^(−1/4)·B̄ ≈ 0.99694·B̄ (just under the ceiling).
        Assert.Equal(3 * Math.Pow(82, -0.25), 3 * Compute.Saturation(3, 1), 14);
        Assert.True(3 * Compute.Saturation(3, 1) < 1);
        // A tenth of the ceiling: (1 + 1e-4)^(−1/4) = 0.999975…, no visible effect.
        Assert.Equal(Math.Pow(1.0001, -0.25), Compute.Saturation(0.1, 1), 14);
        Assert.Equal(1, Compute.Saturation(1e9, double.PositiveInfinity));
        Assert.Equal(1, Compute.Saturation(0, 5));
    }

    [Fact]
    public void C2_gdp_grows_from_its_level_by_its_yearly_factor()
    {
        var gdp = new AiRaceSim.Model.Parameters.GdpSeries(27.4, Month.Of(2023, 1), 1.04);
        // 27.4 T$/yr · 1.04² = 29.63584 T$/yr at 2025-01, = 29.63584e6 / 12 M$ per month.
        Assert.Equal(29.63584e6 / 12, gdp.MusdPerMonth(Month.Of(2025, 1)), 6);
        // Half a year before: 27.4 / √1.04.
        Assert.Equal(27.4e6 / 12 / Math.Sqrt(1.04), gdp.MusdPerMonth(Month.Of(2022, 7)), 6);
    }
}

public class KnowledgeEquationTests
{
    [Fact]
    public void A1_research_stock_depreciates_monthly_and_absorption_is_half_at_Z50()
    {
        Assert.Equal(1000 * (1 - 0.2 / 12) + 50, Knowledge.ResearchStock(1000, 0.2, 50), 9);
        Assert.Equal(0.5, Knowledge.Absorption(500, 500), 12);
        Assert.Equal(0.8, Knowledge.Absorption(2000, 500), 12);
        Assert.Equal(0, Knowledge.Absorption(0, 500));
    }

    [Fact]
    public void A2_nelson_phelps_in_logs()
    {
        // g_a = log10(2)/8 = 0.30102999566/8, from the method itself.
        double rate = Knowledge.AlgorithmicRate(8);
        Assert.Equal(0.037628749458, rate, 12);
        // ρ = 0.7 and γ = 0.3, so that neither agrees with its mirror image 1 − ρ, 1 − γ.
        // own: 0.0376287·2^0.7 = 0.0376287·1.6245048 = 0.0611270; catch-up: ψ·γ·(â − a) = 0.1·0.3·(0 − (−1)) = 0.03.
        // (With 2^0.3 the own term would be 0.0463263; with 1 − γ the catch-up 0.07.)
        Assert.Equal(-1 + 0.037628749458 * 1.624504792712 + 0.03, Knowledge.Algorithmic(-1, rate, 4000, 2000, 0.7, 0.1, 0.3, 0, 0), 10);
        // A firm ahead of the best published gets no catch-up.
        Assert.Equal(1 + 0.037628749458, Knowledge.Algorithmic(1, rate, 2000, 2000, 0.7, 0.1, 0.3, 0, 0), 10);
        // A breakthrough adds its size as it is.
        Assert.Equal(1 + 0.037628749458 + 0.25, Knowledge.Algorithmic(1, rate, 2000, 2000, 0.7, 0.1, 0.3, 0, 0.25), 10);
    }

    [Fact]
    public void A2_breakthrough_counts_follow_the_poisson_cdf()
    {
        double rate = 0.5, p0 = Math.Exp(-rate), p1 = p0 * rate;
        Assert.Equal(0, Knowledge.BreakthroughCount(rate, p0 - 1e-9));
        Assert.Equal(1, Knowledge.BreakthroughCount(rate, p0 + 1e-9));
        Assert.Equal(2, Knowledge.BreakthroughCount(rate, p0 + p1 + 1e-9));
        Assert.Equal(0, Knowledge.BreakthroughCount(0, 0.999));
    }
}

public class CapabilityEquationTests
{
    [Fact]
    public void K1_own_base_is_the_best_of_old_base_and_the_new_run()
    {
        Assert.Equal(25.5, Capability.OwnBase(25, 26, -0.5), 12);
        Assert.Equal(26, Capability.OwnBase(26, 25, 0), 12);
    }

    [Fact]
    public void K2_open_floor_discounts_fine_tuning_and_a_young_lab()
    {
        // 26 − 0.3 − 1.0·(1 − 0.7) = 25.4; γ = 0.7 so that γ and 1 − γ differ.
        Assert.Equal(25.4, Capability.OpenFloor(26, 0.3, 1.0, 0.7), 12);
        Assert.Equal(26 - 0.3 - 1.0, Capability.OpenFloor(26, 0.3, 1.0, 0), 12);
        Assert.Equal(double.NegativeInfinity, Capability.OpenFloor(double.NegativeInfinity, 0.3, 1.0, 0.7));
    }

    [Fact]
    public void K3_teacher_moves_from_the_open_floor_toward_the_api_model_by_access()
    {
        Assert.Equal(25 + 0.25 * 2, Capability.TeacherFrom(25, 27, 0.25), 12);
        Assert.Equal(25, Capability.TeacherFrom(25, 27, 0));
        Assert.Equal(25, Capability.TeacherFrom(25, 24, 1));
    }

    [Fact]
    public void K4_uplift_closes_a_share_chi_gamma_of_the_distance_from_the_own_base_and_the_cap_binds()
    {
        // χ = 0.6, γ = 0.8, teacher 27, Δ_d = 0.1, own 25: 0.6·0.8·(27 − 0.1 − 25) = 0.912.
        Assert.Equal(0.912, Capability.Uplift(25, 0.6, 0.8, 27, 0.1, cap: 2), 12);   // cap does not bind
        Assert.Equal(0.55, Capability.Uplift(25, 0.6, 0.8, 27, 0.1, cap: 0.55), 12); // cap binds
        Assert.Equal(0, Capability.Uplift(25, 0.6, 0.8, 24, 0.1, cap: 2));           // teacher below own: nothing
        Assert.Equal(0, Capability.Uplift(double.NegativeInfinity, 0.6, 0.8, 27, 0.1, cap: 2)); // no own model
        Assert.Equal(25.55, Capability.Trained(25, 0.55), 12);
    }

    [Fact]
    public void K4_candidate_is_the_better_of_the_open_floor_and_the_trained_level_plus_noise()
    {
        Assert.Equal(25.912 + 0.01, Capability.Candidate(25.4, 25.912, 0.01), 12);
        Assert.Equal(26 - 0.02, Capability.Candidate(26, 25.55, -0.02), 12); // the floor wins
        Assert.Equal(25.55, Capability.Candidate(double.NegativeInfinity, 25.55, 0), 12);
        Assert.Equal(double.NegativeInfinity, Capability.Candidate(double.NegativeInfinity, double.NegativeInfinity, 0.3));
    }

    [Fact]
    public void K5_deployed_capability_never_falls()
    {
        Assert.Equal(26, Capability.Deploy(26, 25.5));
        Assert.Equal(26.5, Capability.Deploy(26, 26.5));
    }
}

public class MarketPatentPerceptionEquationTests
{
    [Fact]
    public void M1_bass_adoption_step()
    {
        Assert.Equal(0.1 + (0.004 + 0.06 * 0.1) * 0.9, Markets.Adoption(0.1, 0.004, 0.06, 1.0), 12);
        Assert.Equal(0.8, Markets.Adoption(0.8, 0.004, 0.06, 0.8), 12); // saturated
    }

    [Fact]
    public void M2_to_M4_spend_shares_and_revenue()
    {
        Assert.Equal(0.5 * 200, Markets.Spend(0.5, 200), 12);
        // Two firms, β = 2 per log10, K = 26 and 25, appeal 1 and 0.5: weights e^0 and 0.5·e^-2.
        double w1 = Markets.ShareWeight(1, 2, 26, 26), w2 = Markets.ShareWeight(0.5, 2, 25, 26);
        Assert.Equal(1, w1, 12);
        Assert.Equal(0.5 * Math.Exp(-2), w2, 12);
        double s1 = Markets.Share(w1, w1 + w2);
        Assert.Equal(1 / (1 + 0.5 * Math.Exp(-2)), s1, 12);
        Assert.Equal(0, Markets.ShareWeight(0, 2, 30, 26)); // blocked or unlicensed
        Assert.Equal(s1 * 100, Markets.RevenueTerm(s1, 100), 12);
    }

    [Fact]
    public void P1_expected_patents()
    {
        double mu = Patents.Expected(0.5, 100, 0.6, 4);
        Assert.Equal(0.5 * Math.Pow(100, 0.6) * 4, mu, 9);
        Assert.Equal(31.697863849, mu, 6);
        Assert.Equal(0, Patents.Expected(0.5, 0, 0.6, 4));
    }

    [Fact]
    public void P1_count_from_a_normal_quantile_taken_beforehand()
    {
        // μ = 31.70, r = 20 (above the exact walk's limit of 16): variance μ + μ²/r = 81.94, shape μ²/var = 12.263,
        // scale var/μ = 2.585, c = 1/(9·shape) = 0.009061; z = Φ⁻¹(0.9) = 1.28155: root 1 − c + z√c = 1.11293,
        // x = shape·scale·root³ = 43.695, count ⌈x − ½⌉ = 44 (z = 0: x = 30.844, count 31). By hand.
        double mu = Patents.Expected(0.5, 100, 0.6, 4);
        Assert.Equal(44, Patents.Count(mu, 20, 0.9, normal: 1.2815515655446004));
        Assert.Equal(31, Patents.Count(mu, 20, 0.9, normal: 0));
        Assert.Equal(CountQuantiles.NegativeBinomialFast(mu, 20, 0.9), Patents.Count(mu, 20, 0.9, normal: NormalQuantile.Standard(0.9)));
        // Up to the limit the count is the exact walk on u, whatever z says (μ = 3, r = 20, p = 20/23: P(≤4) = 0.8042,
        // P(≤5) = 0.9022, so u = 0.9 gives 5).
        Assert.Equal(5, Patents.Count(3, 20, 0.9, normal: 99));
        Assert.Equal(CountQuantiles.NegativeBinomial(16, 20, 0.9), Patents.Count(16, 20, 0.9, normal: 99)); // at the limit itself too
    }

    [Fact]
    public void G3_perceived_gap_moves_a_share_kappa_toward_the_seen_gap()
    {
        Assert.Equal(8, Perception.Update(10, 6, 0.5, 0), 12);
        Assert.Equal(6, Perception.Update(10, 6, 1, 0), 12);    // perfect information
        Assert.Equal(7, Perception.Update(double.NaN, 6, 0.5, 1), 12); // first sighting
        Assert.Equal(10, Perception.Update(10, double.NaN, 0.5, 0)); // nothing measured yet
    }
}
