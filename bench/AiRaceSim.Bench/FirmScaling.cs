using System.Diagnostics;
using System.Globalization;
using AiRaceSim.Ensembles;
using AiRaceSim.Model.Series;

namespace AiRaceSim.Bench;

/// <summary>
/// How the kernel's cost grows with firms: the synthetic world (<see cref="BenchWorld"/>) with N
/// firms, 264 months, on the ensemble driver's in-process backend, recording capability and gaps
/// (which grow with firms too). Linear growth shows as a constant time per firm-member-month.
/// Usage: bench firms [members=100] [firm counts=20,100,250,500,1000] [repeats=2]
/// </summary>
public static class FirmScaling
{
    public static async Task RunAsync(string[] args)
    {
        int members = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        int[] counts = (args.Length > 1 ? args[1] : "20,100,250,500,1000").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        int repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
        string[] metrics = ["capability_gap_months", "capability"];
        // One block per core, so both cores work whatever the member count.
        int block = (members + Environment.ProcessorCount - 1) / Environment.ProcessorCount;
        Console.WriteLine($"firm scaling: {members} members in blocks of {block}, 264 months, best of {repeats} after a warm-up; {Environment.ProcessorCount} cores");
        Console.WriteLine("| firms | series | wall time | ns per firm-member-month per core |");
        Console.WriteLine("|---|---|---|---|");
        foreach (int firms in counts)
        {
            var spec = BenchWorld.Create(firms);
            var request = new RunRequest(spec, members, block) { Metrics = metrics };
            int series = new SeriesCatalog(spec, metrics).Keys.Count;
            var driver = new EnsembleDriver(new InProcessBackend()) { ReusesSlices = true };
            await driver.RunAsync(request, _ => ValueTask.CompletedTask); // warm-up
            double best = double.PositiveInfinity;
            for (int r = 0; r < repeats; r++)
            {
                var clock = Stopwatch.StartNew();
                await driver.RunAsync(request, _ => ValueTask.CompletedTask);
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
            double ns = best * 1e9 * Environment.ProcessorCount / ((double)firms * members * spec.Months);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {firms} | {series} | {best:F2} s | {ns:F0} |"));
        }
    }
}
