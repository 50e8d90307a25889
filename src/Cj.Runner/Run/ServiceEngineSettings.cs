using Cj.Assessment;
using Cj.Core.Workflow;

namespace Cj.Runner.Run;

/// <summary>
/// The engine settings a CJ Assessment Service would run with in this environment (<c>CJ_ASSESSMENT_SERVICE_*</c>:
/// budget, stop targets, pairing, fit method). The embedded stack starts its service from the same variables, so the
/// plan's budget and a simulation's rules are the ones a batch will really have.
/// </summary>
internal static class ServiceEngineSettings
{
    /// <summary>Reads and validates the settings; a bad value is bad input naming its variable.</summary>
    public static EngineSettings From(Func<string, string?> environment)
    {
        try
        {
            var (engine, _) = EngineSettingsReader.Read(name => environment(CjAssessmentOptions.Prefix + name) is { Length: > 0 } value ? value.Trim() : null);
            EngineSettingsReader.Validate(engine);
            return engine;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new InputException(e.Message);
        }
    }
}
