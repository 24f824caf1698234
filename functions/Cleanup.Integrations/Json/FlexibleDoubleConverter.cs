using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleanup.Integrations.Json;

/// <summary>A number that may arrive as a string (Tautulli's watched_status is 0, 0.5 or 1, sometimes quoted).</summary>
internal sealed class FlexibleDoubleConverter : JsonConverter<double?>
{
    public override bool HandleNull => true;

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (LenientJson.SkipIfComplex(ref reader))
        {
            return null;
        }

        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDouble(),
            JsonTokenType.String => double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            JsonTokenType.True => 1,
            JsonTokenType.False => 0,
            _ => null,
        };
    }

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
