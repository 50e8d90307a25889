using System.Diagnostics;
using System.Globalization;
using Cj.Contracts;
using Cj.Hosting.Bus;
using Cj.Runner.Artefact;
using Cj.Runner.Logging;
using Cj.Runner.Plan;
using Cj.Runner.Run;

namespace Cj.Runner.Execute;

/// <summary>
/// <c>--mode execute</c> on the embedded stack: preflight, register instructions and anchors (abort on failure),
/// upload the students, subscribe the collector, publish the request, collect until completion, failure or the
/// completion timeout, then write the artefact. Exit 0 completed, 3 refused before publishing, 4 failed, 5 timed out.
/// With <c>--resume</c> the same steps continue a killed run from its folder: saved events are taken back, the
/// services recover their stores and the bus journal, registration and publishing happen only if they had not.
/// </summary>
internal sealed class ExecuteRun(TimeProvider time, Func<string, string?> environment)
{
    public async Task<int> RunAsync(RunContext context, RunPlan plan, PriceTable prices, RunFolder folder, RunnerLog log, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var clock = Stopwatch.StartNew();
        if (StubArtefact.IsSynthetic(plan.Provider))
        {
            log.Say($"Provider '{plan.Provider}': verdicts are SYNTHETIC (no LLM is called). Set an API key or --llm-provider for real judgements.");
        }

        var assignment = settings.AssignmentId ?? AssignmentIds.For(context.Inventory);
        context = context with { Settings = settings with { AssignmentId = assignment } };
        if (!settings.Resume)
        {
            ResumeRecord.Of(context).Write(folder);
        }

        var stateDirectory = Path.Combine(folder.Path, "state");
        using var runLock = RunLock.Acquire(stateDirectory);
        await using var collector = new Collector(context.BatchUuid, folder, log);
        var restored = settings.Resume ? collector.Restore() : 0;
        var collected = Path.Combine(stateDirectory, "collected");
        if (settings.Resume && collector.OutcomeCountsMet && File.Exists(collected))
        {
            log.Event("run_already_finished", fields: new Dictionary<string, object?> { ["events_restored"] = restored });
            log.Say("The batch had already finished; its artefact is written again from the saved events.");
            return Finish(context, plan, prices, folder, log, collector, timedOut: false, clock.Elapsed);
        }

        var request = settings.Resume ? RequestBuilder.Saved(context, folder) : null;
        if (settings.Resume && (restored > 0 || request is not null) && !File.Exists(Path.Combine(stateDirectory, "cj_assessment.db")))
        {
            throw new InputException($"--resume: {stateDirectory} has lost the services' stores while the run had already published; resuming would run and pay for the batch again. Start a new run instead.");
        }

        await using var stack = await EmbeddedStack.StartAsync(stateDirectory, plan.Provider, environment, time, cancellationToken).ConfigureAwait(false);
        log.Event("embedded_stack_started", fields: new Dictionary<string, object?> { ["cj_service_url"] = stack.CjUrl.ToString(), ["events_restored"] = restored });
        if (request is null)
        {
            using var http = new HttpClient { BaseAddress = stack.CjUrl, Timeout = TimeSpan.FromSeconds(60) };
            await Registration.RunAsync(new CjClient(http, stack.AdminToken), context, log, cancellationToken).ConfigureAwait(false);
        }

        var progress = new ProgressDisplay(log, plan.Budget);
        foreach (var comparison in collector.Comparisons)
        {
            progress.OnComparison(comparison);
        }

        collector.ComparisonArrived += progress.OnComparison;
        collector.Subscribe(stack.Bus);
        if (request is null || !stack.HasPublished(Topics.AssessmentRequested, request.EventId))
        {
            request ??= RequestBuilder.Write(context, folder, time.GetUtcNow());
            await stack.Bus.PublishAsync(EnvelopeMessages.ToMessage(request), cancellationToken).ConfigureAwait(false);
            log.Event("request_published", fields: new Dictionary<string, object?> { ["batch_uuid"] = context.BatchUuid.ToString(), ["essays_for_cj"] = request.Data.EssaysForCj.Count });
        }
        else
        {
            log.Event("run_resumed", fields: new Dictionary<string, object?> { ["batch_uuid"] = context.BatchUuid.ToString(), ["comparisons_restored"] = collector.Comparisons.Count });
        }

        var timedOut = !await Completes(collector.Terminal, TimeSpan.FromSeconds(settings.CompletionTimeoutSeconds), cancellationToken).ConfigureAwait(false);
        if (timedOut)
        {
            log.Event("collector_timeout", "warning", new Dictionary<string, object?> { ["timeout_seconds"] = settings.CompletionTimeoutSeconds });
        }
        else
        {
            // Every event of the batch is saved: a later --resume writes the artefact again from them alone.
            AtomicFile.WriteAllText(collected, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) + "\n");
        }

        progress.Finish();
        await collector.DisposeAsync().ConfigureAwait(false);
        return Finish(context, plan, prices, folder, log, collector, timedOut, clock.Elapsed);
    }

    private static int Finish(RunContext context, RunPlan plan, PriceTable prices, RunFolder folder, RunnerLog log, Collector collector, bool timedOut, TimeSpan elapsed)
    {
        var settings = context.Settings;
        var stub = StubArtefact.Build(context, plan, prices, folder.Manifest());
        var artefact = ArtefactWriter.Seal(ExecuteArtefact.Build(stub, collector, settings.GradeScale.Name, settings.GradeScale.ReportableGrades, timedOut));
        var path = ArtefactWriter.Write(folder, artefact);
        log.Event("essays_hydrated", fields: new Dictionary<string, object?> { ["essays"] = artefact.Results.Essays.Count, ["comparisons"] = artefact.Results.Comparisons.Count });
        log.Event("runner_validation_state", fields: ArtefactWriter.ValidationState(artefact, path));
        log.Event("runner_execution_complete", fields: new Dictionary<string, object?> { ["status"] = artefact.Results.Status, ["stop_reason"] = artefact.Results.StopReason });
        log.Say(ExecuteSummary.Render(artefact, path, elapsed));
        return artefact.Results.Status switch
        {
            "completed" => ExitCodes.Success,
            "failed" => ExitCodes.BatchFailed,
            _ => ExitCodes.CompletionTimeout,
        };
    }

    private async Task<bool> Completes(Task terminal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cancel.Token);
        var first = await Task.WhenAny(terminal, delay).ConfigureAwait(false);
        await cancel.CancelAsync().ConfigureAwait(false);
        return first == terminal;
    }
}
