using System.Numerics.Tensors;
using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// The world's end of month: country and world frontiers (G1), the best open, API-served and
/// published models, market shares and revenue (M3, M4), national budget shares, and the gaps
/// (G2) of country pairs and of each firm behind the world frontier.
/// </summary>
public static class WorldAggregator
{
    /// <summary>Before the first month: the view firms see in month 0, from their start state. Writes no history.</summary>
    public static void Prepare(WorldState w, FirmReport[] firms)
    {
        BuildView(w, firms, slot: 0);
        NationalShares(w, firms, useBudget: false);
        PrepareEntries(w, w.Spec.Start);
    }

    /// <summary>Aggregates month <paramref name="t"/> once every government and firm has stepped it.</summary>
    public static void Aggregate(WorldState w, FirmReport[] firms, CountryReport[] markets,
        GlobalDraws g, Month t)
    {
        int ti = t - w.Spec.Start, n = w.Members;
        if (ti != w.MonthsDone) throw new InvalidOperationException($"world expected month index {w.MonthsDone}, got {ti}");
        StateGuard.Check(w, firms, markets, t);

        // G1: country frontiers (running maxima over firms and months), world frontier.
        for (int c = 0; c < w.CountryFrontier.Length; c++)
        {
            var k = w.CountryFrontier[c].Write(ti);
            var lc = w.CountryComputeFrontier[c].Write(ti);
            if (ti > 0)
            {
                w.CountryFrontier[c].Read(ti - 1).CopyTo(k);
                w.CountryComputeFrontier[c].Read(ti - 1).CopyTo(lc);
            }
            foreach (var f in firms)
            {
                if (f.CountryIndex != c || !f.Entered) continue;
                for (int m = 0; m < n; m++)
                {
                    k[m] = Math.Max(k[m], f.Trained[m]); // v2: trained models only, not a deployed open floor
                    lc[m] = Math.Max(lc[m], f.LargestRunLogFlop[m]);
                }
            }
        }
        var world = w.WorldFrontier.Write(ti); // −∞ until written
        var worldCompute = w.WorldComputeFrontier.Write(ti);
        for (int c = 0; c < w.CountryFrontier.Length; c++)
        {
            ReadOnlySpan<double> k = w.CountryFrontier[c].Read(ti), lc = w.CountryComputeFrontier[c].Read(ti);
            for (int m = 0; m < n; m++)
            {
                world[m] = Math.Max(world[m], k[m]);
                worldCompute[m] = Math.Max(worldCompute[m], lc[m]);
            }
        }

        BuildView(w, firms, slot: ti + 1);
        MarketsAndRevenue(w, firms, markets, g, ti);
        NationalShares(w, firms, useBudget: true);
        Gaps(w, firms, ti);
        w.MonthsDone = ti + 1;
        PrepareEntries(w, t + 1);
        HistoryFloors.Forget(w, ti);
    }

    /// <summary>K_open, the API models and â for next month; copies, since firms overwrite their arrays.</summary>
    private static void BuildView(WorldState w, FirmReport[] firms, int slot)
    {
        var v = w.View;
        var published = w.PublishedSlot(slot); // the ring's slot of L_pub months ago, no longer read
        Array.Fill(published, double.NegativeInfinity);
        Array.Fill(v.OpenBest, double.NegativeInfinity);
        foreach (var f in firms)
        {
            if (!f.Active) { v.ApiCapability[f.Index] = null; continue; }
            if (f.OpenWeights) for (int m = 0; m < w.Members; m++) v.OpenBest[m] = Math.Max(v.OpenBest[m], f.Capability[m]);
            if (f.Publishes) for (int m = 0; m < w.Members; m++) published[m] = Math.Max(published[m], f.Algorithmic[m]);
            if (f.ServesApi)
            {
                var api = v.ApiCapability[f.Index] ??= new double[w.Members];
                f.Capability.AsSpan(0, w.Members).CopyTo(api);
            }
            else v.ApiCapability[f.Index] = null;
        }
        v.ApiFirms = Enumerable.Range(0, v.ApiCapability.Length).Where(j => v.ApiCapability[j] is not null).ToArray();
        // â(t + 1 − L_pub), the earliest known value while the lag reaches before the start.
        int lagged = Math.Max(0, slot + 1 - w.Spec.Parameters.PublicationLagMonths);
        w.PublishedSlot(Math.Min(lagged, slot)).AsSpan().CopyTo(v.BestPublishedLagged);
    }

    /// <summary>(M3, M4) Logit shares of each market among the firms selling there, and revenue for next month's budget.</summary>
    private static void MarketsAndRevenue(WorldState w, FirmReport[] firms, CountryReport[] markets, GlobalDraws g, int ti)
    {
        int n = w.Members;
        var worldK = w.WorldFrontier.Read(ti);
        // exp(β(K − K_world)) once per firm and member; each market weighs it by its appeal.
        foreach (var f in firms)
        {
            var strength = w.Strength[f.Index];
            for (int m = 0; m < n; m++)
                strength[m] = f.Active ? Markets.ShareWeight(1, g.ShareBeta[m], f.Capability[m], worldK[m]) : 0;
            Array.Clear(w.View.Revenue[f.Index]);
        }
        foreach (var market in markets)
        {
            if (n < VectorFrom) MarketOneByOne(w, firms, market);
            else MarketOnVectors(w, firms, market);
        }
    }

    /// <summary>Members from which a market's sums go through <see cref="TensorPrimitives"/>: below, its per-call cost outweighs the vectors.</summary>
    private const int VectorFrom = 32;

    /// <summary>(M3, M4) One market's totals, shares and revenue terms, member by member.</summary>
    private static void MarketOneByOne(WorldState w, FirmReport[] firms, CountryReport market)
    {
        int n = w.Members;
        var total = w.MarketTotal;
        Array.Clear(total);
        foreach (var f in firms)
        {
            var appeal = market.Appeal[f.Index];
            var strength = w.Strength[f.Index];
            for (int m = 0; m < n; m++) total[m] += appeal[m] * strength[m];
        }
        var shares = w.Shares[market.CountryIndex];
        foreach (var f in firms)
        {
            var appeal = market.Appeal[f.Index];
            var strength = w.Strength[f.Index];
            var share = shares[f.Index];
            var revenue = w.View.Revenue[f.Index];
            for (int m = 0; m < n; m++)
            {
                share[m] = Markets.Share(appeal[m] * strength[m], total[m]);
                revenue[m] += Markets.RevenueTerm(share[m], market.Spend[m]);
            }
        }
    }

    /// <summary>
    /// <see cref="MarketOneByOne"/> on whole arrays, a vector at a time: the same products, sums and quotients per
    /// member (unfused), so the same bits; a member whose market has no seller gets share 0 (M3).
    /// </summary>
    private static void MarketOnVectors(WorldState w, FirmReport[] firms, CountryReport market)
    {
        int n = w.Members;
        var totals = w.MarketTotal.AsSpan(0, n);
        totals.Clear();
        foreach (var f in firms)
            TensorPrimitives.MultiplyAdd(market.Appeal[f.Index].AsSpan(0, n), w.Strength[f.Index].AsSpan(0, n), totals, totals);
        bool everySells = TensorPrimitives.Min(totals) > 0;
        var shares = w.Shares[market.CountryIndex];
        var spend = market.Spend.AsSpan(0, n);
        foreach (var f in firms)
        {
            var share = shares[f.Index].AsSpan(0, n);
            TensorPrimitives.Multiply(market.Appeal[f.Index].AsSpan(0, n), w.Strength[f.Index].AsSpan(0, n), share);
            if (everySells) TensorPrimitives.Divide(share, totals, share);
            else for (int m = 0; m < n; m++) share[m] = Markets.Share(share[m], totals[m]);
            var revenue = w.View.Revenue[f.Index].AsSpan(0, n);
            TensorPrimitives.MultiplyAdd(share, spend, revenue, revenue); // M4: RevenueTerm, summed over markets
        }
    }

    /// <summary>
    /// Each active firm's share of its country's firm budgets (equal shares before the first month),
    /// and B_c, the country's unscaled budget demand for next month's saturation (C2, v2; funding before the first month).
    /// </summary>
    private static void NationalShares(WorldState w, FirmReport[] firms, bool useBudget)
    {
        int n = w.Members;
        var total = w.MarketTotal;
        for (int c = 0; c < w.Spec.Countries.Count; c++)
        {
            Array.Clear(total);
            var demand = w.NationalDemand[c];
            Array.Clear(demand);
            foreach (var f in firms)
                if (f.CountryIndex == c && f.Active)
                    for (int m = 0; m < n; m++)
                    {
                        total[m] += useBudget ? f.Budget[m] : 1;
                        demand[m] += useBudget ? f.BudgetDemand[m] : f.Funding[m];
                    }
            foreach (var f in firms)
            {
                if (f.CountryIndex != c) continue;
                var share = w.View.NationalShare[f.Index];
                for (int m = 0; m < n; m++) share[m] = f.Active && total[m] > 0 ? (useBudget ? f.Budget[m] : 1) / total[m] : 0;
            }
        }
    }

    /// <summary>(G2) Gaps of the measured country pairs and of each firm behind the world frontier.</summary>
    private static void Gaps(WorldState w, FirmReport[] firms, int ti)
    {
        var board = w.Gaps;
        for (int p = 0; p < board.Pairs.Count; p++)
        {
            var (follower, leader) = w.PairCountries[p];
            int[] hL = w.PairHints[4 * p], hF = w.PairHints[4 * p + 1], cL = w.PairHints[4 * p + 2], cF = w.PairHints[4 * p + 3];
            for (int m = 0; m < w.Members; m++)
            {
                MonthlySeries lk = w.CountrySeries(leader, m), fk = w.CountrySeries(follower, m);
                MonthlySeries lc = w.CountryComputeSeries(leader, m), fc = w.CountryComputeSeries(follower, m);
                var k = TimeDistance.Gap(lk, fk, ti, ref hL[m], ref hF[m], w.CountryHistory[leader], w.CountryHistory[follower]);
                board.Capability[p][m] = k.Months; w.CapabilityGapFlag[p][m] = k.Flag;
                var c = TimeDistance.Gap(lc, fc, ti, ref cL[m], ref cF[m]);
                board.Compute[p][m] = c.Months; w.ComputeGapFlag[p][m] = c.Flag;
                // Both hints brought up, so both histories can be let go behind them (HistoryFloors).
                TimeDistance.AdvanceHints(lk, fk, ti, ref hL[m], ref hF[m]);
                TimeDistance.AdvanceHints(lc, fc, ti, ref cL[m], ref cF[m]);
            }
        }
        foreach (var f in firms)
        {
            int i = 2 * f.Index, j = i + 1;
            int[] hk = w.FirmHints[i], hc = w.FirmHints[j];
            double[] lk = w.FirmGapLevel[i], lc = w.FirmGapLevel[j], tk = w.FirmGapCrossing[i], tc = w.FirmGapCrossing[j];
            for (int m = 0; m < w.Members; m++)
            {
                w.FirmGap[f.Index][m] = f.Entered
                    ? FirmGapMonths(w.WorldSeries(m), ti, f.Capability[m], ref hk[m], ref lk[m], ref tk[m]) : double.NaN;
                w.FirmComputeGap[f.Index][m] = f.Entered
                    ? FirmGapMonths(w.WorldComputeSeries(m), ti, f.LargestRunLogFlop[m], ref hc[m], ref lc[m], ref tc[m]) : double.NaN;
            }
        }
    }

    /// <summary>
    /// (G2) A firm's gap behind a world series at t, as <see cref="TimeDistance.Behind"/> gives it, reusing last month's
    /// crossing τ* while the firm's level stands still (most months: a largest run changes only when a run ends).
    /// </summary>
    private static double FirmGapMonths(in MonthlySeries leader, int t, double level, ref int hint, ref double lastLevel, ref double lastCrossing)
    {
        if (level == lastLevel && !double.IsNaN(lastCrossing)) return t - lastCrossing;
        lastLevel = level;
        lastCrossing = double.NaN;
        if (double.IsNaN(level) || double.IsNegativeInfinity(level) || !TimeDistance.TryCrossing(leader, t, level, ref hint, out double tau))
            return TimeDistance.Behind(leader, t, level, ref hint).Months;
        lastCrossing = tau;
        return t - tau;
    }

    /// <summary>For firms entering in month <paramref name="next"/> at a past frontier: that frontier, per member.</summary>
    private static void PrepareEntries(WorldState w, Month next)
    {
        for (int j = 0; j < w.Spec.Firms.Count; j++)
        {
            var spec = w.Spec.Firms[j];
            // No pattern variable in the condition: a mutated condition must still compile (Stryker's schemata).
            if (spec.Entry != next || spec.EntryCapability is not FrontierAt) { w.View.EntryLevel[j] = null; continue; }
            var fa = (FrontierAt)spec.EntryCapability;
            int di = fa.Date - w.Spec.Start;
            if (di < 0 || di >= w.MonthsDone)
                throw new InvalidOperationException($"firm '{spec.Id}': frontier_at {fa.Date} is outside the months simulated before its entry");
            w.View.EntryLevel[j] = w.WorldFrontier.Read(di).ToArray();
        }
    }
}
