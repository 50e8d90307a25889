namespace Cj.Runner;

/// <summary>Bad input from the user: the message names the file or field and the reason; exit code 2.</summary>
internal sealed class InputException(string message) : Exception(message);
