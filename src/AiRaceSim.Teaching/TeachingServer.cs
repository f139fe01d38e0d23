using System.Net;
using AiRaceSim.Client;
using AiRaceSim.Ensembles;
using AiRaceSim.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiRaceSim.Teaching;

/// <summary>Where `airace serve` listens and which scenarios it offers.</summary>
public sealed record ServeOptions(IPAddress Host, int Port, string Scenarios);

/// <summary>
/// `airace serve`: the teaching page on an embedded silo. The web application and the silo live in one process; the page's
/// runs are grains like any other run's, on the ensemble driver.
/// </summary>
public static class TeachingServer
{
    public static async Task RunAsync(ServeOptions options, Action<string> ready, CancellationToken cancellation)
    {
        var presets = new PresetLibrary(options.Scenarios);
        await using var host = await SimulationHost.StartAsync(new AiRaceSim.Silo.HostOptions(), cancellation);
        await using var app = Build(presets, new GrainBackend(host.Grains), web => web.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(options.Host, options.Port)));
        await app.StartAsync(cancellation);
        ready($"http://{(options.Host.Equals(IPAddress.Any) ? "0.0.0.0" : options.Host.ToString())}:{options.Port}/");
        try { await Task.Delay(Timeout.Infinite, cancellation); }
        catch (OperationCanceledException) { }
        await app.StopAsync(CancellationToken.None);
    }

    /// <summary>The page's web application on <paramref name="backend"/>; <paramref name="server"/> says where it listens (Kestrel, or a test server).</summary>
    public static WebApplication Build(PresetLibrary presets, IEnsembleBackend backend, Action<WebApplicationBuilder> server)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error); // a failing request, on stderr
        builder.Services.AddRouting();
        // Runs stop with the server (their requests are cancelled), so stopping takes moments, not the default 30 s.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        server(builder);
        var app = builder.Build();
        TeachingApi.Map(app, presets, backend);
        return app;
    }
}
