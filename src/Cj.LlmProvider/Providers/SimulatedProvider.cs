using System.Text.Json;
using Cj.Core;
using Cj.LlmProvider.Resilience;

namespace Cj.LlmProvider.Providers;

/// <summary>
/// A Bradley–Terry judge over known abilities (design §4.3): P(Essay A wins) = σ((θ_A − θ_B)/scale + position
/// bias); with the lapse rate a coin flip instead; confidence 1 + 4·|2p − 1|. Essays are found by the ids in the
/// request metadata (<c>essay_a_id</c> or <c>essay_a_storage_id</c>, as the file's header says); an essay without
/// an ability is the non-retryable error <c>SIMULATED_UNKNOWN_ESSAY</c>.
/// </summary>
internal sealed class SimulatedProvider(LlmProviderOptions options, AbilityTable abilities) : ILlmProvider
{
    public const string Justification = "Simulated judgement from latent abilities: no language model read these essays.";

    public string Name => ProviderNames.Simulated;

    public string DefaultModel => "simulated-bt";

    public Task<ProviderAnswer> CallAsync(ProviderCall call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (idA, idB) = abilities.ByStorageId
            ? (call.Essays.EssayAStorageId, call.Essays.EssayBStorageId)
            : (call.Essays.EssayAId, call.Essays.EssayBId);
        var (thetaA, thetaB) = (abilities.Find(idA), abilities.Find(idB));
        if (thetaA is null || thetaB is null)
        {
            var slot = thetaA is null ? "essay A" : "essay B";
            return Task.FromResult(new ProviderAnswer(
                FinishReason.ProviderError, 0, null, ProviderUsage.None, TimeSpan.Zero,
                ErrorCode: ErrorCodes.SimulatedUnknownEssay,
                ErrorMessage: $"{slot} has no ability in the simulated abilities file"));
        }

        var p = Logistic.Sigma(((thetaA.Value - thetaB.Value) / options.SimulatedScale) + options.SimulatedPositionBias);
        var aWins = U(call, "lapse") < options.SimulatedLapseRate
            ? U(call, "coin") < 0.5
            : U(call, "winner") < p;
        var content = JsonSerializer.Serialize(new
        {
            winner = aWins ? "Essay A" : "Essay B",
            justification = Justification,
            confidence = Math.Round(1 + (4 * Math.Abs((2 * p) - 1)), 4),
        });
        var usage = ProviderUsage.FromCharacters(call.Prompt.Length, content.Length);
        return Task.FromResult(new ProviderAnswer(FinishReason.Stop, 200, content, usage, TimeSpan.Zero));
    }

    private double U(ProviderCall call, string label) => OfflineDraw.U(Name, options.SimulatedSeed, call, label);
}
