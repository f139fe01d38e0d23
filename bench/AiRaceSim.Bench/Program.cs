using System.Diagnostics;
using System.Globalization;
using AiRaceSim.Bench;
using AiRaceSim.Client;
using AiRaceSim.Model.Series;
using AiRaceSim.Ensembles;
using AiRaceSim.Scenarios;
using AiRaceSim.Silo;

// Throughput of the bare kernel against the same workload through grains (embedded silo): the one
// ensemble driver on its in-process backend and on its grain backend.
// Usage: dotnet run -c Release --project bench/AiRaceSim.Bench -- [members=2000] [block=250] [repeats=3] [kernel|grains|both]
//        [scenario file: the synthetic BenchWorld when not given, e.g. scenarios/baseline.yaml for the baseline itself]
// Or: ... -- firms [members=100] [firm counts=20,100,250,500,1000] [repeats=2]: how cost grows with firms (FirmScaling).
if (args.Length > 0 && args[0] == "firms") { await FirmScaling.RunAsync(args[1..]); return; }
int members = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
int block = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 250;
int repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
string only = args.Length > 3 ? args[3] : "both"; // "kernel" or "grains" to time one path (for profiling)
var spec = args.Length > 4 ? ScenarioLoader.Load(args[4]).Spec : BenchWorld.Create();
string[] metrics = ["capability_gap_months", "capability"];
var catalog = new SeriesCatalog(spec, metrics);
int blocks = (members + block - 1) / block;
double firmMemberMonths = (double)members * spec.Months * spec.Firms.Count;
// Firms that enter later (the baseline's) step only from their entry: the ns are also given per firm that has entered
// (exits, which the baseline has none of, are not counted out).
double enteredFirmMonths = spec.Firms.Sum(f => (double)Math.Max(0, spec.End - f.EntryMonth(spec.Start) + 1));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"workload: {spec.Firms.Count} firms ({enteredFirmMonths / spec.Months:F1} entered on average over the months), {spec.Countries.Count} countries, {spec.Months} months, {members} members in {blocks} blocks of {block}; recording {catalog.Keys.Count} series; {Environment.ProcessorCount} cores"));

var collections = new Dictionary<string, (int Gen0, int Gen1, int Gen2)>();
(int, int, int) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
(int, int, int) Since((int A, int B, int C) before) { var (a, b, c) = Collections(); return (a - before.A, b - before.B, c - before.C); }
double Kernel()
{
    var gcBefore = Collections();
    var clock = Stopwatch.StartNew();
    new EnsembleDriver(new InProcessBackend()) { ReusesSlices = true }.RunAsync(Request(), _ => ValueTask.CompletedTask).GetAwaiter().GetResult();
    double seconds = clock.Elapsed.TotalSeconds;
    collections["bare kernel"] = Since(gcBefore);
    return seconds;
}

await using var host = await SimulationHost.StartAsync(new HostOptions());
var runner = new EnsembleDriver(new GrainBackend(host.Grains)) { ReusesSlices = true };
RunRequest Request() => new(spec, members, block) { Metrics = metrics };
async Task<double> Grains()
{
    var gcBefore = Collections();
    var clock = Stopwatch.StartNew();
    await runner.RunAsync(Request(), _ => ValueTask.CompletedTask);
    double seconds = clock.Elapsed.TotalSeconds;
    collections["through grains"] = Since(gcBefore);
    return seconds;
}

if (only != "grains") Kernel();
if (only != "kernel") await Grains(); // warm-up: JIT and silo
var kernel = new List<double>();
var grains = new List<double>();
for (int r = 0; r < repeats; r++)
{
    if (only != "grains") kernel.Add(Kernel());
    if (only != "kernel") grains.Add(await Grains());
}
if (kernel.Count == 0) kernel.Add(double.NaN);
if (grains.Count == 0) grains.Add(double.NaN);
double k = Median(kernel), g = Median(grains);
string Row(string path, double s) => string.Create(CultureInfo.InvariantCulture,
    $"| {path} | {s:F2} s | {members * spec.Months / s:N0} | {s * 1e9 / firmMemberMonths * Environment.ProcessorCount:F0} ns | {s * 1e9 / (members * enteredFirmMonths) * Environment.ProcessorCount:F0} ns | {collections.GetValueOrDefault(path)} |");
Console.WriteLine("| path | median wall time | member-months/s | ns per firm-member-month per core | the same per entered firm | GCs gen 0, 1, 2 (last run) |");
Console.WriteLine("|---|---|---|---|---|---|");
Console.WriteLine(Row("bare kernel", k));
Console.WriteLine(Row("through grains", g));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grains reach {k / g:P0} of the bare kernel's throughput"));

static double Median(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }
