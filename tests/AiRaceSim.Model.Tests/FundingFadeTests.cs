using AiRaceSim.Model.Parameters;
using AiRaceSim.Model.Random;
using AiRaceSim.Model.Time;

namespace AiRaceSim.Model.Tests;

/// <summary>C2 (v2): an open-ended growth rate fades towards g_∞ with its half-life, in logs.</summary>
public class FundingFadeTests
{
    private static readonly Month Start = Month.Of(2020, 1);

    private static FundingDraws Draws(GrowthFade? fade) =>
        new(new FundingSchedule(new Fixed(100), Start, [(Start, new Fixed(3))]) { Fade = fade }, new MemberDraws(7, 0, 2, false), 11, 140);

    [Fact]
    public void After_one_half_life_the_yearly_growth_is_halfway_in_logs()
    {
        var draws = Draws(new GrowthFade(1.15, 24));
        // ln g(24) = ln 1.15 + (ln 3 − ln 1.15)/2, so g = √(3 · 1.15) = 1.8574…
        Assert.Equal(Math.Sqrt(3 * 1.15), Math.Pow(draws.MonthlyFactors(Start + 24)[0], 12), 12);
        Assert.Equal(3.0, Math.Pow(draws.MonthlyFactors(Start)[1], 12), 12);                       // no fade yet at the segment's start
        Assert.Equal(1.15 * Math.Pow(3 / 1.15, 0.125), Math.Pow(draws.MonthlyFactors(Start + 72)[0], 12), 12); // three half-lives: 1/8 of the way left
    }

    [Fact]
    public void The_level_carries_the_faded_growth_month_by_month()
    {
        var draws = Draws(new GrowthFade(1.15, 24));
        var level = new double[2];
        draws.LevelAt(Start + 36, level);
        double log = 0;
        for (int k = 0; k < 36; k++)
            log += Math.Log(1.15) / 12 + (Math.Log(3) - Math.Log(1.15)) / 12 * Math.Pow(2, -k / 24.0);
        Assert.Equal(100 * Math.Exp(log), level[0], 9);
        // Without a fade: 3× a year for three years.
        Draws(null).LevelAt(Start + 36, level);
        Assert.Equal(100 * 27, level[1], 9);
    }
}
