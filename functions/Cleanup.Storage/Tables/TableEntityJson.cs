using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cleanup.Storage.Tables;

/// <summary>
/// Entity JSON in the OData "minimal metadata" shape: types JSON cannot express (Int64, Double, DateTime, Guid,
/// Binary) carry a <c>Name@odata.type</c> annotation, so they read back as the type that was written.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    // Non-ASCII stays UTF-8 (smaller payloads); control characters and U+2028/2029 are still escaped, which keeps
    // every entity on one line as Azurite's batch parser requires.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Validates the entity's limits, then writes it (keys included).</summary>
    public static byte[] Serialize(TableEntity entity)
    {
        TableEntityLimits.Validate(entity);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties) WriteProperty(writer, name, value);
            writer.WriteEndObject();
        }

        TableEntityLimits.ValidatePayload(entity, buffer.WrittenCount);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                // Always annotated: 5.0 written as 5 would otherwise be stored as Int32.
                writer.WriteString(name + TypeSuffix, "Edm.Double");
                if (double.IsNaN(d)) writer.WriteString(name, "NaN");
                else if (double.IsPositiveInfinity(d)) writer.WriteString(name, "Infinity");
                else if (double.IsNegativeInfinity(d)) writer.WriteString(name, "-Infinity");
                else writer.WriteNumber(name, d);
                break;
            case DateTimeOffset dt:
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                writer.WriteString(name, FormatDate(dt));
                break;
            case Guid g:
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            default:
                throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.");
        }
    }

    internal static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static TableEntity Deserialize(JsonElement json, string? etagHeader = null)
    {
        var entity = new TableEntity(
            json.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() ?? "" : "",
            json.TryGetProperty("RowKey", out var rk) ? rk.GetString() ?? "" : "");
        entity.ETag = etagHeader ?? (json.TryGetProperty("odata.etag", out var etag) ? etag.GetString() : null);

        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@') ||
                name is "PartitionKey" or "RowKey")
                continue;

            string? edmType = json.TryGetProperty(name + TypeSuffix, out var t) ? t.GetString() : null;
            if (name == "Timestamp")
            {
                if (property.Value.ValueKind == JsonValueKind.String) entity.Timestamp = ParseDate(property.Value.GetString()!);
                continue;
            }

            var value = ReadValue(name, property.Value, edmType);
            if (value is not null) entity.SetFromService(name, value);
        }

        return entity;
    }

    private static object? ReadValue(string name, JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        try
        {
            switch (edmType)
            {
                case "Edm.Int64":
                    return value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, CultureInfo.InvariantCulture);
                case "Edm.Int32":
                    return value.ValueKind == JsonValueKind.Number ? value.GetInt32() : int.Parse(value.GetString()!, CultureInfo.InvariantCulture);
                case "Edm.Double":
                    return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : value.GetString() switch
                    {
                        "NaN" => double.NaN,
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        var s => double.Parse(s!, CultureInfo.InvariantCulture),
                    };
                case "Edm.DateTime":
                    return ParseDate(value.GetString()!);
                case "Edm.Guid":
                    return Guid.Parse(value.GetString()!);
                case "Edm.Binary":
                    return value.GetBytesFromBase64();
                case "Edm.Boolean":
                    return value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean();
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                // Unannotated numbers are Int32 or Double; the service writes doubles with a decimal point or exponent.
                JsonValueKind.Number when value.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && value.TryGetInt32(out var i) => i,
                JsonValueKind.Number => value.GetDouble(),
                _ => value.GetRawText(),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new FormatException($"Table Storage returned property '{name}' ({edmType ?? value.ValueKind.ToString()}) in a form this client cannot read.", e);
        }
    }

    private static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
