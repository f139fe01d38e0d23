using System.Runtime.CompilerServices;
using AiRaceSim.Model.State;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Equations;

/// <summary>Compute: price-performance, spending, chip channels, installed compute, domestic output, training runs (C1–C6).</summary>
public static class Compute
{
    public static readonly Month Reference = Month.Of(2023, 1);

    /// <summary>(C1) q(t) = q0 · 2^((t − 2023-01)/τ_hw), H100e per M$.</summary>
    public static double PricePerformance(double q0, double doublingMonths, Month t) =>
        q0 * Math.Pow(2.0, (t - Reference) / doublingMonths);

    /// <summary>(C2) Budget = Funding + ρ_rev·Rev(t−1) + Sub.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Budget(double funding, double reinvestment, double previousRevenue, double support) =>
        funding + reinvestment * previousRevenue + support;

    /// <summary>
    /// (C2, M2 v2) Saturation σ = (1 + (B/B̄)^4)^(−1/4): 1 while B ≪ B̄, and σ·B tends to B̄ as B grows
    /// (σ = 2^(−1/4) at B = B̄). An infinite ceiling (no GDP given) never binds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Saturation(double demand, double ceiling)
    {
        if (double.IsPositiveInfinity(ceiling) || demand <= 0) return 1;
        double r = demand / ceiling;
        return Math.Pow(1 + r * r * r * r, -0.25);
    }

    /// <summary>(C2) <see cref="Saturation(double, double)"/> of every member: a country's, once for all its firms.</summary>
    public static void Saturation(ReadOnlySpan<double> demand, ReadOnlySpan<double> ceiling, Span<double> saturation)
    {
        for (int m = 0; m < saturation.Length; m++) saturation[m] = Saturation(demand[m], ceiling[m]);
    }

    /// <summary>
    /// (C3) Spend goes to the channels in order of efficiency per dollar (η/price), each up to its
    /// spending cap; ties keep the fixed channel order. Writes H100e added per channel into
    /// <paramref name="added"/> and returns the money left unspent (no channel could take it).
    /// </summary>
    /// <param name="efficiency">η_k, H100e per chip; 0 closes a channel.</param>
    /// <param name="price">price_k relative to an H100 (vouchers already applied).</param>
    /// <param name="spendCap">most M$ the channel can take this month (∞ for none).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AllocateChannels(double spend, double q, ReadOnlySpan<double> efficiency, ReadOnlySpan<double> price,
        ReadOnlySpan<double> spendCap, Span<double> added)
    {
        // Common case: the frontier channel is open and no channel beats it per dollar (inlined into the firm step;
        // the ordering below is a call of its own, since a method with stackalloc is not inlined).
        if (efficiency[0] > 0 && spendCap[0] >= spend)
        {
            double best = efficiency[0] / price[0];
            bool beaten = false;
            for (int k = 1; k < FirmState.Channels; k++)
                beaten |= efficiency[k] > 0 && spendCap[k] > 0 && efficiency[k] / price[k] > best;
            if (!beaten)
            {
                added.Clear();
                added[0] = spend * q * best;
                return 0;
            }
        }
        return AllocateInOrder(spend, q, efficiency, price, spendCap, added);
    }

    /// <summary>(C3) The general case of <see cref="AllocateChannels"/>: the channels sorted by efficiency per dollar.</summary>
    private static double AllocateInOrder(double spend, double q, ReadOnlySpan<double> efficiency, ReadOnlySpan<double> price,
        ReadOnlySpan<double> spendCap, Span<double> added)
    {
        Span<int> order = stackalloc int[FirmState.Channels];
        Span<double> value = stackalloc double[FirmState.Channels];
        for (int k = 0; k < FirmState.Channels; k++)
        {
            order[k] = k;
            value[k] = efficiency[k] > 0 && spendCap[k] > 0 ? efficiency[k] / price[k] : 0;
            added[k] = 0;
        }
        // Insertion sort of four: stable, so ties keep channel order.
        for (int i = 1; i < order.Length; i++)
        {
            int k = order[i], j = i - 1;
            while (j >= 0 && value[order[j]] < value[k]) { order[j + 1] = order[j]; j--; }
            order[j + 1] = k;
        }
        double left = spend;
        for (int i = 0; i < order.Length && left > 0; i++)
        {
            int k = order[i];
            if (value[k] <= 0) break;
            double take = Math.Min(left, spendCap[k]);
            added[k] = take * q * value[k];
            left -= take;
        }
        return left;
    }

    /// <summary>(C3) Smuggled supply as a share of blocked demand: λ = λ0·exp(−ξ·Enf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SmugglingShare(double baseShare, double elasticity, double enforcement) =>
        baseShare * Math.Exp(-elasticity * enforcement);

    /// <summary>(C4) H(t+1) = (1 − δ_H)·H + ΔH.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Installed(double installed, double depreciation, double added) =>
        (1 - depreciation) * installed + added;

    /// <summary>(C5) Q_D(t+1) = Q_D·(1 + g_D + ν_D·Fund_chip/K_fab).</summary>
    public static double DomesticOutput(double output, double growth, double fundResponse, double fund, double fabCapital) =>
        output * (1 + growth + fundResponse * fund / fabCapital);

    /// <summary>(C5) Learning: η_D rises from its start toward its ceiling with cumulative output.</summary>
    public static double DomesticEfficiency(double start, double ceiling, double cumulativeChips, double learningChips) =>
        ceiling <= start ? start : start + (ceiling - start) * (1 - Math.Exp(-cumulativeChips / learningChips));

    /// <summary>(C6) log10 C of a finished run: C = φ·F·Σ_run (u·H), utilisation folded into the stock.</summary>
    public static double RunLogFlop(double frontierShare, double flopPerH100eMonth, double utilisedSum) =>
        Math.Log10(frontierShare * flopPerH100eMonth * utilisedSum);
}
