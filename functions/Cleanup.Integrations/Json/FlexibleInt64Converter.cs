using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleanup.Integrations.Json;

/// <summary>An integer that may arrive as a number, a numeric string, or a whole float ("12", 12, 12.0). Anything else is null.</summary>
internal sealed class FlexibleInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (LenientJson.SkipIfComplex(ref reader))
        {
            return null;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var l))
                {
                    return l;
                }

                return reader.TryGetDouble(out var d) && double.IsFinite(d) && Math.Abs(d) < 9e18 ? (long)Math.Round(d) : null;
            case JsonTokenType.String:
                var s = reader.GetString()?.Trim();
                if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var pd) && double.IsFinite(pd) && Math.Abs(pd) < 9e18 ? (long)Math.Round(pd) : null;
            case JsonTokenType.True:
                return 1;
            case JsonTokenType.False:
                return 0;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
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
