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

        // The month in phases, each a loop over members with few values live: a single loop kept dozens of
        // values across the libm calls (which clobber every vector register) and spilled them each time.
        int ti = t - start;
        Spending(f, home, world, g);
        ComputeAndRuns(f, home, world, tiers, g, t, start);
        Research(f, world, g, ti);
        Deployment(f, home, world, g, ti);
        PatentCounts(f, home, g, ti);
    }

    /// <summary>(C2) The budget, saturated against the country's ceiling by last month's national demand (v2), and its split.</summary>
    private static void Spending(FirmState f, HomePolicy home, FirmInputs world, GlobalDraws g)
    {
        double[] support = home.Support, share = world.NationalShare, funding = f.Funding, reinvest = g.RevReinvest,
            revenue = world.Revenue, saturation = world.BudgetSaturation,
            budgetDemand = f.BudgetDemand, budgets = f.Budget, computeShare = f.ComputeShare, researchShare = f.ResearchShare,
            computeSpend = f.ComputeSpend, researchSpend = f.ResearchSpend;
        for (int m = 0; m < f.Members; m++)
        {
            double demand = Compute.Budget(funding[m], reinvest[m], revenue[m], support[m] * share[m]);
            double budget = demand * saturation[m];
            budgetDemand[m] = demand;
            budgets[m] = budget;
            computeSpend[m] = computeShare[m] * budget;
            researchSpend[m] = researchShare[m] * budget;
        }
    }

    /// <summary>(C1, C3, C4, C6) Chips bought by channel, installed compute, and the training run that ends this month (K1).</summary>
    private static void ComputeAndRuns(FirmState f, HomePolicy home, FirmInputs world, TierDraws tiers, GlobalDraws g, Month t, Month start)
    {
        double phi = f.Spec.FrontierRunShare.At(t);
        // The channels' terms in the firm's scratch, not on the stack: a method with stackalloc is compiled once,
        // fully optimised but without the profile that tiered compilation gives its loop later.
        var terms = f.ChannelScratch.AsSpan();
        Span<double> eff = terms[..FirmState.Channels], price = terms[FirmState.Channels..(2 * FirmState.Channels)];
        Span<double> cap = terms[(2 * FirmState.Channels)..(3 * FirmState.Channels)], added = terms[(3 * FirmState.Channels)..];
        double[] pricePerformance = g.PricePerformanceAt(t), share = world.NationalShare, computeSpend = f.ComputeSpend,
            u = g.U, uCompliant = g.UCompliant, uDomestic = g.UDomestic, deltaH = g.DeltaH,
            installed = f.Installed, utilised = f.Utilised, runAccumulated = f.RunAccumulated, algorithmic = f.Algorithmic,
            own = f.Base, lastRun = f.LastRunLogFlop, largestRun = f.LargestRunLogFlop, runShareScale = f.RunShareScale, flop = g.Flop;
        double[][] byChannel = f.AddedByChannel;
        for (int m = 0; m < f.Members; m++)
        {
            double ic = computeSpend[m], q = pricePerformance[m];
            ChannelTerms(home, tiers, g, m, ic, q, share[m], eff, price, cap);
            Compute.AllocateChannels(ic, q, eff, price, cap, added);
            for (int k = 0; k < FirmState.Channels; k++) byChannel[k][m] = added[k];
            double addedUtilised = u[m] * (added[(int)Channel.Frontier] + added[(int)Channel.Smuggled])
                + uCompliant[m] * added[(int)Channel.Compliant] + uDomestic[m] * added[(int)Channel.Domestic];

            // C4: installed compute; C6: the current training run.
            installed[m] = Compute.Installed(installed[m], deltaH[m], SumOf(added));
            utilised[m] = Compute.Installed(utilised[m], deltaH[m], addedUtilised);
            runAccumulated[m] += utilised[m];
            if (!f.RunEndsAt(t, start, m)) continue;
            double logC = Compute.RunLogFlop(Math.Min(1, phi * runShareScale[m]), flop[m], runAccumulated[m]);
            runAccumulated[m] = 0;
            if (double.IsNegativeInfinity(logC)) continue;
            lastRun[m] = logC;
            largestRun[m] = Math.Max(largestRun[m], logC);
            own[m] = Capability.OwnBase(own[m], logC, algorithmic[m]); // K1, on the algorithms of t−1
        }
    }

    /// <summary>(A1, A2) Research stock, absorption, algorithms.</summary>
    private static void Research(FirmState f, FirmInputs world, GlobalDraws g, int ti)
    {
        double[] stock = f.ResearchStock, absorption = f.Absorption, algorithmic = f.Algorithmic, researchSpend = f.ResearchSpend,
            deltaZ = g.DeltaZ, z50 = g.Z50, rate = g.AlgorithmicRate, zRef = g.ZRef, rho = g.Rho, psi = g.Psi,
            bestPublished = world.BestPublishedLagged;
        for (int m = 0; m < f.Members; m++)
        {
            double z = Knowledge.ResearchStock(stock[m], deltaZ[m], researchSpend[m]);
            double gamma = Knowledge.Absorption(z, z50[m]);
            stock[m] = z; absorption[m] = gamma;
            double jump = Breakthrough(g, f.Draws, m, ti);
            algorithmic[m] = Knowledge.Algorithmic(algorithmic[m], rate[m], z, zRef[m], rho[m], psi[m], gamma, bestPublished[m], jump);
        }
    }

    /// <summary>(K2–K5, G1) The open floor, the teacher, the capped uplift, the noisy candidate, the licensing gate and deployment.</summary>
    private static void Deployment(FirmState f, HomePolicy home, FirmInputs world, GlobalDraws g, int ti)
    {
        bool open = f.Spec.UsesOpenModels;
        var teachers = world.Teachers;
        double[] openBest = world.OpenBest, fineTuneLoss = g.FineTuneLoss, youngLabLoss = g.YoungLabLoss, absorption = f.Absorption,
            own = f.Base, teacherOf = f.Teacher, distillation = f.Distillation, distillLoss = g.DistillLoss, upliftCap = g.UpliftCap,
            noiseSd = g.NoiseSd, candidates = f.Candidate, pending = f.Pending, pendingTrained = f.PendingTrained,
            deployed = f.Capability, trainedOf = f.Trained;
        bool[] licensing = home.LicensingOn, approval = home.ApprovalRound;
        // K4's noise ε for every member first: the normal quantiles then go four at a time.
        // Nothing to draw where no member has noise (σ_ε = 0, the default): ε is 0 then, as the loop below would give.
        var noise = f.NoiseScratch.AsSpan(0, f.Members);
        if (noiseSd.AsSpan(0, f.Members).ContainsAnyExceptInRange(double.NegativeInfinity, 0))
        {
            for (int m = 0; m < noise.Length; m++) noise[m] = f.Draws.ForMonth(m, ti).Uniform(DrawSlot.CapabilityNoise);
            NormalQuantile.Standard(noise, noise);
            for (int m = 0; m < noise.Length; m++) noise[m] = noiseSd[m] > 0 ? noiseSd[m] * noise[m] : 0;
        }
        else noise.Clear();
        for (int m = 0; m < f.Members; m++)
        {
            double gamma = absorption[m], mine = own[m];
            double floor = open ? Capability.OpenFloor(openBest[m], fineTuneLoss[m], youngLabLoss[m], gamma) : double.NegativeInfinity;
            double teacher = teachers.Teacher(m, Math.Max(openBest[m], mine));
            teacherOf[m] = teacher;
            double trained = Capability.Trained(mine, Capability.Uplift(mine, distillation[m], gamma, teacher, distillLoss[m], upliftCap[m]));
            double candidate = Capability.Candidate(floor, trained, noise[m]);
            candidates[m] = candidate;

            // K5: licensing gate, then deployment that never falls; the trained level (G1) passes the same gate.
            if (licensing[m])
            {
                pending[m] = Math.Max(pending[m], candidate);
                pendingTrained[m] = Math.Max(pendingTrained[m], trained);
                if (!approval[m]) continue;
                deployed[m] = Capability.Deploy(deployed[m], pending[m]);
                trainedOf[m] = Capability.Deploy(trainedOf[m], pendingTrained[m]);
            }
            else
            {
                deployed[m] = Capability.Deploy(deployed[m], Math.Max(candidate, pending[m]));
                trainedOf[m] = Capability.Deploy(trainedOf[m], Math.Max(trained, pendingTrained[m]));
            }
            pending[m] = pendingTrained[m] = double.NegativeInfinity;
        }
    }

    /// <summary>(P1) This month's patent families, cumulative and quality-weighted.</summary>
    private static void PatentCounts(FirmState f, HomePolicy home, GlobalDraws g, int ti)
    {
        double[] propensity = home.PatentPropensity, subsidy = home.PatentSubsidy, quality = home.PatentQuality,
            researchSpend = f.ResearchSpend, beta = g.PatentBeta, dispersion = g.PatentDispersion,
            patents = f.Patents, cumulative = f.PatentsCumulative, qualityCumulative = f.PatentsQualityCumulative;
        var expected = patents.AsSpan(0, f.Members);
        for (int m = 0; m < expected.Length; m++) expected[m] = Equations.Patents.Expected(propensity[m], researchSpend[m], beta[m], subsidy[m]);
        // A deterministic run counts μ itself; a random one draws for every member, and where some μ is above the exact
        // walk's limit (or NaN) takes the normal quantiles z = Φ⁻¹(u) of all of them, four at a time in the central region.
        if (!f.Draws.Deterministic)
        {
            Span<double> uniform = f.PatentUniforms.AsSpan(0, f.Members), normal = f.PatentNormals.AsSpan(0, f.Members);
            for (int m = 0; m < uniform.Length; m++) uniform[m] = f.Draws.ForMonth(m, ti).Uniform(DrawSlot.Patents);
            if (expected.ContainsAnyExceptInRange(double.NegativeInfinity, CountQuantiles.FastExactLimit)) NormalQuantile.Standard(uniform, normal);
            for (int m = 0; m < expected.Length; m++) expected[m] = Equations.Patents.Count(expected[m], dispersion[m], uniform[m], normal[m]);
        }
        for (int m = 0; m < f.Members; m++)
        {
            double count = patents[m];
            cumulative[m] += count;
            qualityCumulative[m] += count * quality[m];
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

    private static double Breakthrough(GlobalDraws g, ActorDraws firm, int m, int ti)
    {
        if (g.JRate[m] <= 0 || firm.Deterministic) return 0;
        var draws = firm.ForMonth(m, ti); // folded only where it draws
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
