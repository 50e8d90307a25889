using Cj.Assessment.Store;
using Cj.Hosting;
using Cj.Hosting.Bus;
using Cj.Hosting.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cj.Assessment;

/// <summary>The CJ Assessment Service as an ASP.NET Core application on Kestrel at 127.0.0.1 (a free port).</summary>
public static class CjAssessmentHost
{
    /// <summary>
    /// Validates <paramref name="options"/> (throws <see cref="InvalidOperationException"/> naming the variable),
    /// migrates the store and builds the application; call <c>StartAsync</c>, then read the URL with
    /// <see cref="LocalKestrel.BoundAddress"/>. <paramref name="llmHandler"/> replaces the HTTP handler used to call the
    /// LLM Provider Service (tests); it is not disposed with the application.
    /// </summary>
    public static WebApplication Create(CjAssessmentOptions options, IEventBus bus, TimeProvider time, HttpMessageHandler? llmHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        var builder = LocalKestrel.CreateBuilder();
        builder.Services.AddCjAssessment(options, bus, time, llmHandler);
        var app = builder.Build();
        app.Services.GetRequiredService<SqliteDatabase>().Migrate(AssessmentSchema.Migrations);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Cj.Assessment");
        foreach (var warning in options.Warnings)
        {
            logger.SettingIgnored(warning);
        }

        app.MapCjAssessment();
        return app;
    }
}
