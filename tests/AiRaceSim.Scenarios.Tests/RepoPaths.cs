namespace AiRaceSim.Scenarios.Tests;

/// <summary>Files of the repository and the test's own data, independent of where the test runs from.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds AiRaceSim.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AiRaceSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("AiRaceSim.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs the tests from the output folder, so paths such as bad/01-x.yaml match the .expected files.</summary>
    public static void UseOutputFolder() => Directory.SetCurrentDirectory(AppContext.BaseDirectory);
}
