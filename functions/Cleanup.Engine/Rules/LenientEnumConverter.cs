using System.Text.Json;
using System.Text.Json.Serialization;
using Cleanup.Engine.Library;
using Cleanup.Engine.Rules.Conditions;

namespace Cleanup.Engine.Rules;

/// <summary>
/// Enums as camelCase strings; reading ignores case, <c>_</c> and <c>-</c> (so <c>last_watched_or_added</c> and
/// <c>LastWatchedOrAdded</c> both work) and knows a few words people use (<c>equals</c>, <c>tv</c>, <c>show</c>).
/// </summary>
internal sealed class LenientEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(LenientEnumConverter<>).MakeGenericType(typeToConvert))!;
}

internal sealed class LenientEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByKey = Build();

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"must be one of: {Names()}");
        }

        var text = reader.GetString() ?? string.Empty;
        return ByKey.TryGetValue(Key(text), out var value)
            ? value
            : throw new JsonException($"'{text}' is not one of: {Names()}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Camel(value.ToString()));

    private static Dictionary<string, T> Build()
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<T>()) map[Key(value.ToString())] = value;

        if (typeof(T) == typeof(ConditionOperator))
        {
            map["equals"] = (T)(object)ConditionOperator.EqualTo;
            map["notequals"] = (T)(object)ConditionOperator.NotEqualTo;
            map["is"] = (T)(object)ConditionOperator.EqualTo;
            map["isnot"] = (T)(object)ConditionOperator.NotEqualTo;
        }
        else if (typeof(T) == typeof(MediaType))
        {
            map["tv"] = (T)(object)MediaType.Series;
            map["show"] = (T)(object)MediaType.Series;
        }

        return map;
    }

    private static string Key(string text)
    {
        Span<char> buffer = stackalloc char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c is '_' or '-' or ' ') continue;
            buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }

    private static string Names() => string.Join(", ", Enum.GetNames<T>().Select(Camel));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
