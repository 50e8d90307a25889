using Cj.Core.Diagnostics;
using Cj.Core.Workflow;

namespace Cj.Core.Simulation;

/// <summary>
/// Plays the shell around the real <see cref="BatchWorkflow.Next"/> for one run: sends every requested attempt to the
/// simulated judge and delivers the outcomes in seeded shuffled order, some twice, some first attempts as time-outs
/// whose answer still arrives later (in random order, or once the next wave has started). The judge's verdict is a
/// function of the comparison (its pair, order and sequence number), not of the attempt, so delivery noise can change
/// only what the workflow does wrong. Early stops are switched off in the workflow so that the trajectory runs to the
/// cap; after every wave end the scenario's own stop rules are asked, through <see cref="StopRules.EarlyStop"/>,
/// whether a real batch would have stopped there.
/// </summary>
internal sealed class SimulationShell
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly Scenario _scenario;
    private readonly SimulatedPopulation _population;
    private readonly ulong _judgeSeed;
    private readonly CjRandom _delivery;
    private readonly EngineSettings _settings;
    private readonly EngineSettings _stopSettings;
    private readonly Dictionary<EssayId, int> _index;
    private readonly List<BatchEvent> _pool = [];
    private readonly List<BatchEvent> _held = [];
    private readonly List<WaveRecord> _records = [];
    private BatchState _state = BatchState.Empty;
    private int _wave;
    private long _ticks;
    private int _stopIndex = -1;
    private string? _stopReason;
    private string? _finalReason;
    private double? _lastSd;

    private SimulationShell(Scenario scenario, int run, bool earlyStops)
    {
        var seeds = CjRandom.ForWave(scenario.Seed, run);
        _scenario = scenario;
        _population = SimulatedPopulation.Draw(scenario, new CjRandom(seeds.NextUInt64()));
        _judgeSeed = seeds.NextUInt64();
        _delivery = new CjRandom(seeds.NextUInt64());
        var configured = scenario.Settings;
        _stopSettings = configured with
        {
            MaxPairwiseComparisons = scenario.Cap,
            PairGenerationSeed = seeds.NextUInt64(),
            SplitHalfSplits = 0,
            GradeScale = _population.Scale ?? configured.GradeScale,
            Pairing = configured.Pairing with { Strategy = scenario.Policy },
        };
        _settings = earlyStops ? _stopSettings : _stopSettings with { MinComparisonsForStabilityCheck = int.MaxValue };
        _index = _population.Essays.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i);
    }

    /// <summary>
    /// Runs run <paramref name="run"/> of <paramref name="scenario"/> to the end of its trajectory; with
    /// <paramref name="earlyStops"/> the workflow keeps the scenario's early stops (to check that the reported stop is
    /// the one a real batch makes).
    /// </summary>
    public static SimulationRun Run(Scenario scenario, int run, bool earlyStops = false)
    {
        var shell = new SimulationShell(scenario, run, earlyStops);
        var batch = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sim-{run}");
        shell.Apply(new BatchCreated(Start, batch, shell._population.Essays, shell._settings));
        shell.Deliver();
        return shell.Result(run);
    }

    private void Deliver()
    {
        while (_state.Phase == BatchPhase.Running)
        {
            if (_pool.Count == 0)
            {
                if (_held.Count == 0)
                {
                    throw new InvalidOperationException("The simulated batch is waiting for outcomes that were never sent.");
                }

                Release();
            }

            var k = _scenario.ShuffleDelivery ? _delivery.NextInt(_pool.Count) : 0;
            var next = _pool[k];
            if (_scenario.ShuffleDelivery)
            {
                _pool[k] = _pool[^1];
                _pool.RemoveAt(_pool.Count - 1);
            }
            else
            {
                _pool.RemoveAt(0);
            }
            Apply(next with { At = Start.AddSeconds(++_ticks) });
            if (_delivery.NextDouble() < _scenario.DuplicateRate)
            {
                _pool.Add(next);
            }
        }
    }

    private void Apply(BatchEvent @event)
    {
        var (state, actions) = BatchWorkflow.Next(_state, @event);
        _state = state;
        foreach (var action in actions)
        {
            switch (action)
            {
                case RequestComparisons requests:
                    Send(requests);
                    break;
                case WaveScored scored:
                    Record(scored);
                    break;
                case Finalise end:
                    _finalReason = end.Reason;
                    break;
                case Fail failure:
                    throw new InvalidOperationException($"The simulated batch failed ({failure.Reason}: {failure.Details}); lower the scenario's late rate.");
            }
        }
    }

    private void Send(RequestComparisons requests)
    {
        if (requests.Wave > _wave)
        {
            _wave = requests.Wave;
            Release();
        }

        foreach (var request in requests.Requests)
        {
            var verdict = Verdict(request);
            if (request.Attempt == 0 && _delivery.NextDouble() < _scenario.LateRate)
            {
                _pool.Add(new ComparisonTimedOut(Start, request.RequestId));
                (_delivery.NextDouble() < 0.5 ? _held : _pool).Add(verdict);
            }
            else
            {
                _pool.Add(verdict);
            }
        }
    }

    private void Release()
    {
        _pool.AddRange(_held);
        _held.Clear();
    }

    private ComparisonSucceeded Verdict(ComparisonRequest request)
    {
        var abilities = _population.Abilities;
        var p = _scenario.Judge.FirstWins(abilities[_index[request.First]], abilities[_index[request.Second]]);
        var firstWins = CjRandom.ForWave(_judgeSeed, request.ComparisonSeq).NextDouble() < p;
        return new ComparisonSucceeded(Start, request.RequestId, firstWins ? request.First : request.Second, _scenario.Judge.Name);
    }

    private void Record(WaveScored scored)
    {
        var essays = _population.Essays;
        var calibration = _population.Scale is null ? null : StopRules.MainCalibration(essays, scored.Fit, _settings);
        var appearances = 0;
        foreach (var judgement in _state.Judgements)
        {
            appearances += (essays[_index[judgement.Winner]].IsAnchor ? 0 : 1) + (essays[_index[judgement.Loser]].IsAnchor ? 0 : 1);
        }

        var record = WaveMetrics.Measure(_population, _scenario.Judge, scored.Summary, scored.Fit, calibration, appearances);
        if (_stopIndex >= 0)
        {
            _records.Add(record);
            return;
        }

        var honest = StopRules.HonestReliability(_stopSettings, essays, _state.Judgements, scored.Summary.Successes, scored.Fit, _lastSd);
        _lastSd = honest is { AbilitySd: > 0 } h ? h.AbilitySd : _lastSd;
        var reason = StopRules.EarlyStop(
            _stopSettings, essays, scored.Summary.Successes, scored.Fit, calibration, scored.Summary.MaxScoreChange, honest);
        if (reason is not null)
        {
            _stopIndex = _records.Count;
            _stopReason = reason;
            honest ??= Honest();
        }

        _records.Add(record with { EbReliability = honest?.Value });
    }

    /// <summary>The empirical-Bayes reliability of the judgements so far (for the stop and the cap records).</summary>
    private EmpiricalBayesReliability Honest() =>
        EmpiricalBayesReliability.Of(_population.Essays, [.. _state.Judgements.OrderBy(j => j.Sequence)], _settings.Fit, startSd: _lastSd);

    private SimulationRun Result(int run)
    {
        var final = _finalReason ?? throw new InvalidOperationException("The simulated batch did not end.");
        if (_records.Count == 0)
        {
            throw new InvalidOperationException($"The simulated batch ended ({final}) before its first wave end.");
        }

        if (_records[^1].EbReliability is null)
        {
            _records[^1] = _records[^1] with { EbReliability = Honest().Value };
        }

        return _stopIndex >= 0
            ? new SimulationRun(run, [.. _records], _stopIndex, _stopReason!, final)
            : new SimulationRun(run, [.. _records], _records.Count - 1, final, final);
    }
}
