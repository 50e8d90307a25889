using Cj.Contracts;
using Cj.Runner.Logging;
using Cj.Runner.Run;

namespace Cj.Runner.Execute;

/// <summary>
/// Preflight and registration before anything is published: the CJ service is ready, the assignment's
/// instructions, prompt and rubric are stored, every anchor is registered (any refusal aborts the run, never a
/// fallback to inline anchors), and every student text is uploaded under its content-addressed storage id.
/// </summary>
internal static class Registration
{
    public static async Task RunAsync(CjClient cj, RunContext context, RunnerLog log, CancellationToken cancellationToken)
    {
        if (!await cj.IsReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new ServiceRefusedException("preflight", System.Net.HttpStatusCode.ServiceUnavailable, "the CJ Assessment Service is not ready");
        }

        var (inventory, settings) = (context.Inventory, context.Settings);
        var promptId = await cj.UploadAsync(inventory.Prompt.Text, cancellationToken).ConfigureAwait(false);
        await cj.SetInstructionsAsync(
            new AssessmentInstructionsRequest(settings.AssignmentId, null, inventory.Instructions.Text, settings.GradeScale.Name, "eng5_np_runner", promptId, context.Judge.Rubric),
            cancellationToken).ConfigureAwait(false);
        foreach (var anchor in inventory.Anchors)
        {
            await cj.RegisterAnchorAsync(new AnchorRegistrationRequest(settings.AssignmentId!, anchor.Grade!, anchor.EssayId, anchor.File.Text), cancellationToken).ConfigureAwait(false);
        }

        log.Event("anchors_registered", fields: new Dictionary<string, object?> { ["assignment_id"] = settings.AssignmentId, ["anchors"] = inventory.Anchors.Count });
        foreach (var student in inventory.Students)
        {
            var storageId = await cj.UploadAsync(student.File.Text, cancellationToken).ConfigureAwait(false);
            if (storageId != student.File.StorageId)
            {
                throw new ServiceRefusedException($"upload of {student.File.SourcePath}", System.Net.HttpStatusCode.OK, $"storage id {storageId} differs from the text's SHA-256");
            }
        }

        log.Event("students_uploaded", fields: new Dictionary<string, object?> { ["students"] = inventory.Students.Count });
    }
}
