namespace Cj.Runner.Tests.Analyse;

/// <summary>Bad input gets exit code 2 and a message that names the file or field and the reason.</summary>
public sealed class AnalyseInputErrorTests
{
    [Fact]
    public void A_missing_file_is_named()
    {
        var (exit, output, error) = Cli.Run("analyse", "--judgements", "/no/such/judgements.csv");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("/no/such/judgements.csv: file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_reported_as_empty()
    {
        using var temp = new TempFolder();
        var file = temp.Write("empty.csv", "");
        var (exit, _, error) = Cli.Run("analyse", "--judgements", file);
        Assert.Equal(2, exit);
        Assert.Contains("empty.csv: the file is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_without_rows_is_reported()
    {
        using var temp = new TempFolder();
        var file = temp.Write("header.csv", "winner,loser\n");
        var (exit, _, error) = Cli.Run("analyse", "--judgements", file);
        Assert.Equal(2, exit);
        Assert.Contains("no judgements after the header row", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_columns_are_reported_with_the_header_found()
    {
        using var temp = new TempFolder();
        var file = temp.Write("cols.csv", "first,second\na,b\n");
        var (exit, _, error) = Cli.Run("analyse", "--judgements", file);
        Assert.Equal(2, exit);
        Assert.Contains("no winner column", error, StringComparison.Ordinal);
        Assert.Contains("Header: first, second", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_column_that_does_not_exist_is_reported()
    {
        using var temp = new TempFolder();
        var file = temp.Write("cols.csv", "winner,loser\na,b\n");
        var (exit, _, error) = Cli.Run("analyse", "--judgements", file, "--winner-column", "victor");
        Assert.Equal(2, exit);
        Assert.Contains("no column named 'victor' (--winner-column)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_anchor_grade_not_in_the_scale_is_reported_with_its_line()
    {
        using var temp = new TempFolder();
        var judgements = temp.Write("j.csv", "winner,loser\na,b\nb,c\n");
        var anchors = temp.Write("anchors.csv", "essay_id,grade\na,A\nc,Q\n");
        var (exit, _, error) = Cli.Run("analyse", "--judgements", judgements, "--anchors", anchors, "--grade-scale", "swedish_8_anchor");
        Assert.Equal(2, exit);
        Assert.Contains("anchors.csv, line 3: grade 'Q' of anchor 'c' is not in grade scale swedish_8_anchor", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Judgements_of_an_essay_against_itself_leave_fewer_than_two_items_and_are_an_error()
    {
        using var temp = new TempFolder();
        var file = temp.Write("self.csv", "winner,loser\na,a\n");
        var (exit, _, error) = Cli.Run("analyse", "--judgements", file);
        Assert.Equal(2, exit);
        Assert.Contains("self.csv: no usable judgements; every row compares an essay with itself", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_artefact_with_one_essay_has_fewer_than_two_items()
    {
        using var temp = new TempFolder();
        var file = temp.Write("one.json", """{ "results": { "comparisons": [ { "winner_id": "a", "loser_id": "b", "status": "failed" } ], "essays": [ { "essay_id": "a" } ] } }""");
        var (exit, _, error) = Cli.Run("analyse", "--judgements", file);
        Assert.Equal(2, exit);
        Assert.Contains("no successful comparisons", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_judgement_among_others_is_skipped_with_a_warning()
    {
        using var temp = new TempFolder();
        var file = temp.Write("mixed.csv", "winner,loser\na,b\nb,b\nb,c\n");
        var (exit, output, error) = Cli.Run("analyse", "--judgements", file, "--split-half-splits", "0");
        Assert.Equal(0, exit);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("\"judgements\": 2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_grade_scale_lists_the_known_ones()
    {
        var (exit, _, error) = Cli.Run("analyse", "--judgements", Cli.Sample("analyse/judgements.csv"), "--grade-scale", "letters");
        Assert.Equal(2, exit);
        Assert.Contains("--grade-scale", error, StringComparison.Ordinal);
        Assert.Contains("eng5_np_legacy_9_step", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_method_is_invalid_usage()
    {
        var (exit, _, error) = Cli.Run("analyse", "--judgements", Cli.Sample("analyse/judgements.csv"), "--method", "elo");
        Assert.Equal(2, exit);
        Assert.Contains("'elo'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_reported()
    {
        var (exit, _, error) = Cli.Run("analyse", "--judgements", Cli.Sample("analyse/judgements.csv"), "--out", "/proc/no-such-dir/out.json");
        Assert.Equal(2, exit);
        Assert.Contains("/proc/no-such-dir/out.json: cannot be written", error, StringComparison.Ordinal);
    }
}
