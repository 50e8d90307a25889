namespace Cj.LlmProvider.Prompting;

/// <summary>Reads a text resource embedded in this assembly (logical name <c>Cj.LlmProvider.{name}</c>).</summary>
internal static class EmbeddedText
{
    public static string Read(string name)
    {
        var assembly = typeof(EmbeddedText).Assembly;
        using var stream = assembly.GetManifestResourceStream("Cj.LlmProvider." + name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
