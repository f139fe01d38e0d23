namespace AiRaceSim.Cli;

/// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>), so progress lines come out in order.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
