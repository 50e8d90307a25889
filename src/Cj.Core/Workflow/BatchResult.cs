using System.Collections.Immutable;
using Cj.Core.Alignment;
using Cj.Core.Diagnostics;
using Cj.Core.Grading;
using Cj.Core.Scoring;

namespace Cj.Core.Workflow;

/// <summary>
/// The final (or, on failure, partial) record of a batch: the fit, diagnostics, ranks, projections, anchor alignment
/// (anchor-align batches), the wave history and real comparison counts.
/// </summary>
public sealed record BatchResult(
    string BatchId,
    BtFit Fit,
    DiagnosticsReport Diagnostics,
    BatchProjections? Projections,
    AlignmentReport? Alignment,
    ImmutableList<WaveSummary> Waves,
    string Reason,
    int ComparisonsRequested,
    int ComparisonsSucceeded,
    int ComparisonsFailed);
