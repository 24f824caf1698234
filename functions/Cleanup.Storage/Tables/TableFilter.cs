using System.Globalization;

namespace Cleanup.Storage.Tables;

/// <summary>
/// Builds OData $filter strings with correctly quoted literals, so values can never change the filter's meaning:
/// <c>TableFilter.Create($"PartitionKey eq {pk} and Size gt {1L &lt;&lt; 40}")</c>.
/// </summary>
public static class TableFilter
{
    /// <summary>Formats each argument as an OData literal (strings quoted with '' escaping, 123L, datetime'…', guid'…', X'…').</summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>One value as an OData literal.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''") + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var r && (r.Contains('.') || r.Contains('E') || r.Contains('N') || r.Contains('I')) ? r : r + ".0",
        DateTimeOffset dt => "datetime'" + TableEntityJson.FormatDate(dt) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        _ => throw new ArgumentException($"{value.GetType().Name} cannot be used in a table filter.", nameof(value)),
    };
}
