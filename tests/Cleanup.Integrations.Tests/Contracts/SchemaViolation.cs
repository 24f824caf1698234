namespace Cleanup.Integrations.Tests.Contracts;

/// <summary>One way a JSON value breaks its schema. <paramref name="Path"/> is JSONPath-like: <c>$[3].movieFile.size</c>.</summary>
public sealed record SchemaViolation(string Path, string Message)
{
    /// <summary>The path with array indexes as <c>[*]</c>, to compare against a list of documented differences.</summary>
    public string Pattern => System.Text.RegularExpressions.Regex.Replace(Path, @"\[\d+\]", "[*]");

    public override string ToString() => $"{Path}: {Message}";
}
