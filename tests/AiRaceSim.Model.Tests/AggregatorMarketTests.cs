using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>
/// M3 and M4 in a block large enough for the markets' vector path (32 members and more), fed by hand: every firm at the
/// world frontier, so each firm's strength exp(β(K − K_world)) is exactly 1 and a share is its appeal over the market's.
/// </summary>
public class AggregatorMarketTests
{
    private const int Members = 40, NoSeller = 5;

    [Fact]
    public void A_market_where_no_firm_sells_gives_every_firm_share_0_and_no_revenue_beside_members_where_firms_sell()
    {
        var sim = new BlockSimulation(TestWorlds.UsCn(months: 3, deterministic: true), 0, Members);
        // Firms: 0 us-frontier, 1 us-open, 2 cn-a, 3 cn-b; every one at K = 20 except cn-b, which has no model (−∞, strength 0).
        var reports = sim.Reports().Select(r => r with
        {
            Capability = Enumerable.Repeat(r.Index == 3 ? double.NegativeInfinity : 20.0, Members).ToArray(),
            Trained = Enumerable.Repeat(r.Index == 3 ? double.NegativeInfinity : 20.0, Members).ToArray(),
        }).ToArray();
        // CN's market: appeals 1, 2, 3, 4 (firms 0..3), none at all for the first five members; spend 600 M$ a month.
        // The US market: appeal 1 for every firm, spend 0, so revenue comes from CN's market alone.
        var countries = sim.Countries.Select(CountryReport.Of).ToArray();
        int us = sim.Spec.CountryIndex("US"), cn = sim.Spec.CountryIndex("CN");
        countries[cn] = countries[cn] with
        {
            Appeal = Enumerable.Range(0, 4).Select(f => Enumerable.Range(0, Members).Select(m => m < NoSeller ? 0.0 : f + 1).ToArray()).ToArray(),
            Spend = Enumerable.Repeat(600.0, Members).ToArray(),
        };
        countries[us] = countries[us] with
        {
            Appeal = Enumerable.Range(0, 4).Select(_ => Enumerable.Repeat(1.0, Members).ToArray()).ToArray(),
            Spend = new double[Members],
        };
        WorldAggregator.Aggregate(sim.World, reports, countries, sim.Global, TestWorlds.Start);

        var shares = sim.World.Shares[cn];
        // Where firms sell: 1/6, 2/6, 3/6 of 1 + 2 + 3 (cn-b's strength is 0); revenue share × 600 = 100, 200, 300, 0.
        double[] expected = [1 / 6.0, 2 / 6.0, 3 / 6.0, 0];
        for (int m = 0; m < Members; m++)
            for (int f = 0; f < 4; f++)
            {
                double share = m < NoSeller ? 0 : expected[f];
                Assert.Equal(share, shares[f][m], 15);
                Assert.Equal(share * 600, sim.World.View.Revenue[f][m], 12);
            }
        // The US market: three sellers with appeal 1, a third each; cn-b none.
        for (int m = 0; m < Members; m++)
            Assert.Equal([1 / 3.0, 1 / 3.0, 1 / 3.0, 0], Enumerable.Range(0, 4).Select(f => sim.World.Shares[us][f][m]));
    }
}
