using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

// Shared by the Jellyfin, Plex, Jellystat and Tautulli clients (kept in this folder by ownership; it could move to Http/).
namespace Cleanup.Integrations.Json;

/// <summary>
/// Converters for services whose JSON types drift between versions and code paths: ids that are sometimes numbers and
/// sometimes strings, numbers sent as strings (Postgres bigint through node-pg), booleans sent as 0/1.
/// They never throw on a surprising scalar; a value they cannot read becomes null and the mapper decides.
/// </summary>
internal static class LenientJson
{
    /// <param name="caseInsensitive">False for Plex, which sends <c>guid</c> (a string) beside <c>Guid</c> (a list).</param>
    public static JsonSerializerOptions Options(JsonNamingPolicy? naming, bool caseInsensitive = true) => new()
    {
        PropertyNamingPolicy = naming,
        PropertyNameCaseInsensitive = caseInsensitive,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Skips the current value (object/array) and returns null for anything that is not a scalar.</summary>
    internal static bool SkipIfComplex(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return true;
        }

        return false;
    }
}

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
