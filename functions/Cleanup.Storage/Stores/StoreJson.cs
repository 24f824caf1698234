using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleanup.Storage.Stores;

/// <summary>How records are stored as JSON columns: web naming, enums by name (readable in Storage Explorer and
/// stable when enum members are reordered).</summary>
internal static class StoreJson
{
    /// <summary>Table Storage strings hold 32 K UTF-16 chars; records are trimmed to stay below this.</summary>
    public const int MaxChars = 30_000;

    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string? json, string where) =>
        (json is null ? default : JsonSerializer.Deserialize<T>(json, Options))
        ?? throw new InvalidOperationException($"The stored {typeof(T).Name} at {where} is empty.");

    /// <summary>A list cut to whole entries so its JSON stays under <paramref name="maxChars"/>, saying how many were dropped.</summary>
    public static IReadOnlyList<string> Trim(IReadOnlyList<string> values, int maxChars)
    {
        var kept = new List<string>();
        var length = 2;
        foreach (var v in values)
        {
            length += (v.Length * 2) + 4; // escaping can at worst double a string
            if (length > maxChars - 64) break;
            kept.Add(v);
        }

        if (kept.Count == values.Count) return values;
        kept.Add($"… {values.Count - kept.Count} more");
        return kept;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
