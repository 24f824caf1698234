using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleanup.Integrations.Json;

/// <summary>A boolean that may arrive as true/false, 0/1 or their string forms.</summary>
internal sealed class FlexibleBoolConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (LenientJson.SkipIfComplex(ref reader))
        {
            return null;
        }

        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number => reader.TryGetDouble(out var d) ? d != 0 : null,
            JsonTokenType.String => reader.GetString()?.Trim().ToLowerInvariant() switch
            {
                "1" or "true" or "yes" => true,
                "0" or "false" or "no" => false,
                _ => null,
            },
            _ => null,
        };
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteBooleanValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
