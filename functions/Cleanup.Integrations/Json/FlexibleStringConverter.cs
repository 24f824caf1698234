using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleanup.Integrations.Json;

/// <summary>A string that may arrive as a number or boolean. Empty strings become null (Tautulli sends "" for "none").</summary>
internal sealed class FlexibleStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (LenientJson.SkipIfComplex(ref reader))
        {
            return null;
        }

        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
