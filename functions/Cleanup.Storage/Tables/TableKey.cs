using System.Text;

namespace Cleanup.Storage.Tables;

/// <summary>
/// PartitionKey/RowKey rules: no '/', '\', '#', '?' or control characters (U+0000–U+001F, U+007F–U+009F), at most
/// 1 KiB (512 UTF-16 chars). Inside a URL a key has its single quotes doubled, then is percent-encoded.
/// </summary>
internal static class TableKey
{
    public const int MaxLength = 512;

    public static void Validate(string? key, string keyName)
    {
        if (key is null) throw new ArgumentNullException(keyName, $"The {keyName} is required.");
        if (key.Length > MaxLength)
            throw new ArgumentException($"The {keyName} is {key.Length} characters long; Table Storage keys are at most {MaxLength} characters (1 KiB).", keyName);
        if (System.Text.Unicode.Utf8.FromUtf16(key, new byte[key.Length * 3], out _, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
            throw new ArgumentException($"The {keyName} \"{Printable(key)}\" contains an unpaired surrogate character, which cannot be sent in a URL.", keyName);
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
                throw new ArgumentException(
                    $"The {keyName} \"{Printable(key)}\" contains {Printable(c.ToString())}, which Table Storage does not allow in keys ('/', '\\', '#', '?' and control characters).",
                    keyName);
        }
    }

    /// <summary>A key as it appears inside <c>(PartitionKey='…')</c> in a URL path.</summary>
    public static string Escape(string key) => Uri.EscapeDataString(key.Replace("'", "''"));

    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"/{table}(PartitionKey='{Escape(partitionKey)}',RowKey='{Escape(rowKey)}')";

    /// <summary>Control characters shown as \uXXXX so the message stays readable; long keys shortened.</summary>
    internal static string Printable(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value.Length > 100 ? value[..100] : value)
        {
            if (char.IsControl(c)) sb.Append($"\\u{(int)c:X4}");
            else sb.Append(c);
        }

        if (value.Length > 100) sb.Append('…');
        return sb.ToString();
    }
}
