using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Random;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// The edges of each equation: the guarded branches (no model, no stock, no market), the fast
/// path of the channel allocation against its general path, and inputs chosen so that a formula
/// and its mirror image (+/−, ·/÷, &lt;/≤) give different answers. Each case names the mutant
/// of docs/TESTING.md it exists to kill; every expected value is worked out by hand in its comment.
/// </summary>
public class EquationEdgeTests
{
    private static double[] Added() => [7, 7, 7, 7]; // garbage: every cell must be overwritten

    [Fact]
    public void K3_no_floor_means_no_teacher_even_with_an_api_model() =>
        // The guard returns the floor; without it −∞ + 0.25·max(0, 27 − (−∞)) = −∞ + ∞ = NaN.
        Assert.Equal(double.NegativeInfinity, Capability.TeacherFrom(double.NegativeInfinity, 27, 0.25));

    [Fact]
    public void C2_negative_demand_does_not_saturate() =>
        // Demand ≤ 0 returns 1; the formula would give (1 + 5^4)^(−1/4) = 626^(−1/4) ≈ 0.199.
        Assert.Equal(1.0, Compute.Saturation(-5, 1));

    [Fact]
    public void C3_fast_path_divides_efficiency_by_price()
    {
        // Only the frontier channel is open, at twice an H100's price: 100 M$ · q 2 · (1/2) = 100 H100e.
        var added = Added();
        double left = Compute.AllocateChannels(100, 2, [1, 0, 0, 0], [2, 1, 1, 1],
            [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity], added);
        Assert.Equal(0, left);
        Assert.Equal([100.0, 0, 0, 0], added);
    }

    [Fact]
    public void C3_a_better_capped_channel_fills_first_and_the_frontier_takes_the_rest()
    {
        // Channel 1 gives 2 per dollar against the frontier's 1 but takes only 10 M$: 10·2·2 = 40;
        // the other 90 M$ go to the frontier channel: 90·2·1 = 180.
        var added = Added();
        double left = Compute.AllocateChannels(100, 2, [1, 2, 0, 0], [1, 1, 1, 1],
            [double.PositiveInfinity, 10, 0, 0], added);
        Assert.Equal(0, left);
        Assert.Equal([180.0, 40, 0, 0], added);
    }

    [Fact]
    public void C3_a_frontier_cap_below_spend_sends_the_remainder_to_the_next_channel()
    {
        // Frontier: 30 M$ at 1 per dollar = 30; the next channel (0.5 per dollar) takes 70: 35.
        var added = Added();
        double left = Compute.AllocateChannels(100, 1, [1, 0.5, 0, 0], [1, 1, 1, 1],
            [30, double.PositiveInfinity, 0, 0], added);
        Assert.Equal(0, left);
        Assert.Equal([30.0, 35, 0, 0], added);
    }

    [Fact]
    public void C3_all_channels_closed_leaves_every_dollar_and_adds_nothing()
    {
        var added = Added();
        double left = Compute.AllocateChannels(100, 1, [0, 0, 0, 0], [1, 1, 1, 1],
            [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity], added);
        Assert.Equal(100, left);
        Assert.Equal([0.0, 0, 0, 0], added);
    }

    [Fact]
    public void C3_equal_value_per_dollar_fills_the_lower_numbered_channel_first()
    {
        // Channels 1 (0.5 at price 1) and 2 (1 at price 2) tie at 0.5 per dollar, caps 10 each, spend 15:
        // the stable order gives channel 1 its 10 M$ (5 H100e) and channel 2 the other 5 (2.5).
        var added = Added();
        double left = Compute.AllocateChannels(15, 1, [0, 0.5, 1, 0], [1, 1, 2, 1],
            [double.PositiveInfinity, 10, 10, 0], added);
        Assert.Equal(0, left);
        Assert.Equal([0.0, 5, 2.5, 0], added);
    }

    [Fact]
    public void C3_spend_above_every_cap_is_left_after_all_four_channels_fill()
    {
        // Four open channels, 10 M$ each, 100 M$ to spend: each adds 10·q = 30, and 60 M$ are left.
        var added = Added();
        double left = Compute.AllocateChannels(100, 3, [1, 1, 1, 1], [1, 1, 1, 1], [10, 10, 10, 10], added);
        Assert.Equal(60, left);
        Assert.Equal([30.0, 30, 30, 30], added);
    }

    [Fact]
    public void C3_two_channels_better_than_the_frontier_both_fill_before_it()
    {
        // Channels 2 (3 per dollar) and 1 (2 per dollar) beat the frontier and take 10 M$ each: 30 and 20;
        // the frontier the other 80. The fast path (everything to the frontier) must not run.
        var added = Added();
        double left = Compute.AllocateChannels(100, 1, [1, 2, 3, 0], [1, 1, 1, 1], [double.PositiveInfinity, 10, 10, 0], added);
        Assert.Equal(0, left);
        Assert.Equal([80.0, 20, 30, 0], added);
    }

    [Fact]
    public void C3_a_channel_that_beats_the_frontier_by_its_price_fills_first()
    {
        // Channel 1 has the frontier's efficiency at half its price: 2 per dollar, 10 M$ → 20; the frontier 90.
        var added = Added();
        double left = Compute.AllocateChannels(100, 1, [1, 1, 0, 0], [1, 0.5, 1, 1], [double.PositiveInfinity, 10, 0, 0], added);
        Assert.Equal(0, left);
        Assert.Equal([90.0, 20, 0, 0], added);
    }

    [Fact]
    public void C5_a_ceiling_below_the_start_keeps_the_start_efficiency() =>
        // Guarded; the formula would move down: 0.45 − 0.15·(1 − e^−1) ≈ 0.355.
        Assert.Equal(0.45, Compute.DomesticEfficiency(0.45, 0.3, 1e6, 1e6));

    [Fact]
    public void A1_a_negative_stock_absorbs_nothing() =>
        // The formula would give −100/(−100 + 500) = −0.25.
        Assert.Equal(0.0, Knowledge.Absorption(-100, 500));

    [Theory]
    // No stock: with ρ = 0 own progress is the full rate (1 + 0.02); with ρ > 0 it is 0, where the
    // formula would give 0^0.5 = 0 at stock 0 but NaN at stock −1.
    [InlineData(0.0, 0.0, 1.02)]
    [InlineData(0.0, 0.5, 1.0)]
    [InlineData(-1.0, 0.5, 1.0)]
    [InlineData(-1.0, 0.0, 1.02)]
    public void A2_without_stock_own_progress_depends_only_on_the_returns(double stock, double returns, double expected) =>
        Assert.Equal(expected, Knowledge.Algorithmic(1, 0.02, stock, 100, returns, 0.3, 0.4, double.NegativeInfinity, 0), 12);

    [Fact]
    public void A2_a_breakthrough_adds_its_size() =>
        // a + g·(Z/Zref)^ρ + J = 1 + 0.02·1 + 0.3 (no catch-up: no published model).
        Assert.Equal(1.32, Knowledge.Algorithmic(1, 0.02, 100, 100, 0.5, 0.3, 0.4, double.NegativeInfinity, 0.3), 12);

    [Fact]
    public void A2_breakthrough_count_at_a_cdf_step_is_the_lower_count() =>
        // u equal to P(J = 0) = e^−0.5 is not above it: J = 0.
        Assert.Equal(0, Knowledge.BreakthroughCount(0.5, Math.Exp(-0.5)));

    [Fact]
    public void A2_breakthrough_count_stops_at_sixteen() =>
        // P(J ≤ 16) ≈ 0.221 for a rate of 20, so u = 0.99 runs into the cap of 16.
        Assert.Equal(16, Knowledge.BreakthroughCount(20, 0.99));

    [Fact]
    public void A2_breakthrough_pmf_uses_rate_over_k()
    {
        // p0 = e^−0.5, p1 = 0.5·p0, p2 = p1·0.5/2 = 0.125·p0: u just above p0 + p1 + p2 gives J = 3.
        // With rate·k, p2 = 0.5·p0 and the walk would stop at 2.
        double p0 = Math.Exp(-0.5);
        Assert.Equal(3, Knowledge.BreakthroughCount(0.5, p0 * 1.625 + 1e-9));
    }

    [Fact]
    public void M1_no_potential_market_keeps_adoption() =>
        Assert.Equal(0.1, Markets.Adoption(0.1, 0.004, 0.06, 0));

    [Fact]
    public void M1_imitation_scales_with_the_adopted_share_of_the_potential() =>
        // 0.1 + (0.004 + 0.06·0.1/2)·(2 − 0.1) = 0.1 + 0.007·1.9 = 0.1133.
        Assert.Equal(0.1133, Markets.Adoption(0.1, 0.004, 0.06, 2), 12);

    [Fact]
    public void M3_no_appeal_has_no_weight_even_far_above_the_reference() =>
        // 0·exp(2·400) would be 0·∞ = NaN.
        Assert.Equal(0.0, Markets.ShareWeight(0, 2, 400, 0));

    [Fact]
    public void M3_a_market_nobody_sells_in_gives_no_share() =>
        Assert.Equal(0.0, Markets.Share(0, 0));

    [Fact]
    public void P1_no_research_spend_gives_no_patents_even_with_elasticity_zero() =>
        // 0.5·0^0·4 would be 2.
        Assert.Equal(0.0, Patents.Expected(0.5, 0, 0, 4));

    [Fact]
    public void G3_the_first_sighting_adds_the_noise() =>
        // No perceived gap yet: Ĝ = S + ν = 6 + 1.
        Assert.Equal(7.0, Perception.Update(double.NaN, 6, 0.5, 1));

    [Fact]
    public void G3_an_update_adds_the_noise_to_the_seen_gap() =>
        // Ĝ + κ(S + ν − Ĝ) = 10 + 0.5·(6 + 1 − 10) = 8.5; with S − ν it would be 7.5.
        Assert.Equal(8.5, Perception.Update(10, 6, 0.5, 1));
}
