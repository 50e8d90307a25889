namespace Cj.LlmProvider.Prompting;

/// <summary>The kinds of <see cref="Cj.Contracts.PromptBlock"/> (contracts §8) and their required order.</summary>
internal static class BlockKinds
{
    public const string Static = "static";
    public const string EssayA = "essay_a";
    public const string EssayB = "essay_b";
    public const string Footer = "footer";

    /// <summary>The rank of a kind in the required order, or -1 for an unknown kind.</summary>
    public static int Rank(string kind) => kind switch
    {
        Static => 0,
        EssayA => 1,
        EssayB => 2,
        Footer => 3,
        _ => -1,
    };
}
