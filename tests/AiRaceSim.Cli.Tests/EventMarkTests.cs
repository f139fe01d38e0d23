using AiRaceSim.Model.Time;
using AiRaceSim.Reports.Charts;

namespace AiRaceSim.Cli.Tests;

/// <summary>Rule firings read from a constructed median: one firing is one mark, however many months the median takes to rise.</summary>
public sealed class EventMarkTests
{
    private static readonly Month Start = Month.Of(2025, 1);

    /// <summary>The median of members' values at each month; with an even number it averages the two middle ones.</summary>
    private static double[] Median(params int[][] members) => Enumerable.Range(0, members[0].Length).Select(t =>
    {
        var v = members.Select(m => (double)m[t]).Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }).ToArray();

    [Fact]
    public void With_an_even_number_of_members_one_firing_is_one_mark_at_the_new_plateau()
    {
        // Four members whose support rule fires once a year, two of them a month later than the others:
        // the median rises half a step in 2026-01 and the other half in 2026-02, again in 2027-01 and 2027-02.
        int[] Fires(int month, int months = 30) => Enumerable.Range(0, months).Select(t => (t >= 12 + month ? 1 : 0) + (t >= 24 + month ? 1 : 0)).ToArray();
        var median = Median(Fires(0), Fires(0), Fires(1), Fires(1));
        Assert.Equal([0, 0.5, 1], new[] { median[11], median[12], median[13] });
        var firings = EventMarks.Firings(median, Start, new HashSet<Month>());
        Assert.Equal([(Month.Of(2026, 1), Month.Of(2026, 2)), (Month.Of(2027, 1), Month.Of(2027, 2))], firings);
    }

    [Fact]
    public void Rises_apart_are_separate_firings_and_a_scheduled_month_explains_its_rise()
    {
        double[] median = [0, 1, 1, 2, 3, 3, 4];
        // 2025-02: a firing; 2025-04..05: one rising run; 2025-07: scheduled, so no firing.
        var firings = EventMarks.Firings(median, Start, new HashSet<Month> { Month.Of(2025, 7) });
        Assert.Equal([(Month.Of(2025, 2), Month.Of(2025, 2)), (Month.Of(2025, 4), Month.Of(2025, 5))], firings);
    }
}
