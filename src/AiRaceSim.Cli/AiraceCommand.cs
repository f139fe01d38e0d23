using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace AiRaceSim.Cli;

/// <summary>The `airace` command line: run, validate, schema. Usable in-process (tests) with any writers.</summary>
public static class AiraceCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        var root = Build(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine($"airace: {error.Message}");
            stderr.WriteLine("airace: see 'airace --help'.");
            return ExitCodes.BadInput;
        }
        try
        {
            // Signals are handled by StopSignals (Program), which also removes partial output.
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout, Error = stderr, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false,
            }, cancellation);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("airace: stopped; nothing was written.");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever a command did not handle (a NaN in calibrate, say) still reads as a message.
            stderr.WriteLine(RunFailure.Describe(e));
            return ExitCodes.Failure;
        }
    }

    /// <summary>What the command line says of <paramref name="args"/> without running them (empty: they parse); for checking files that hold airace commands (docker-compose.yml).</summary>
    public static IReadOnlyList<string> ParseErrors(string[] args) =>
        Build(TextWriter.Null, TextWriter.Null).Parse(args).Errors.Select(e => e.Message).ToList();

    private static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var runScenario = new Argument<string?>("scenario") { Description = "Scenario file (YAML or JSON); none with --resume", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: results/<scenario name>/); replaced as a whole" };
        var members = PositiveInt("--members", $"Ensemble members, at most {Scenarios.Limits.Members} (overrides the scenario's ensemble.members)", Scenarios.Limits.Members);
        var seed = new Option<string?>("--seed") { Description = "Seed, a non-negative integer (overrides the scenario's seed)" };
        seed.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !ulong.TryParse(r.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                r.AddError($"--seed expects a non-negative integer, got '{Scenarios.Excerpt.Of(r.Tokens[0].Value)}'");
        });
        var block = PositiveInt("--block", "Members per world (overrides the scenario's ensemble.block)");
        var format = new Option<string>("--format") { Description = "Per-member series file format; none writes quantiles only", DefaultValueFactory = _ => "csv" };
        format.Validators.Add(r =>
        {
            var formats = Workflows.ScenarioRun.Formats;
            if (r.Tokens.Count == 1 && !formats.Contains(r.Tokens[0].Value))
                r.AddError($"--format expects {string.Join(", ", formats.SkipLast(1))} or {formats[^1]}, got '{Scenarios.Excerpt.Of(r.Tokens[0].Value)}'");
        });
        var verbose = new Option<bool>("--verbose") { Description = "Show Orleans' warnings on stderr" };
        var telemetry = new Option<bool>("--telemetry") { Description = "Export the simulation's and Orleans' metrics to the console" };
        var noReport = new Option<bool>("--no-report") { Description = "Write no charts/ and no report.html" };
        var (cluster, clusterId, serviceId) = SiloCommand.ClusterOptions("--cluster", "Run on a cluster of `airace silo` processes whose membership is in this Redis, HOST:PORT, instead of an embedded silo");
        var checkpoints = new Option<bool>("--checkpoints")
        {
            Description = "Save every world's state at each slice boundary beside the partial output, so an interrupted run goes on with --resume (time and disk: docs/CLUSTER.md)",
        };
        var resume = new Option<string?>("--resume") { Description = "Continue the interrupted --checkpoints run whose --out was this folder, to the same bytes" };
        var run = new Command("run", "Run a scenario on an embedded silo (or a cluster, --cluster) and write its outputs")
        {
            runScenario, output, members, seed, block, format, telemetry, verbose, noReport, cluster, clusterId, serviceId, checkpoints, resume,
        };
        run.Validators.Add(r =>
        {
            bool resuming = r.GetResult(resume) is not null;
            if (!resuming && r.GetValue(runScenario) is null) r.AddError("give a scenario file (or --resume FOLDER to continue an interrupted run)");
            if (!resuming) return;
            // A resumed run is the run that was begun: everything it is comes from its checkpoints.
            var taken = new (string Name, bool Given)[]
            {
                ("a scenario file", r.GetValue(runScenario) is not null), ("--out", r.GetResult(output) is not null),
                ("--members", r.GetResult(members) is not null), ("--seed", r.GetResult(seed) is not null), ("--block", r.GetResult(block) is not null),
                ("--format", r.GetResult(format) is { Implicit: false }), ("--no-report", r.GetResult(noReport) is not null),
                ("--cluster", r.GetResult(cluster) is not null), ("--checkpoints", r.GetResult(checkpoints) is not null),
            };
            foreach (var (name, given) in taken)
                if (given) r.AddError($"--resume takes {name} from the interrupted run's checkpoints; leave {(name.StartsWith('-') ? name : "it")} out");
        });
        run.Validators.Add(r =>
        {
            if (r.GetResult(checkpoints) is not null && r.GetResult(cluster) is not null)
                r.AddError("--checkpoints is for a local run: a cluster's worlds checkpoint to its Redis already (an interrupted cluster run is run again)");
        });
        run.SetAction((parse, cancellation) => RunCommand.ExecuteAsync(new RunOptions(
            parse.GetValue(runScenario) ?? "", parse.GetValue(output), parse.GetValue(members),
            parse.GetValue(seed) is { } s ? ulong.Parse(s, CultureInfo.InvariantCulture) : null,
            parse.GetValue(block), parse.GetValue(format)!, parse.GetValue(telemetry), parse.GetValue(verbose), parse.GetValue(noReport))
        {
            Cluster = parse.GetValue(cluster) is { } redis ? new Silo.ClusterAddress(redis, parse.GetValue(clusterId)!, parse.GetValue(serviceId)!) : null,
            Checkpoints = parse.GetValue(checkpoints), Resume = parse.GetValue(resume),
        }, stdout, stderr, cancellation));

        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Scenario files to check" };
        var validate = new Command("validate", "Check scenario files without running them") { files };
        validate.SetAction(parse => ValidateCommand.Execute(parse.GetValue(files)!, stdout, stderr));

        var experimentSchema = new Option<bool>("--experiment") { Description = "The schema of experiment files instead (experiments/schema.json)" };
        var schema = new Command("schema", "Print the JSON Schema of scenario files (scenarios/schema.json)") { experimentSchema };
        schema.SetAction(parse =>
        {
            stdout.WriteLine(parse.GetValue(experimentSchema) ? AiRaceSim.Scenarios.ExperimentSchema.Json() : AiRaceSim.Scenarios.ScenarioSchema.Json());
            return ExitCodes.Ok;
        });

        var calibrateScenario = new Argument<string>("scenario") { Description = "Scenario file to check (and fit)" };
        var targets = new Option<string?>("--targets") { Description = "Targets file (default: targets.yaml beside the scenario)" };
        var calibrateMembers = PositiveInt("--members", "Ensemble members (overrides the scenario's ensemble.members)", Scenarios.Limits.Members);
        var fit = new Option<string[]>("--fit")
        {
            Description = "Parameters to fit, as dotted paths: parameters.x, countries.CN.patents.propensity, firms.openai.funding.musd_per_month",
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        };
        var fitOut = new Option<string?>("--out", "-o") { Description = "Where --fit writes its overlay (default: <scenario>.fitted.yaml beside it)" };
        var iterations = PositiveInt("--max-iterations", "Most Nelder–Mead iterations for --fit (default 200)");
        var calibrateReport = new Option<string?>("--report") { Description = "A run folder of the same scenario: add the calibration table to its report.html" };
        var levers = new Option<bool>("--levers")
        {
            Description = "Also run each lever's what-if of the targets file on the same seed and members, and check which way it moves the gap",
        };
        var calibrateMarkdown = new Option<bool>("--markdown") { Description = "Print the tables in Markdown, unwrapped (as in docs/CALIBRATION.md)" };
        var calibrate = new Command("calibrate", "Check a scenario against calibration targets and plausibility bounds (with --levers, lever directions); with --fit, fit parameters to the targets")
        {
            calibrateScenario, targets, calibrateMembers, fit, fitOut, iterations, calibrateReport, levers, calibrateMarkdown,
        };
        calibrate.SetAction((parse, cancellation) => CalibrateCommand.ExecuteAsync(new CalibrateOptions(
            parse.GetValue(calibrateScenario)!, parse.GetValue(targets), parse.GetValue(calibrateMembers), parse.GetValue(fit) ?? [],
            parse.GetValue(fitOut), parse.GetValue(iterations) ?? 200, parse.GetValue(calibrateReport), parse.GetValue(levers),
            parse.GetValue(calibrateMarkdown)), stdout, stderr, cancellation));

        var compareFiles = new Argument<string[]>("scenarios") { Arity = ArgumentArity.OneOrMore, Description = "Scenarios to compare; the first is the reference" };
        var pair = new Option<string>("--pair") { Description = "The gap to compare, FOLLOWER-LEADER", DefaultValueFactory = _ => "CN-US" };
        var at = new Option<string[]>("--at")
        {
            Description = "Months to compare, comma-separated (default 2026-01,2030-01)",
            DefaultValueFactory = _ => ["2026-01", "2030-01"],
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        };
        var compareMembers = PositiveInt("--members", "Ensemble members for every scenario (overrides their ensemble.members)", Scenarios.Limits.Members);
        var markdown = new Option<bool>("--markdown") { Description = "Print a Markdown table (as in docs/CALIBRATION.md)" };
        var gapMetric = new Option<string>("--metric") { Description = "capability_gap_months or compute_gap_months", DefaultValueFactory = _ => "capability_gap_months" };
        var compareReport = new Option<string?>("--report") { Description = "Also write a report folder: report.html and the gap over time of every scenario (charts/)" };
        var paired = new Option<bool>("--paired") { Description = "Also compare member by member on the first scenario's seed: median differences with paired intervals" };
        var compare = new Command("compare", "Compare the gap of a country pair across scenarios at chosen months")
        {
            compareFiles, pair, at, compareMembers, markdown, gapMetric, compareReport, paired,
        };
        compare.SetAction((parse, cancellation) => CompareCommand.ExecuteAsync(new CompareOptions(
            parse.GetValue(compareFiles)!, parse.GetValue(pair)!, parse.GetValue(at)!, parse.GetValue(compareMembers),
            parse.GetValue(markdown), parse.GetValue(gapMetric)!, parse.GetValue(compareReport), parse.GetValue(paired)), stdout, stderr, cancellation));

        var reportFolder = new Argument<string>("folder") { Description = "Output folder of an `airace run`" };
        var report = new Command("report", "Rebuild a run folder's charts and report.html from its files") { reportFolder };
        report.SetAction(parse => ReportCommand.Execute(parse.GetValue(reportFolder)!, stdout, stderr));

        var experimentFile = new Argument<string>("file") { Description = "Experiment file (YAML): a scenario, factors, a design, outcomes and analyses (docs/EXPERIMENTS.md)" };
        var experimentOut = new Option<string?>("--out", "-o") { Description = "Output folder (default: results/<experiment name>/); replaced as a whole" };
        var (experimentCluster, experimentClusterId, experimentServiceId) = SiloCommand.ClusterOptions("--cluster",
            "Run the design's points on a cluster of `airace silo` processes whose membership is in this Redis, HOST:PORT (default: in this process)");
        var experiment = new Command("experiment", "Run an experiment: a design over scenario factors, then Sobol, Morris or PRIM on its outcomes")
        {
            experimentFile, experimentOut, experimentCluster, experimentClusterId, experimentServiceId,
        };
        experiment.SetAction((parse, cancellation) => ExperimentCommand.ExecuteAsync(parse.GetValue(experimentFile)!, parse.GetValue(experimentOut), stdout, stderr, cancellation,
            parse.GetValue(experimentCluster) is { } redis ? new Silo.ClusterAddress(redis, parse.GetValue(experimentClusterId)!, parse.GetValue(experimentServiceId)!) : null));

        return new RootCommand("airace: the US–China AI race simulation") { run, validate, schema, calibrate, compare, report, experiment, GapCommand.Build(stdout, stderr), SiloCommand.Build(stdout, stderr), ServeCommand.Build(stdout, stderr) };
    }

    /// <summary>An integer option in 1..most whose bad values are parse errors (exit 2), never exceptions.</summary>
    private static Option<int?> PositiveInt(string name, string description, int most = int.MaxValue)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count != 1) return;
            var text = r.Tokens[0].Value;
            bool number = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n);
            if (!number || n < 1)
                r.AddError($"{name} expects a whole number ≥ 1, got '{Scenarios.Excerpt.Of(text)}'");
            else if (n > most)
                r.AddError($"{name} {n} is more than {most.ToString(CultureInfo.InvariantCulture)}, the most one run takes; use fewer (or several runs with other seeds)");
        });
        return option;
    }
}
