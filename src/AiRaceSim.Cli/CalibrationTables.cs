using System.Globalization;
using AiRaceSim.Calibration;
using AiRaceSim.Scenarios;
using Spectre.Console;

namespace AiRaceSim.Cli;

/// <summary>`airace calibrate`'s tables: targets, bounds and levers, each with pass or miss and why.</summary>
public static class CalibrationTables
{
    public static void Write(TextWriter stdout, LoadedScenario scenario, IReadOnlyList<TargetResult> targets, IReadOnlyList<BoundResult> bounds,
        IReadOnlyList<LeverResult>? levers, bool markdown = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        // Markdown: one unwrapped line per row (docs/CALIBRATION.md pastes them); else a table for a terminal.
        console.Profile.Width = markdown ? 4000 : 160;
        var border = markdown ? TableBorder.Markdown : TableBorder.Ascii;
        bool ensemble = scenario.Members > 1;
        var table = new Table().Border(border)
            .Title(Markup.Escape($"{scenario.Name}: {scenario.Members} member{(ensemble ? "s" : "")}, seed {scenario.Spec.Seed}"))
            .AddColumn("target").AddColumn("observed (source)").AddColumn(new TableColumn(Markup.Escape(ensemble ? "model: median [P5–P95]" : "model")).RightAligned())
            .AddColumn(new TableColumn("range").RightAligned()).AddColumn("");
        foreach (var r in targets)
        {
            var t = r.Target;
            string model = ensemble ? $"{t.Format(r.Median)} [{t.Format(r.P05)}–{t.Format(r.P95)}]" : t.Format(r.Median);
            if (t.Share is { } s && !double.IsNaN(r.Share)) model += $"; {Percent(r.Share)} ≤ {t.Format(s.AtMost)}";
            string observed = t.ObservedValue is { } o ? $"{t.Observed} [{t.Format(o)}]" : t.Observed;
            string range = $"{t.Format(t.Low)}–{t.Format(t.High)}" + (t.Share is { } sh ? $"; ≥ {Percent(sh.Least)} ≤ {t.Format(sh.AtMost)}" : "");
            table.AddRow(Markup.Escape($"{t.Id}: {t.What}"), Markup.Escape($"{observed} ({t.Source})"), Markup.Escape(model),
                Markup.Escape(range), Markup.Escape(r.Passed ? "pass" : $"MISS: {r.Why}"));
        }
        console.Write(table);
        stdout.WriteLine($"{targets.Count(r => r.Passed)} of {targets.Count} targets pass.");

        if (bounds.Count > 0)
        {
            var b = new Table().Border(border).Title(Markup.Escape("plausibility bounds: series read as their median over members, month by month; rule firings in every member"))
                .AddColumn("bound").AddColumn("source").AddColumn("found").AddColumn("");
            foreach (var r in bounds)
                b.AddRow(Markup.Escape($"{r.Bound.Id}: {r.Bound.What}"), Markup.Escape(r.Bound.Source), Markup.Escape(r.Finding), r.Passed ? "holds" : "FAILS");
            console.Write(b);
            stdout.WriteLine($"{bounds.Count(r => r.Passed)} of {bounds.Count} bounds hold.");
        }

        if (levers is not null)
        {
            var l = new Table().Border(border)
                .Title(Markup.Escape($"levers: what-if − baseline per member (same seed and members), median and its 90 % bootstrap interval ({Bootstrap.Resamples:N0} resamples)"))
                .AddColumn("lever").AddColumn("what-if").AddColumn("series at").AddColumn("expected")
                .AddColumn(new TableColumn(Markup.Escape("median [90 % interval]")).RightAligned()).AddColumn(new TableColumn("members moved so").RightAligned()).AddColumn("");
            foreach (var r in levers)
            {
                var v = r.Lever;
                string moved = r.Members > 0 ? $"{Percent(r.ShareMoved)} of {r.Members}" : "–";
                l.AddRow(Markup.Escape($"{v.Id}: {v.What}"), Markup.Escape(v.Scenario), Markup.Escape($"{v.Series.Entity}/{v.Series.Metric} {v.At}"),
                    v.Direction == LeverDirection.Narrows ? "narrows" : "widens",
                    Markup.Escape(r.Members > 0 ? $"{Signed(r.Median)} [{Signed(r.Low)}, {Signed(r.High)}]" : "–"), Markup.Escape(moved),
                    Markup.Escape(r.Passed ? "pass" : $"FAIL: {r.Why}"));
            }
            console.Write(l);
            stdout.WriteLine($"{levers.Count(r => r.Passed)} of {levers.Count} levers pass.");
            foreach (var r in levers.Where(r => r.Problem is not null)) stdout.WriteLine($"lever {r.Lever.Id} not judged: {r.Problem}");
        }

        var failing = targets.Where(r => !r.Passed).Select(r => r.Target.Id)
            .Concat(bounds.Where(r => !r.Passed).Select(r => r.Bound.Id))
            .Concat((levers ?? []).Where(r => !r.Passed).Select(r => r.Lever.Id)).ToList();
        if (failing.Count > 0) stdout.WriteLine($"not met: {string.Join(", ", failing)}");
    }

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Signed(double v) => double.IsNaN(v) ? "–" : (v > 0 ? "+" : "") + v.ToString("G3", CultureInfo.InvariantCulture);
}
