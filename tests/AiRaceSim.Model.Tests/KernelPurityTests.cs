using System.Text.RegularExpressions;
using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Model.Tests;

/// <summary>The kernel has no Orleans, no I/O, no ambient randomness or clock: checked on its references and its source.</summary>
public class KernelPurityTests
{
    [Fact]
    public void The_kernel_assembly_references_no_orleans()
    {
        var refs = typeof(BlockSimulation).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(refs, r => r.Contains("Orleans", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("MathNet.Numerics", refs);
    }

    [Fact]
    public void The_kernel_source_uses_no_file_console_clock_or_system_random()
    {
        var root = Path.GetDirectoryName(typeof(KernelPurityTests).Assembly.Location)!;
        while (!File.Exists(Path.Combine(root, "AiRaceSim.sln"))) root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("AiRaceSim.sln not found above the test binary");
        var forbidden = new Regex(@"\bSystem\.IO\b|\bFile\.|\bDirectory\.|\bConsole\.|\bStream(Reader|Writer)?\b|\bnew\s+System\.Random\b|\bnew\s+Random\s*\(|\bRandom\.Shared\b|\bDateTime\.(Now|UtcNow|Today)\b|\bStopwatch\b|\bEnvironment\.|\bOrleans\b");
        var files = Directory.GetFiles(Path.Combine(root, "src", "AiRaceSim.Model"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                var code = lines[i].Split("//")[0];
                Assert.False(forbidden.IsMatch(code), $"{file}:{i + 1}: {lines[i].Trim()}");
            }
        }
    }
}
