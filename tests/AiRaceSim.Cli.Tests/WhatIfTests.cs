using System.Reflection;
using AiRaceSim.Calibration;
using AiRaceSim.Model.Series;
using AiRaceSim.Model.Time;
using static AiRaceSim.Cli.Tests.WhatIfAssert;

namespace AiRaceSim.Cli.Tests;

/// <summary>
/// Each what-if of scenarios/what-if/ extends the baseline and changes one thing: its test checks
/// that the change takes effect (the series it must move moves from its month, the stated way)
/// and that the months before it are the baseline's. Expected values are the scenario files' own
/// numbers. 8 members, the same seed as the baseline (common random numbers).
/// </summary>
[Collection(WhatIfCollection.Name)]
public sealed class WhatIfTests(WhatIfRuns runs)
{
    private static readonly SeriesKey Tier = new("CN", "export_control_tier");
    private static readonly SeriesKey Gap = new("CN-US", "capability_gap_months");

    private WhatIfRun B => runs.Baseline;

    [Fact]
    public void Every_what_if_file_has_a_test()
    {
        var tested = typeof(WhatIfTests).GetMethods().Select(m => m.GetCustomAttribute<WhatIfAttribute>()?.Name).OfType<string>().ToList();
        Assert.Equal(tested.Count, tested.Distinct().Count());
        var untested = WhatIfRuns.Names.Except(tested).ToList();
        Assert.True(untested.Count == 0, $"scenarios/what-if/ holds what-ifs without a test in WhatIfTests: {string.Join(", ", untested)} (expected a [WhatIf(\"name\")] test for each file)");
        var gone = tested.Except(WhatIfRuns.Names).ToList();
        Assert.True(gone.Count == 0, $"WhatIfTests tests what-ifs that are not in scenarios/what-if/: {string.Join(", ", gone)}");
    }

    [Fact, WhatIf("no-export-controls")]
    public void No_export_controls_leaves_China_uncontrolled_with_more_compute_and_a_narrower_gap()
    {
        var w = runs.WhatIf("no-export-controls");
        var bis = M("2022-10");
        IdenticalBefore(w, B, bis, [Tier]);
        Every(B, B, Tier, bis, bis, (x, _) => x >= 1, "the baseline's BIS rule of 2022-10 to set tier ≥ 1 (else this test checks nothing)");
        Every(w, B, Tier, bis, B.Spec.End, (x, _) => x == 0, "tier 0 in every month: no BIS rule, no H20 licence and no us-tightens rule");
        Every(w, B, new("CN", "enforcement"), bis, B.Spec.End, (x, _) => x == 0, "enforcement 0: bis-2024-12 and diffusion-rule are disabled");
        Every(w, B, new("CN", "compute_installed"), M("2023-01"), M("2025-12"), (x, y) => x > y, "more Chinese compute than the baseline once the controls would have bitten");
        Every(w, B, new("CN", "largest_run_log_flop"), M("2025-12"), M("2025-12"), (x, y) => x > y, "a larger largest Chinese run than the baseline's by 2025-12");
        double change = PairedMedian(w, B, Gap, M("2030-01"));
        Assert.True(change < 0, $"{w.Name}: the median member's CN-US capability gap at 2030-01 moved by {Show(change)} months; expected it narrower than the baseline's (L1)");
    }

    [Fact, WhatIf("no-open-weights")]
    public void No_open_weights_leaves_no_open_capability_and_widens_the_gap()
    {
        var w = runs.WhatIf("no-open-weights");
        var llama = M("2023-02");
        IdenticalBefore(w, B, llama, [new("US", "open_capability"), new("CN", "open_capability")]);
        var us = new SeriesKey("US", "open_capability");
        var cn = new SeriesKey("CN", "open_capability");
        Every(B, B, us, llama, B.Spec.End, (y, _) => !double.IsNaN(y), "the baseline to have a US open-weights model (LLaMA) from 2023-02 (else this test checks nothing)");
        Some(B, B, cn, llama, B.Spec.End, (y, _) => !double.IsNaN(y), "the baseline to have a Chinese open-weights model (Yi, Qwen, DeepSeek)");
        Every(w, B, us, B.Spec.Start, B.Spec.End, (x, _) => double.IsNaN(x), "no US open-weights model: llama disabled (empty)");
        Every(w, B, cn, B.Spec.Start, B.Spec.End, (x, _) => double.IsNaN(x), "no Chinese open-weights model: qwen-open disabled, deepseek and 01-ai closed (empty)");
        // No open model anywhere: every other country's too (Mistral in the EU).
        foreach (var country in new[] { "KR", "JP", "IN", "UK", "EU" })
            Every(w, B, new SeriesKey(country, "open_capability"), B.Spec.Start, B.Spec.End, (x, _) => double.IsNaN(x), $"no open-weights model in {country}");
        double change = PairedMedian(w, B, Gap, M("2030-01"));
        Assert.True(change > 0, $"{w.Name}: the median member's CN-US capability gap at 2030-01 moved by {Show(change)} months; expected it wider than the baseline's (L2)");
    }

    [Fact, WhatIf("no-api-block")]
    public void No_api_block_keeps_OpenAI_in_reach_of_Chinese_labs_from_2024_07()
    {
        var w = runs.WhatIf("no-api-block");
        var block = M("2024-07");
        IdenticalBefore(w, B, block, [new("openai@CN", "market_share"), new("CN", "capability")]);
        // Under CAC licensing (2023-08) OpenAI, an unlicensed foreign model, has no appeal in the
        // Chinese market (M3), in either run: its share cannot fall below the baseline's, and the
        // block acts through API access, the distillation of Chinese labs from OpenAI (K4).
        Every(w, B, new("openai@CN", "market_share"), block, B.Spec.End, (x, y) => x >= y, "OpenAI's share of the Chinese market at least the baseline's without the block");
        Every(w, B, new("CN", "capability"), block, block, (x, y) => x >= y, "a Chinese frontier at least the baseline's in the month of the (absent) block: full API access to distil from");
        Some(w, B, new("CN", "capability"), block, block, (x, y) => x > y, "a higher Chinese frontier than the baseline's in 2024-07 in some member");
        Every(w, B, Gap, block, block, (x, y) => x <= y, "a CN-US capability gap no wider than the baseline's in 2024-07");
    }

    [Fact, WhatIf("cn-subsidy-surge")]
    public void Cn_subsidy_surge_adds_500_of_support_and_800_of_chip_fund_from_2023_01()
    {
        var w = runs.WhatIf("cn-subsidy-surge");
        var surge = M("2023-01");
        IdenticalBefore(w, B, surge, [new("CN", "support"), new("CN", "domestic_chip_output")]);
        // The file's numbers: +500 M$/month of support on every baseline step, until the cn-support
        // rule (from 2026-01) scales support by its own path.
        Every(w, B, new("CN", "support"), surge, M("2025-12"), (x, y) => x == y + 500, "the baseline's support + 500 M$/month in every month 2023-01..2025-12");
        // C5: Q_D(t+1) = Q_D·(1 + g_D + ν_D·Fund/K_fab), so a chip fund 800 M$/month above the
        // baseline's (800 vs 0, then Big Fund III 1,200 vs 400 from 2024-05) adds ν_D·800/K_fab to
        // the monthly growth factor, every month.
        var chips = B.Spec.Countries.Single(c => c.Id == "CN").DomesticChips;
        double extra = chips.FundResponse.Central * 800 / chips.FabCapitalMusd.Central;
        Assert.True(extra > 0, $"{w.Name}: the baseline's chip fund response gives no extra growth");
        var output = new SeriesKey("CN", "domestic_chip_output");
        Every(w, B, output, surge, surge, (x, y) => x == y, "the baseline's chip output in 2023-01 (a fund acts from the month after)");
        for (var t = surge; t < B.Spec.End; t += 1)
            for (int m = 0; m < WhatIfRuns.Members; m++)
            {
                double gw = w.Series.At(output, t + 1, m) / w.Series.At(output, t, m), gb = B.Series.At(output, t + 1, m) / B.Series.At(output, t, m);
                Assert.True(Math.Abs(gw - gb - extra) < 1e-9, $"{w.Name}: CN domestic_chip_output grows ×{Show(gw)} from {t} to {t + 1}, member {m}, against the baseline's ×{Show(gb)}; "
                    + $"expected {Show(extra)} more (ν_D·800/K_fab: the surge fund's 800 M$/month above the baseline's)");
            }
    }

    [Fact, WhatIf("domestic-chip-breakthrough")]
    public void Domestic_chip_breakthrough_doubles_output_and_raises_efficiency_from_2025()
    {
        var w = runs.WhatIf("domestic-chip-breakthrough");
        var breakthrough = M("2025-01");
        var efficiency = new SeriesKey("CN", "domestic_chip_efficiency");
        var output = new SeriesKey("CN", "domestic_chip_output");
        // Not bit-identical before 2025-01: the file's faster learning (learning_chips 300,000
        // against the baseline's 600,000) is a country parameter, in force from the start, while
        // the breakthrough event is dated 2025-01. Output does not depend on learning, so it is the
        // baseline's; efficiency is above it by at most (ceiling − start)·max(e^−x − e^−2x) =
        // (0.45 − 0.25)/4 = 0.05 (x = cumulative chips / 600,000; the baseline's ceiling ≤ 0.45).
        Every(w, B, output, B.Spec.Start, breakthrough - 1, (x, y) => x.Equals(y), "the baseline's chip output before the breakthrough");
        Every(w, B, efficiency, B.Spec.Start, breakthrough - 1, (x, y) => x >= y && x <= y + 0.05 + 1e-12, "efficiency between the baseline's and 0.05 above it before 2025-01 (faster learning only)");
        Every(w, B, output, breakthrough, B.Spec.End, (x, y) => Math.Abs(x / y - 2) < 1e-9, "twice the baseline's chip output from 2025-01 (output_scale: 2)");
        Every(w, B, efficiency, breakthrough + 1, B.Spec.End, (x, y) => x > y && x <= 0.8, "efficiency above the baseline's from 2025-02 (ceiling raised to 0.8 in 2025-01) and never above 0.8");
        Every(w, B, efficiency, M("2027-12"), M("2027-12"), (x, _) => x >= 0.75, "efficiency near the file's 0.8 of an H100 by 2027 (≥ 0.75 at 2027-12)");
    }

    [Fact, WhatIf("h20-ban-stays")]
    public void H20_ban_stays_keeps_tier_3_after_2025_07()
    {
        var w = runs.WhatIf("h20-ban-stays");
        var resumes = M("2025-07");
        IdenticalBefore(w, B, resumes, [Tier]);
        Every(B, B, Tier, resumes, resumes, (y, _) => y == 2, "the baseline to return to tier 2 in 2025-07 (h20-resumes), else this test checks nothing");
        Every(w, B, Tier, resumes, B.Spec.End, (x, _) => x == 3, "tier 3 from 2025-07 on: the H20 licence of 2025-04 stays");
    }

    [Fact, WhatIf("reactive-us")]
    public void Reactive_us_tightens_at_least_as_much_as_the_baseline_from_2026()
    {
        var w = runs.WhatIf("reactive-us");
        var now = M("2026-01"); // the rule's `from`, the baseline's now
        IdenticalBefore(w, B, now, [Tier]);
        Every(w, B, Tier, now, B.Spec.End, (x, y) => x >= y, "a tier at least the baseline's: the US tightens whenever the gap is under 9 months, every 3 months at most");
        Some(w, B, Tier, now, B.Spec.End, (x, y) => x > y, "a higher tier than the baseline's");
        double change = PairedMedian(w, B, Gap, M("2030-01"));
        Assert.True(change > 0, $"{w.Name}: the median member's CN-US capability gap at 2030-01 moved by {Show(change)} months; expected it wider than the baseline's (L6)");
    }

    [Fact, WhatIf("noisy-information")]
    public void Noisy_information_changes_what_governments_perceive_from_the_first_months()
    {
        var w = runs.WhatIf("noisy-information");
        var cn = new SeriesKey("CN", "perceived_gap_months");
        var us = new SeriesKey("US", "perceived_gap_months");
        // Perception drives only the threshold rules, which start at now: the rest is the baseline's until then.
        IdenticalBefore(w, B, M("2026-01"), [Tier, new("CN", "support")], k => k.Metric == "perceived_gap_months");
        var first = B.Spec.Start + 1;
        Every(w, B, cn, first, first, (x, y) => x != y, "a Chinese perceived gap unlike the baseline's from the first month (κ 0.15, bias −4, noise 3)");
        Every(B, B, us, B.Spec.Start, B.Spec.End, (y, _) => double.IsNaN(y), "no US perception in the baseline");
        Every(w, B, us, first, B.Spec.End, (x, _) => !double.IsNaN(x), "a US perceived gap in every month");
        // The biases: China thinks itself 4 months closer, the US China 3 months further behind.
        var (from, to) = (M("2018-01"), M("2025-12"));
        double cnBias = Quantiles.Median(Enumerable.Range(0, WhatIfRuns.Members).Select(m => Mean(from, to, t => w.Series.At(cn, t, m) - B.Series.At(cn, t, m))));
        Assert.True(cnBias < 0, $"{w.Name}: the median member's Chinese perceived gap is {Show(cnBias)} months from the baseline's on average 2018–2025; expected below it (bias −4)");
        double usBias = Quantiles.Median(Enumerable.Range(0, WhatIfRuns.Members).Select(m => Mean(from, to, t => w.Series.At(us, t, m) - w.Series.At(Gap, t, m))));
        Assert.True(usBias > 0, $"{w.Name}: the median member's US perceived gap is {Show(usBias)} months from the measured gap on average 2018–2025; expected above it (bias +3)");
    }

    private static double Mean(Month from, Month to, Func<Month, double> f)
    {
        double sum = 0;
        int n = 0;
        for (var t = from; t <= to; t += 1) { sum += f(t); n++; }
        return sum / n;
    }
}
