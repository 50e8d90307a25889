using System.CommandLine;
using Cj.Core.Grading;
using Cj.Core.Scoring;

namespace Cj.Runner.Analyse;

/// <summary><c>eng5-np-run analyse</c>: re-scores recorded judgements offline (no services, no LLM).</summary>
internal static class AnalyseCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var judgements = new Option<string>("--judgements")
        {
            Description = "CSV of judgements with a header row, or an assessment artefact (.json).",
            Required = true,
            HelpName = "FILE",
        };
        var winner = new Option<string?>("--winner-column")
        {
            Description = "Winner column. Default: found by name (winner, chosen, candidate_chosen), case-insensitive, ignoring '.', '_' and spaces.",
            HelpName = "NAME",
        };
        var loser = new Option<string?>("--loser-column")
        {
            Description = "Loser column. Default: found by name (loser, not_chosen, candidate_not_chosen).",
            HelpName = "NAME",
        };
        var method = new Option<string>("--method")
        {
            Description = "Fitting method: map (Gaussian prior σ = 3, sum-to-zero posterior SEs), sirt (R sirt::btm parity) or ilsr (parity with the original system).",
            DefaultValueFactory = _ => "map",
        };
        method.AcceptOnlyFromAmong("map", "sirt", "ilsr");
        var position = new Option<string>("--position-effect")
        {
            Description = "Model the first-shown essay's advantage when the input records it (column shown_first): estimate or off.",
            DefaultValueFactory = _ => "estimate",
        };
        position.AcceptOnlyFromAmong("estimate", "off");
        var anchors = new Option<string?>("--anchors")
        {
            Description = "CSV of anchor essays with known grades: essay_id,grade. Enables grade projection.",
            HelpName = "FILE",
        };
        var scale = new Option<string?>("--grade-scale")
        {
            Description = $"Grade scale of the anchors: {string.Join(", ", GradeScale.KnownNames)}. Default: the artefact's scale, else eng5_np_legacy_9_step.",
            HelpName = "NAME",
        };
        var grades = new Option<string?>("--grades")
        {
            Description = "A custom grade scale, lowest first, comma-separated (e.g. \"F,E,D,C,B,A\"). Overrides --grade-scale.",
            HelpName = "G1,G2,...",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: json, csv (one row per essay) or table.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var outPath = new Option<string?>("--out")
        {
            Description = "Write the output to FILE (atomically) instead of standard output.",
            HelpName = "FILE",
        };
        var splits = new Option<int>("--split-half-splits")
        {
            Description = "Random halvings for split-half reliability (by judge with ≥ 4 judges, else by judgement); 0 skips it.",
            HelpName = "N",
            DefaultValueFactory = _ => 100,
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the split-half halvings.",
            HelpName = "S",
            DefaultValueFactory = _ => 1UL,
        };

        var command = new Command("analyse", "Re-score recorded judgements offline: abilities, standard errors, reliability, diagnostics and, given anchors, grade projections.")
        {
            judgements, winner, loser, method, position, anchors, scale, grades, format, outPath, splits, seed,
        };
        command.SetAction(parse => Execute(output, error, () => new AnalyseSettings(
            parse.GetValue(judgements)!,
            parse.GetValue(winner),
            parse.GetValue(loser),
            Enum.Parse<BtMethod>(parse.GetValue(method)!, ignoreCase: true),
            parse.GetValue(position) == "off" ? PositionEffectMode.Off : PositionEffectMode.Estimate,
            parse.GetValue(anchors),
            ResolveScale(parse.GetValue(grades), parse.GetValue(scale)),
            Enum.Parse<AnalyseFormat>(parse.GetValue(format)!, ignoreCase: true),
            parse.GetValue(outPath),
            parse.GetValue(splits) >= 0 ? parse.GetValue(splits) : throw new InputException("--split-half-splits must be 0 or more."),
            parse.GetValue(seed))));
        return command;
    }

    private static GradeScale? ResolveScale(string? grades, string? name)
    {
        if (grades is not null)
        {
            try
            {
                return GradeScale.Custom("custom", grades.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
            catch (ArgumentException e)
            {
                throw new InputException($"--grades: {e.Message}");
            }
        }

        if (name is null)
        {
            return null;
        }

        try
        {
            return GradeScale.Named(name);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"--grade-scale: {e.Message}");
        }
    }

    private static int Execute(TextWriter output, TextWriter error, Func<AnalyseSettings> settingsOf)
    {
        try
        {
            var settings = settingsOf();
            var input = JudgementInput.Read(settings.JudgementsPath, settings.WinnerColumn, settings.LoserColumn);
            foreach (var warning in input.Warnings)
            {
                error.WriteLine($"warning: {warning}");
            }
            var scale = settings.Scale
                ?? (input.GradeScale is { } artefactScale ? GradeScale.Named(artefactScale) : null)
                ?? (settings.AnchorsPath is not null || input.AnchorGrades.Count > 0 ? GradeScale.Eng5NpLegacy9Step : null);
            settings = settings with { Scale = scale };
            var anchorGrades = settings.AnchorsPath is null ? input.AnchorGrades : AnchorFile.Read(settings.AnchorsPath, scale!);
            CheckAnchorGrades(anchorGrades, scale, settings.AnchorsPath ?? settings.JudgementsPath);
            var result = Analysis.Run(input, anchorGrades, settings);
            var text = AnalyseWriter.Render(result, settings.Format);
            if (settings.OutPath is null)
            {
                output.Write(text);
            }
            else
            {
                AtomicFile.WriteAllText(settings.OutPath, text);
                error.WriteLine($"Wrote {settings.OutPath}");
            }

            return ExitCodes.Success;
        }
        catch (InputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    private static void CheckAnchorGrades(IReadOnlyDictionary<string, string> anchors, GradeScale? scale, string source)
    {
        foreach (var (id, grade) in anchors)
        {
            if (scale is not null && scale.IndexOf(grade) < 0)
            {
                throw new InputException($"{source}: grade '{grade}' of anchor '{id}' is not in grade scale {scale.Name} ({string.Join(", ", scale.Grades)}).");
            }
        }
    }
}
