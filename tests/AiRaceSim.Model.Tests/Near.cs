namespace AiRaceSim.Model.Tests;

/// <summary>The Model tests' one relative-closeness assertion (1e-9 of the expected value by default, absolute below 1).</summary>
public static class Near
{
    public static void Close(double expected, double actual, string what, double tol = 1e-9) =>
        Assert.True(Math.Abs(expected - actual) <= tol * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");
}
