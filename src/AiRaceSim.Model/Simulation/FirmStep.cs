using AiRaceSim.Model.Equations;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Policy;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Simulation;

/// <summary>
/// One firm's month over all members of its block: its dated events, entry, budget, chip
/// channels, compute, training runs, research, algorithms, capability, patents. It reads its home
/// policy and the world as of t−1 only, so firms can step in any order or in parallel.
/// </summary>
public static class FirmStep
{
    public static void Step(FirmState f, HomePolicy home, FirmInputs world, GlobalDraws g, TierDraws tiers, MemberDraws d,
        Month start, Month t, ScheduledEvent[] eventsNow)
    {
        foreach (var ev in eventsNow) ApplyEvent(f, ev, d, t - start);
        if (f.Exited)
        {
            if (f.Active) f.Leave();
            return;
        }
        if (!f.Active)
        {
            if (t != f.EntryMonth(start)) return;
            Enter(f, world.EntryLevel, g, t - 1);
        }
        var growth = f.FundingDraws.MonthlyFactors(t - 1);
        for (int m = 0; m < f.Members; m++) f.Funding[m] *= growth[m];

        int ti = t - start;
        double phi = f.Spec.FrontierRunShare.At(t);
        // The channels' terms in the firm's scratch, not on the stack: a method with stackalloc is compiled once,
        // fully optimised but without the profile that tiered compilation gives its loop later.
        var terms = f.ChannelScratch.AsSpan();
        Span<double> eff = terms[..FirmState.Channels], price = terms[FirmState.Channels..(2 * FirmState.Channels)];
        Span<double> cap = terms[(2 * FirmState.Channels)..(3 * FirmState.Channels)], added = terms[(3 * FirmState.Channels)..];
        var pricePerformance = g.PricePerformanceAt(t);
        var revenue = world.Revenue;
        var share = world.NationalShare;

        for (int m = 0; m < f.Members; m++)
        {
            // C2: budget, saturated against the country's ceiling by last month's national demand (v2), and its split.
            double support = home.Support[m] * share[m];
            double demand = Compute.Budget(f.Funding[m], g.RevReinvest[m], revenue[m], support);
            double budget = demand * Compute.Saturation(world.NationalDemand[m], home.BudgetCeiling[m]);
            f.BudgetDemand[m] = demand;
            f.Budget[m] = budget;
            double ic = f.ComputeShare[m] * budget, ir = f.ResearchShare[m] * budget;
            f.ComputeSpend[m] = ic; f.ResearchSpend[m] = ir;

            // C1, C3: chip channels.
            double q = pricePerformance[m];
            ChannelTerms(home, tiers, g, m, ic, q, share[m], eff, price, cap);
            Compute.AllocateChannels(ic, q, eff, price, cap, added);
            for (int k = 0; k < FirmState.Channels; k++) f.AddedByChannel[k][m] = added[k];
            double addedUtilised = g.U[m] * (added[(int)Channel.Frontier] + added[(int)Channel.Smuggled])
                + g.UCompliant[m] * added[(int)Channel.Compliant] + g.UDomestic[m] * added[(int)Channel.Domestic];

            // C4: installed compute; C6: the current training run.
            f.Installed[m] = Compute.Installed(f.Installed[m], g.DeltaH[m], SumOf(added));
            f.Utilised[m] = Compute.Installed(f.Utilised[m], g.DeltaH[m], addedUtilised);
            f.RunAccumulated[m] += f.Utilised[m];
            double a = f.Algorithmic[m];
            double own = f.Base[m];
            if (f.RunEndsAt(t, start, m))
            {
                double logC = Compute.RunLogFlop(Math.Min(1, phi * f.RunShareScale[m]), g.Flop[m], f.RunAccumulated[m]);
                f.RunAccumulated[m] = 0;
                if (!double.IsNegativeInfinity(logC))
                {
                    f.LastRunLogFlop[m] = logC;
                    f.LargestRunLogFlop[m] = Math.Max(f.LargestRunLogFlop[m], logC);
                    own = Capability.OwnBase(own, logC, a); // K1
                }
            }

            // A1, A2: research stock, absorption, algorithms.
            double z = Knowledge.ResearchStock(f.ResearchStock[m], g.DeltaZ[m], ir);
            double gamma = Knowledge.Absorption(z, g.Z50[m]);
            f.ResearchStock[m] = z; f.Absorption[m] = gamma;
            var draws = d.ForMonth(m, f.Actor, ti);
            double jump = Breakthrough(g, draws, d.Deterministic, m);
            f.Algorithmic[m] = Knowledge.Algorithmic(a, g.AlgorithmicRate[m], z, g.ZRef[m], g.Rho[m],
                g.Psi[m], gamma, world.BestPublishedLagged[m], jump);

            // K2–K4 (v2): the open floor, the teacher, the capped uplift on the firm's own base.
            double floor = f.Spec.UsesOpenModels
                ? Capability.OpenFloor(world.OpenBest[m], g.FineTuneLoss[m], g.YoungLabLoss[m], gamma) : double.NegativeInfinity;
            f.Base[m] = own;
            double teacher = world.Teachers.Teacher(m, Math.Max(world.OpenBest[m], own));
            f.Teacher[m] = teacher;
            double trained = Capability.Trained(own, Capability.Uplift(own, f.Distillation[m], gamma, teacher, g.DistillLoss[m], g.UpliftCap[m]));
            double noise = g.NoiseSd[m] > 0
                ? g.NoiseSd[m] * NormalQuantile.Standard(draws.Uniform(DrawSlot.CapabilityNoise))
                : 0;
            double candidate = Capability.Candidate(floor, trained, noise);
            f.Candidate[m] = candidate;

            // K5: licensing gate, then deployment that never falls; the trained level (G1) passes the same gate.
            if (home.LicensingOn[m])
            {
                f.Pending[m] = Math.Max(f.Pending[m], candidate);
                f.PendingTrained[m] = Math.Max(f.PendingTrained[m], trained);
                if (home.ApprovalRound[m])
                {
                    f.Capability[m] = Capability.Deploy(f.Capability[m], f.Pending[m]);
                    f.Trained[m] = Capability.Deploy(f.Trained[m], f.PendingTrained[m]);
                    f.Pending[m] = f.PendingTrained[m] = double.NegativeInfinity;
                }
            }
            else
            {
                f.Capability[m] = Capability.Deploy(f.Capability[m], Math.Max(candidate, f.Pending[m]));
                f.Trained[m] = Capability.Deploy(f.Trained[m], Math.Max(trained, f.PendingTrained[m]));
                f.Pending[m] = f.PendingTrained[m] = double.NegativeInfinity;
            }

            // P1: patents.
            double mu = Equations.Patents.Expected(home.PatentPropensity[m], ir, g.PatentBeta[m], home.PatentSubsidy[m]);
            double count = Equations.Patents.Count(mu, g.PatentDispersion[m], draws.Uniform(DrawSlot.Patents), d.Deterministic);
            f.Patents[m] = count;
            f.PatentsCumulative[m] += count;
            f.PatentsQualityCumulative[m] += count * home.PatentQuality[m];
        }
    }

    private static double SumOf(Span<double> values)
    {
        double s = 0;
        foreach (var v in values) s += v;
        return s;
    }

    /// <summary>Efficiency, price (after vouchers) and spending cap of each channel for member m (C3).</summary>
    private static void ChannelTerms(HomePolicy home, TierDraws tiers, GlobalDraws g, int m, double computeSpend, double q,
        double nationalShare, Span<double> eff, Span<double> price, Span<double> cap)
    {
        int tier = home.Tier[m];
        double discount = 1 - home.Vouchers[m];
        bool controlled = tier > 0;
        eff[(int)Channel.Frontier] = controlled ? 0 : 1;
        price[(int)Channel.Frontier] = discount;
        cap[(int)Channel.Frontier] = double.PositiveInfinity;
        eff[(int)Channel.Compliant] = controlled ? tiers.Efficiency[tier][m] : 0;
        price[(int)Channel.Compliant] = tiers.Price[tier][m] * discount;
        cap[(int)Channel.Compliant] = double.PositiveInfinity;
        eff[(int)Channel.Smuggled] = controlled ? 1 : 0;
        price[(int)Channel.Smuggled] = (1 + g.SmugglePremium[m]) * discount;
        cap[(int)Channel.Smuggled] = controlled
            ? Compute.SmugglingShare(home.SmugglingBase[m], g.SmuggleXi[m], home.Enforcement[m]) * computeSpend : 0;
        eff[(int)Channel.Domestic] = home.ChipEfficiency[m];
        price[(int)Channel.Domestic] = g.DomesticPrice[m] * discount;
        // The firm may buy its share of national output: chips × (M$ per chip = price/q).
        cap[(int)Channel.Domestic] = nationalShare * home.ChipOutput[m] * price[(int)Channel.Domestic] / q;
    }

    private static double Breakthrough(GlobalDraws g, MonthDraws draws, bool deterministic, int m)
    {
        if (g.JRate[m] <= 0 || deterministic) return 0;
        int count = Knowledge.BreakthroughCount(g.JRate[m], draws.Uniform(DrawSlot.BreakthroughArrival));
        double size = 0;
        for (int i = 0; i < count; i++)
            size += g.BreakthroughSize.InverseCdf(draws.Uniform(DrawSlot.BreakthroughSize + 16 * i));
        return size;
    }

    /// <summary>
    /// A firm's state as of the end of month <paramref name="t"/>, the month before its first step:
    /// funding from its schedule, initial compute and research, algorithms at the trend less its
    /// lag, and its entry capability.
    /// </summary>
    public static void Enter(FirmState f, double[]? entryLevel, GlobalDraws g, Month t)
    {
        f.Active = true;
        f.HasEntered = true;
        f.FundingDraws.LevelAt(t, f.Funding);
        double phi = f.Spec.FrontierRunShare.At(t);
        for (int m = 0; m < f.Members; m++)
        {
            double rate = g.AlgorithmicRate[m];
            double a = rate * ((t - Compute.Reference) - f.AlgorithmicLag[m]);
            f.Algorithmic[m] = a;
            f.Installed[m] = f.InitialCompute[m];
            f.Utilised[m] = f.InitialCompute[m] * g.U[m];
            f.ResearchStock[m] = f.InitialResearch[m];
            f.Absorption[m] = Knowledge.Absorption(f.InitialResearch[m], g.Z50[m]);
            // A staggered first run began RunPhase months before entry (v2), so it is as long as the others.
            f.RunAccumulated[m] = f.RunPhase[m] * f.Utilised[m];
            f.Pending[m] = f.PendingTrained[m] = double.NegativeInfinity;
            double k = f.Spec.EntryCapability switch
            {
                FrontierAt => entryLevel is null ? throw new InvalidOperationException($"firm '{f.Spec.Id}' enters without its entry level") : entryLevel[m],
                CapabilityLevel c => c.Value,
                _ => double.NegativeInfinity,
            };
            if (f.Spec.EntryCapability is null && f.Utilised[m] > 0)
            {
                // As if a run on the initial compute had just finished (K1).
                double logC = Compute.RunLogFlop(Math.Min(1, phi * f.RunShareScale[m]), g.Flop[m], f.Utilised[m] * f.RunMonths[m]);
                f.LargestRunLogFlop[m] = f.LastRunLogFlop[m] = logC;
                k = logC + a;
            }
            else
            {
                f.LargestRunLogFlop[m] = f.LastRunLogFlop[m] = double.NegativeInfinity;
            }
            f.Base[m] = f.Trained[m] = f.Capability[m] = f.Candidate[m] = f.Teacher[m] = k;
        }
    }

    private static void ApplyEvent(FirmState f, ScheduledEvent ev, MemberDraws d, int ti)
    {
        switch (ev.Firm)
        {
            case OpenWeights o: f.OpenWeights = o.Value; break;
            case Exit: f.Exited = true; break;
            case FundingScale s:
                var draw = new ActionDraw(d, ev.Key, ti);
                for (int m = 0; m < f.Members; m++) f.Funding[m] *= draw.Value(s.Factor, m);
                break;
        }
    }
}
