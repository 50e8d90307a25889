using System.Diagnostics;
using System.Globalization;
using Cj.Contracts;
using Cj.Runner.Logging;

namespace Cj.Runner.Execute;

/// <summary>
/// Live progress on stderr (text mode): comparisons received / budget, current wave, successes, failures, cost so far,
/// elapsed time and ETA; at most one line a second.
/// </summary>
internal sealed class ProgressDisplay(RunnerLog log, int budget)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private int _succeeded;
    private int _failed;
    private int _wave;
    private decimal _cost;
    private long _lastPrinted = -1;

    public void OnComparison(EventEnvelope<LlmComparisonResultV1> envelope)
    {
        lock (_gate)
        {
            var data = envelope.Data;
            if (data.Winner is null)
            {
                _failed++;
            }
            else
            {
                _succeeded++;
            }

            _cost += data.CostEstimate ?? 0m;
            if (data.RequestMetadata.TryGetValue("comparison_iteration", out var wave)
                && int.TryParse(wave?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w))
            {
                _wave = Math.Max(_wave, w);
            }

            var second = (long)_clock.Elapsed.TotalSeconds;
            if (second != _lastPrinted)
            {
                _lastPrinted = second;
                log.Say(Line());
            }
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            log.Say(Line());
        }
    }

    private string Line()
    {
        var elapsed = _clock.Elapsed.TotalSeconds;
        var rate = _succeeded / Math.Max(elapsed, 1e-3);
        var eta = rate > 0 ? $"{Math.Max(0, budget - _succeeded) / rate:F0} s" : "?";
        var done = Math.Min(_succeeded, budget);
        var width = 30;
        var filled = budget == 0 ? width : (int)Math.Round(width * (double)done / budget);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', width - filled)}] {done}/{budget} comparisons · wave {_wave} · ok {_succeeded} · failed {_failed} · ${_cost:F4} · {elapsed:F0} s · ETA ≤ {eta}");
    }
}
