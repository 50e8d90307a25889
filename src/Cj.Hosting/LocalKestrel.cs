using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cj.Hosting;

/// <summary>
/// Kestrel on 127.0.0.1 at a free port: how the embedded mode (and the tests) host a service inside another
/// process, still speaking real HTTP.
/// </summary>
public static class LocalKestrel
{
    /// <summary>A slim builder listening on <c>http://127.0.0.1:0</c>, with no logging providers.</summary>
    public static WebApplicationBuilder CreateBuilder() => CreateBuilder(consoleLogging: false);

    /// <summary>
    /// A slim builder (<see cref="WebApplication.CreateSlimBuilder()"/>) listening on <c>http://127.0.0.1:0</c>, a port
    /// the OS picks (read it with <see cref="BoundAddress"/> after <c>StartAsync</c>). Logging providers are cleared
    /// unless <paramref name="consoleLogging"/> adds the simple console logger; the host prints no status lines.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(bool consoleLogging)
    {
        // No configuration reload: a reloading host watches its content root (the working directory, often a whole
        // repository with the run folders in it) recursively and wakes on every file the run writes.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (consoleLogging)
        {
            builder.Logging.AddSimpleConsole();
        }

        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        return builder;
    }

    /// <summary>The address Kestrel actually bound, e.g. <c>http://127.0.0.1:41234/</c>; valid after <c>StartAsync</c>.</summary>
    /// <exception cref="InvalidOperationException">The server has not started or bound no address.</exception>
    public static Uri BoundAddress(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no bound address; call StartAsync first.");
        return new Uri(first, UriKind.Absolute);
    }
}
