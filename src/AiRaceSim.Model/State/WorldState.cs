using AiRaceSim.Model.Gaps;
using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.State;

/// <summary>
/// The world of one block: frontier histories (<see cref="MemberHistory"/>: the months a gap may still read), the
/// pairs whose gaps are measured, per-firm gaps, market shares, and the view shown to firms next month.
/// </summary>
public sealed class WorldState
{
    public readonly WorldSpec Spec;
    public readonly int Members, Months;
    /// <summary>Ensemble index of the block's first member (for messages).</summary>
    public readonly long FirstMember;
    /// <summary>Months aggregated so far (the next month to step is Start + MonthsDone).</summary>
    public int MonthsDone { get; internal set; }

    public readonly MemberHistory[] CountryFrontier, CountryComputeFrontier;
    public readonly MemberHistory WorldFrontier, WorldComputeFrontier;
    /// <summary>
    /// Best published algorithmic efficiency â: slot 0 is the start state, slot k+1 month k, kept in a ring of the
    /// L_pub slots the lagged view can still read (<see cref="PublishedSlot"/>), not one a month.
    /// </summary>
    internal readonly double[][] BestPublished;
    public readonly PreStartHistory?[] CountryHistory;

    public readonly GapBoard Gaps;
    /// <summary>Country indices of each measured pair (<see cref="GapBoard.Pairs"/>): follower, leader.</summary>
    [NotState] internal readonly (int Follower, int Leader)[] PairCountries;
    public readonly GapFlag[][] CapabilityGapFlag, ComputeGapFlag;
    internal readonly int[][] PairHints; // per pair: leader and follower hints, capability then compute
    public readonly double[][] FirmGap, FirmComputeGap;
    internal readonly int[][] FirmHints;
    /// <summary>
    /// Per firm, capability then compute: the level of the last gap measured and its crossing τ* (NaN: none to reuse).
    /// Not part of a checkpoint: a restored world measures afresh and finds the same τ*.
    /// </summary>
    [NotState] internal readonly double[][] FirmGapLevel, FirmGapCrossing;
    /// <summary>Market shares [country][firm][member] of the last month.</summary>
    public readonly double[][][] Shares;
    public readonly WorldView View;
    /// <summary>Scratch for the market step: exp(β(K − K_world)) per firm, and a per-member sum.</summary>
    [NotState] internal readonly double[][] Strength;
    [NotState] internal readonly double[] MarketTotal;
    /// <summary>B_c per country: the unscaled budgets of its firms last month (C2 saturation, v2).</summary>
    public readonly double[][] NationalDemand;

    public WorldState(WorldSpec spec, int members, long firstMember = 0)
    {
        Spec = spec; Members = members; Months = spec.Months; FirstMember = firstMember;
        int nc = spec.Countries.Count, nf = spec.Firms.Count;
        CountryFrontier = Enumerable.Range(0, nc).Select(_ => new MemberHistory(Months, members)).ToArray();
        CountryComputeFrontier = Enumerable.Range(0, nc).Select(_ => new MemberHistory(Months, members)).ToArray();
        WorldFrontier = new MemberHistory(Months, members); WorldComputeFrontier = new MemberHistory(Months, members);
        BestPublished = Enumerable.Range(0, PublishedSlots(spec)).Select(_ => new double[members]).ToArray(); // each slot filled when written
        CountryHistory = spec.Countries.Select(c => c.HistoryBeforeStart.Count == 0 ? null
            : new PreStartHistory(c.HistoryBeforeStart.Select(h => ((double)(h.Date - spec.Start), h.Level)).ToList())).ToArray();

        Gaps = new GapBoard(MeasuredPairs(spec), members);
        PairCountries = Gaps.Pairs.Select(p => (spec.CountryIndex(p.Of), spec.CountryIndex(p.Behind))).ToArray();
        CapabilityGapFlag = Gaps.Pairs.Select(_ => new GapFlag[members]).ToArray();
        ComputeGapFlag = Gaps.Pairs.Select(_ => new GapFlag[members]).ToArray();
        PairHints = Enumerable.Range(0, Gaps.Pairs.Count * 4).Select(_ => new int[members]).ToArray();
        FirmGap = Enumerable.Range(0, nf).Select(_ => NaN(members)).ToArray();
        FirmComputeGap = Enumerable.Range(0, nf).Select(_ => NaN(members)).ToArray();
        FirmHints = Enumerable.Range(0, nf * 2).Select(_ => new int[members]).ToArray();
        FirmGapLevel = Enumerable.Range(0, nf * 2).Select(_ => NaN(members)).ToArray();
        FirmGapCrossing = Enumerable.Range(0, nf * 2).Select(_ => NaN(members)).ToArray();
        Shares = Enumerable.Range(0, nc).Select(_ => Enumerable.Range(0, nf).Select(_ => new double[members]).ToArray()).ToArray();
        View = new WorldView(nf, nc, members);
        Strength = Enumerable.Range(0, nf).Select(_ => new double[members]).ToArray();
        MarketTotal = new double[members];
        NationalDemand = Enumerable.Range(0, nc).Select(_ => new double[members]).ToArray();
    }

    /// <summary>The scenario's gap pairs plus every pair a rule or a perception reads, without repeats, in that order.</summary>
    public static List<GapPair> MeasuredPairs(WorldSpec spec)
    {
        var pairs = new List<GapPair>();
        void Add(string of, string behind) { var p = new GapPair(of, behind); if (!pairs.Contains(p)) pairs.Add(p); }
        foreach (var p in spec.GapPairs) Add(p.Of, p.Behind);
        foreach (var c in spec.Countries) if (c.Perception is { } p) Add(p.Of, p.Behind);
        foreach (var r in spec.Rules) Add(r.Of, r.Behind);
        return pairs;
    }

    /// <summary>
    /// Slots of â a world keeps: month t's view reads slot max(0, t + 1 − L_pub) once slot t + 1 is written, so the
    /// L_pub slots up to it (one for a lag of 0 or 1; never more than the run has).
    /// </summary>
    public static int PublishedSlots(WorldSpec spec) => Math.Clamp(spec.Parameters.PublicationLagMonths, 1, spec.Months + 1);

    /// <summary>Slot <paramref name="slot"/> of â (0: the start state, k + 1: month k); the ring's older slots are overwritten.</summary>
    public double[] PublishedSlot(int slot) => BestPublished[slot % BestPublished.Length];

    /// <summary>Every frontier history of the world: the countries' capability, their compute, the world's two.</summary>
    public IEnumerable<MemberHistory> Histories =>
        CountryFrontier.Concat(CountryComputeFrontier).Append(WorldFrontier).Append(WorldComputeFrontier);

    public MonthlySeries CountrySeries(int country, int member) => CountryFrontier[country].Series(member);
    public MonthlySeries CountryComputeSeries(int country, int member) => CountryComputeFrontier[country].Series(member);
    public MonthlySeries WorldSeries(int member) => WorldFrontier.Series(member);
    public MonthlySeries WorldComputeSeries(int member) => WorldComputeFrontier.Series(member);

    private static double[] NaN(int n) { var a = new double[n]; Array.Fill(a, double.NaN); return a; }
}
