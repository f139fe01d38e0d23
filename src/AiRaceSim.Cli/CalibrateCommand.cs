using System.Globalization;
using AiRaceSim.Calibration;
using AiRaceSim.Scenarios;
using AiRaceSim.Workflows;
using Spectre.Console;

namespace AiRaceSim.Cli;

public sealed record CalibrateOptions(string Scenario, string? Targets, int? Members, IReadOnlyList<string> Fit, string? Out, int MaxIterations,
    string? Report = null, bool Levers = false, bool Markdown = false);

/// <summary>
/// `airace calibrate`: runs a scenario and checks it against the targets and plausibility bounds of
/// a targets file, and with --levers runs each lever's what-if on the same members and checks the
/// direction it moves the gap (exit 0 only when all hold); with --fit, adjusts the named
/// parameters by Nelder–Mead (on the targets) and writes an overlay scenario that extends the input.
/// </summary>
public static class CalibrateCommand
{
    public static async Task<int> ExecuteAsync(CalibrateOptions o, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        LoadedScenario scenario;
        CheckFile checks;
        string targetsPath = o.Targets ?? Path.Combine(Path.GetDirectoryName(o.Scenario) ?? ".", "targets.yaml");
        try
        {
            scenario = ScenarioLoader.Load(o.Scenario, new ScenarioOverrides(o.Members));
            checks = TargetFile.LoadAll(targetsPath);
        }
        catch (ScenarioException e)
        {
            foreach (var line in e.Lines) stderr.WriteLine(line);
            return ExitCodes.BadInput;
        }
        var targets = checks.Targets;
        var known = new Model.Series.SeriesCatalog(scenario.Spec).Keys.ToHashSet();
        var unknown = targets.Where(t => !known.Contains(new Model.Series.SeriesKey(t.Entity, t.Metric))).ToList();
        foreach (var t in unknown) stderr.WriteLine($"{targetsPath}: target {t.Id}: the scenario records no series {t.Entity}/{t.Metric}; check the entity id and metric name");
        var outside = targets.Where(t => t.From < scenario.Spec.Start || t.To > scenario.Spec.End).ToList();
        foreach (var t in outside) stderr.WriteLine($"{targetsPath}: target {t.Id}: its months {t.From}..{t.To} are outside the scenario's {scenario.Spec.Start}..{scenario.Spec.End}");
        if (unknown.Count + outside.Count > 0) return ExitCodes.BadInput;
        if (o.Levers && o.Fit.Count > 0)
        {
            stderr.WriteLine("airace: --levers with --fit: the what-ifs extend the scenario as written, not the fitted overlay, so they would be paired with "
                + "members of another scenario; fit first, then calibrate the overlay's what-ifs against it (or the fitted baseline) with --levers");
            return ExitCodes.BadInput;
        }
        List<(Lever Lever, LoadedScenario WhatIf)>? whatIfs = null;
        if (o.Levers)
        {
            whatIfs = LeverInputs.Load(o.Members, scenario, checks, targetsPath, known, stderr);
            if (whatIfs is null) return ExitCodes.BadInput;
        }
        if (o.Report is { } reported && o.Fit.Count > 0)
        {
            stderr.WriteLine($"airace: --report '{reported}' with --fit: the folder holds a run of the unfitted scenario, and the fit's results would be filed under it; "
                + "fit first, run the overlay it writes (airace run), then calibrate the overlay with --report into that run's folder");
            return ExitCodes.BadInput;
        }
        if (o.Report is { } folder && CalibrationReport.Problem(folder, scenario) is { } problem)
        {
            stderr.WriteLine($"airace: --report '{folder}' {problem}");
            return ExitCodes.BadInput;
        }

        int members = scenario.Members, block = scenario.BlockSize;
        try
        {
            if (o.Fit.Count > 0)
            {
                var start = o.Fit.Select(p => (p, ParameterPaths.Read(scenario.ResolvedJson, p))).ToList();
                var fitted = await FitAsync(o, scenario, targets, start, stderr, cancellation);
                if (fitted is null) return ExitCodes.BadInput;
                scenario = fitted.Value.Scenario;
                stdout.WriteLine($"fitted {string.Join(", ", fitted.Value.Fit.Values.Select(v => $"{v.Path} = {v.Value.ToString("G6", CultureInfo.InvariantCulture)}"))}");
                stdout.WriteLine($"loss {fitted.Value.Fit.Loss.ToString("G4", CultureInfo.InvariantCulture)} after {fitted.Value.Fit.Evaluations} runs{(fitted.Value.Fit.Converged ? "" : " (not converged)")}; wrote {fitted.Value.Path}");
            }
            var spec = scenario.Spec;
            var needs = TargetEvaluator.Needs(targets).Concat(BoundEvaluator.Needs(checks.Bounds, spec))
                .Concat(whatIfs?.Select(w => w.Lever.Series) ?? []).Distinct().ToList();
            var series = await TargetRun.RunAsync(spec, needs, members, block, cancellation);
            var results = TargetEvaluator.Evaluate(targets, series);
            var bounds = BoundEvaluator.Evaluate(checks.Bounds, series, spec, scenario.Now);
            List<LeverResult>? levers = null;
            if (whatIfs is not null)
            {
                levers = [];
                foreach (var (lever, whatIf) in whatIfs)
                    levers.Add(await Task.Run(() => LeverRun.Evaluate(lever, scenario, o.Scenario, series, whatIf, cancellation), cancellation));
            }
            CalibrationTables.Write(stdout, scenario, results, bounds, levers, o.Markdown);
            if (o.Report is { } report)
            {
                CalibrationReport.Write(report, targetsPath, members, results);
                stdout.WriteLine($"wrote {Reports.Data.CalibrationFile.Name} and rebuilt {Reports.RunReport.Html} in {report}");
            }
            return results.All(r => r.Passed) && bounds.All(b => b.Passed) && (levers ?? []).All(l => l.Passed) ? ExitCodes.Ok : ExitCodes.Failure;
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"airace: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("airace: calibration cancelled.");
            return ExitCodes.Failure;
        }
    }

    private static async Task<(LoadedScenario Scenario, FitResult Fit, string Path)?> FitAsync(CalibrateOptions o, LoadedScenario scenario,
        IReadOnlyList<Target> targets, List<(string Path, double Start)> start, TextWriter stderr, CancellationToken cancellation)
    {
        var input = Path.GetFullPath(o.Scenario);
        string output = Path.GetFullPath(o.Out ?? Path.Combine(Path.GetDirectoryName(input)!, Path.GetFileNameWithoutExtension(input) + ".fitted.yaml"));
        if (!Directory.Exists(Path.GetDirectoryName(output)) || Directory.Exists(output))
        {
            stderr.WriteLine($"airace: --out '{o.Out}' must name a file in an existing folder");
            return null;
        }
        string Overlay(IReadOnlyList<(string Path, double Value)> values, string note) => ParameterPaths.Overlay(
            Path.GetRelativePath(Path.GetDirectoryName(output)!, input).Replace('\\', '/'), scenario.Name + "-fitted", values, note);
        var template = ScenarioTemplate.Load(o.Scenario, new ScenarioOverrides(o.Members));
        var fit = await Task.Run(() => ScenarioFit.Run(template, targets, start, o.MaxIterations,
            new SynchronousProgress<(int Evaluation, double Loss)>(p => stderr.WriteLine($"airace: fit run {p.Evaluation}, best loss {p.Loss.ToString("G4", CultureInfo.InvariantCulture)}")),
            cancellation), cancellation);
        var note = $"Fitted by `airace calibrate {Path.GetFileName(input)} --fit {string.Join(',', start.Select(s => s.Path))}` against {Path.GetFileName(o.Targets ?? "targets.yaml")}\n"
            + $"with {Counted.Of(scenario.Members, "member")}; weighted squared miss {fit.Loss.ToString("G4", CultureInfo.InvariantCulture)}{(fit.Converged ? "" : " (Nelder–Mead did not converge)")}.";
        var text = Overlay(fit.Values, note);
        var temporary = output + ".partial";
        await File.WriteAllTextAsync(temporary, text, cancellation);
        File.Move(temporary, output, overwrite: true);
        return (ScenarioLoader.Load(output, new ScenarioOverrides(o.Members)), fit, output);
    }
}
