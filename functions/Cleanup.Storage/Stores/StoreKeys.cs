using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cleanup.Storage.Stores;

/// <summary>
/// Turns ids the engine makes (item ids, audit ids, notification keys) into valid Table Storage keys, and builds
/// newest-first row keys. Stores keep the original id in a property, so the mapping only has to be unique.
/// </summary>
internal static class StoreKeys
{
    // Leaves room for a prefix such as "at|0000000000000000000|" in front of the id.
    private const int MaxIdChars = 400;

    /// <summary>
    /// The id with '%', '/', '\', '#', '?' and control characters percent-encoded (unique and reversible); very long
    /// ids become a SHA-256 so they still fit the 1 KiB key limit.
    /// </summary>
    public static string Escape(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var sb = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c))
                sb.Append('%').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                sb.Append(c);
        }

        return sb.Length <= MaxIdChars ? sb.ToString() : "sha256-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }

    /// <summary>19 digits that sort ascending as <paramref name="at"/> goes from newest to oldest.</summary>
    public static string NewestFirst(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>A filter for the rows whose RowKey starts with <paramref name="prefix"/> in one partition.</summary>
    public static string PrefixFilter(string partition, string prefix) =>
        Cleanup.Storage.Tables.TableFilter.Create(
            $"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + (char)(prefix[^1] + 1)}");
}
