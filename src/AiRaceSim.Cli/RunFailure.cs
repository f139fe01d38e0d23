using AiRaceSim.Model.Simulation;

namespace AiRaceSim.Cli;

/// <summary>How a failure during a run reads: the model's own words for a NaN or infinity, else what failed; never a stack trace.</summary>
public static class RunFailure
{
    public static string Describe(Exception e)
    {
        var inner = Unwrap(e);
        if (inner is Silo.ClusterUnreachableException) return $"airace: {inner.Message}";
        // Through a grain call the kernel's exception may arrive as another type; its message is what matters.
        return inner.Message.StartsWith(NonFiniteStateException.Prefix, StringComparison.Ordinal)
            ? $"airace: the run stopped: {inner.Message}"
            : $"airace: the run failed: {inner.GetType().Name}: {inner.Message}";
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
