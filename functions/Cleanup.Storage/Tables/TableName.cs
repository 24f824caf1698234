using System.Text.RegularExpressions;

namespace Cleanup.Storage.Tables;

/// <summary>Table names: 3–63 characters, letters and digits, starting with a letter; "tables" is reserved.</summary>
internal static partial class TableName
{
    public static void Validate(string? name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Pattern().IsMatch(name) || name.Equals("tables", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"'{name}' is not a valid table name: use 3 to 63 letters or digits, starting with a letter.", nameof(name));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex Pattern();
}
