using Cj.Runner.Artefact;
using Cj.Runner.Execute;
using Cj.Runner.Inventory;
using Cj.Runner.Logging;
using Cj.Runner.Plan;

namespace Cj.Runner.Run;

/// <summary>
/// <c>eng5-np-run --mode plan|dry-run</c>: inventory and validate the assets, plan the budget and cost, and (dry-run)
/// write the exact request envelope and a stub artefact into the run's own folder. Bad input exits 2 having
/// written nothing but the log.
/// </summary>
internal sealed class RunCommand(TextWriter output, TextWriter error, TimeProvider time, Func<string, string?> environment)
{
    public async Task<int> ExecuteAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var correlationId = Guid.NewGuid();
        var bindings = new Dictionary<string, object?>
        {
            ["correlation_id"] = correlationId.ToString(),
            ["batch_id"] = settings.BatchLabel,
            ["runner_mode"] = RunnerModes.Name(settings.Mode),
        };
        using var log = new RunnerLog(error, settings.JsonLogs, time, bindings);
        try
        {
            return await RunAsync(settings, correlationId, log, cancellationToken).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            log.Event("runner_input_invalid", "error", new Dictionary<string, object?> { ["reason"] = e.Message });
            KeepLog(log, settings.OutputDirectory);
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (ServiceRefusedException e)
        {
            log.Event("runner_service_refused", "error", new Dictionary<string, object?> { ["reason"] = e.Message });
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Unreachable;
        }
        catch (ArtefactInvalidException e)
        {
            log.Event("runner_artefact_invalid", "error", new Dictionary<string, object?> { ["reason"] = e.Message });
            error.WriteLine($"internal error: {e.Message}");
            return ExitCodes.InternalError;
        }
    }

    private async Task<int> RunAsync(RunSettings settings, Guid correlationId, RunnerLog log, CancellationToken cancellationToken)
    {
        log.Event("runner_started", fields: new Dictionary<string, object?>
        {
            ["assets"] = settings.AssetsDirectory,
            ["output_dir"] = settings.OutputDirectory,
            ["llm_provider"] = settings.LlmProvider,
        });
        if (settings.Mode is RunnerMode.AnchorAlignTest)
        {
            throw new InputException($"--mode {RunnerModes.Name(settings.Mode)}: not available in this release; use plan, dry-run or execute.");
        }

        if (settings.Mode is RunnerMode.Execute && settings.CjServiceUrl is not null)
        {
            throw new InputException($"--cj-service-url {settings.CjServiceUrl}: the distributed stack (Kafka, PostgreSQL) is not available in this release; run without it to use the embedded stack.");
        }

        if (settings.Resume)
        {
            return await ResumeAsync(settings, log, cancellationToken).ConfigureAwait(false);
        }

        var inventory = AssetInventoryReader.Read(settings.AssetsDirectory, settings.GradeScale);
        log.Event("inventory_loaded", fields: new Dictionary<string, object?>
        {
            ["anchors"] = inventory.Anchors.Count,
            ["students"] = inventory.Students.Count,
        });
        var context = new RunContext(
            settings, inventory, JudgeTexts.Read(settings, inventory), Guid.NewGuid(), correlationId, time.GetUtcNow(),
            CliEnvironmentProbe.GitSha(Directory.GetCurrentDirectory()), CliEnvironmentProbe.Capture());
        var prices = PriceTable.Embedded;
        var plan = RunPlan.Create(inventory, settings, prices, ServiceEngineSettings.From(environment));
        output.Write(PlanTable.Render(context, plan, prices));

        var folder = RunFolder.Create(settings.OutputDirectory, settings.BatchLabel, context.BatchUuid);
        log.Attach(Path.Combine(folder.Logs, "runner.log"));
        if (settings.Mode == RunnerMode.DryRun)
        {
            RequestBuilder.Write(context, folder, time.GetUtcNow());
            log.Event("request_envelope_written", fields: new Dictionary<string, object?> { ["essays_for_cj"] = inventory.Students.Count });
        }

        if (settings.Mode == RunnerMode.Execute)
        {
            return await new ExecuteRun(time, environment).RunAsync(context, plan, prices, folder, log, cancellationToken).ConfigureAwait(false);
        }

        var artefact = ArtefactWriter.Seal(StubArtefact.Build(context, plan, prices, folder.Manifest()));
        var path = ArtefactWriter.Write(folder, artefact);
        log.Event("runner_validation_state", fields: ArtefactWriter.ValidationState(artefact, path));
        log.Say($"Run folder: {folder.Path}");
        log.Say($"Artefact:   {path}");
        log.Say($"Latest:     {Path.Combine(folder.OutputDirectory, ArtefactWriter.FileName(RunnerModes.Name(settings.Mode)))}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// <c>--resume</c>: the latest execute run of the label continues with the settings, identity and assets it started
    /// with (assets changed since are refused); only the log format, verbosity and completion timeout are taken anew.
    /// </summary>
    private async Task<int> ResumeAsync(RunSettings given, RunnerLog log, CancellationToken cancellationToken)
    {
        if (given.Mode != RunnerMode.Execute)
        {
            throw new InputException($"--resume: only with --mode execute (got --mode {RunnerModes.Name(given.Mode)}).");
        }

        var folder = RunFolder.Latest(given.OutputDirectory, given.BatchLabel, ResumeRecord.FileName);
        var record = ResumeRecord.Read(folder.Path);
        log.Attach(Path.Combine(folder.Logs, "runner.log"));
        var settings = record.Settings with
        {
            Resume = true,
            OutputDirectory = given.OutputDirectory,
            JsonLogs = given.JsonLogs,
            Verbose = given.Verbose,
            CompletionTimeoutSeconds = given.CompletionTimeoutSeconds,
        };
        log.Event("runner_resuming", fields: new Dictionary<string, object?>
        {
            ["run_folder"] = folder.Path,
            ["batch_uuid"] = record.BatchUuid.ToString(),
            ["original_correlation_id"] = record.CorrelationId.ToString(),
        });
        var inventory = AssetInventoryReader.Read(settings.AssetsDirectory, settings.GradeScale);
        record.RequireSameInputs(inventory, settings);
        var context = new RunContext(
            settings, inventory, JudgeTexts.Read(settings, inventory), record.BatchUuid, record.CorrelationId, record.StartedAt,
            CliEnvironmentProbe.GitSha(Directory.GetCurrentDirectory()), CliEnvironmentProbe.Capture());
        var prices = PriceTable.Embedded;
        var plan = RunPlan.Create(inventory, settings, prices, ServiceEngineSettings.From(environment));
        log.Say($"Resuming {folder.Path}");
        return await new ExecuteRun(time, environment).RunAsync(context, plan, prices, folder, log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Bad input writes nothing but the log: into &lt;output-dir&gt;/logs/runner.log when that can be written.</summary>
    private static void KeepLog(RunnerLog log, string outputDirectory)
    {
        try
        {
            log.Attach(Path.Combine(outputDirectory, "logs", "runner.log"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The output folder is unwritable (often the very error being reported); stderr already has the message.
        }
    }
}
