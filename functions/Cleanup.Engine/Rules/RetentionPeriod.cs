using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cleanup.Engine.Rules;

/// <summary>
/// A duration as users write it: <c>30d</c>, <c>12h</c>, <c>2w</c>, <c>0d</c> or <c>never</c> (case-insensitive,
/// whole numbers). Invalid text is kept with its <see cref="Error"/> rather than thrown, so that
/// <see cref="RuleSetValidator"/> can report every bad field at once, by name. The default value is <c>never</c>.
/// </summary>
/// <remarks>
/// What zero means depends on the field: a retention of <c>0d</c> disables the rule like <c>never</c> (as in
/// OxiCleanarr: "delete immediately" is almost always a mistake, and the safe reading wins); a window or grace period of
/// <c>0d</c> is simply zero.
/// </remarks>
[JsonConverter(typeof(RetentionPeriodJsonConverter))]
public readonly record struct RetentionPeriod
{
    private const string NeverText = "never";

    // A hundred years: beyond it a date overflows sooner or later, and nobody means it.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(36_500);

    private readonly string? text;

    private RetentionPeriod(string text, TimeSpan? duration, string? error)
    {
        this.text = text;
        Duration = duration;
        Error = error;
    }

    public static RetentionPeriod Never => new(NeverText, null, null);

    /// <summary>The text as written (normalised to lower case).</summary>
    public string Text => text ?? NeverText;

    /// <summary>The duration; null for <c>never</c> and for invalid text.</summary>
    public TimeSpan? Duration { get; }

    /// <summary>Why the text is not a duration; null when it is one.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    public bool IsNever => IsValid && Duration is null;

    /// <summary>A valid zero duration (<c>0d</c>, <c>0h</c>).</summary>
    public bool IsZero => Duration == TimeSpan.Zero;

    public static RetentionPeriod Days(int days) => From(TimeSpan.FromDays(days), $"{days.ToString(CultureInfo.InvariantCulture)}d");

    public static RetentionPeriod Hours(int hours) => From(TimeSpan.FromHours(hours), $"{hours.ToString(CultureInfo.InvariantCulture)}h");

    private static RetentionPeriod From(TimeSpan duration, string text) =>
        duration < TimeSpan.Zero || duration > Longest
            ? new(text, null, "must be between 0 and 36500 days")
            : new(text, duration, null);

    /// <summary>Parses without throwing; check <see cref="IsValid"/>.</summary>
    public static RetentionPeriod Parse(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant() ?? string.Empty;
        if (trimmed.Length == 0) return new(trimmed, null, "is empty; use a duration like 30d, 12h, 2w, or never");
        if (trimmed == NeverText) return Never;

        var unit = trimmed[^1];
        var number = trimmed[..^1].TrimEnd();
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return new(trimmed, null, $"'{trimmed}' is not a duration; use a whole number and a unit like 30d, 12h, 2w, or never");
        }

        double? hours = unit switch
        {
            'h' => amount,
            'd' => amount * 24d,
            'w' => amount * 24d * 7,
            _ => null,
        };

        if (hours is null)
        {
            return new(trimmed, null, $"'{trimmed}' has an unknown unit '{unit}'; use h (hours), d (days) or w (weeks)");
        }

        return hours > Longest.TotalHours
            ? new(trimmed, null, $"'{trimmed}' is longer than 36500 days; use never to keep forever")
            : new(trimmed, TimeSpan.FromHours(hours.Value), null);
    }

    public override string ToString() => Text;
}

internal sealed class RetentionPeriodJsonConverter : JsonConverter<RetentionPeriod>
{
    public override RetentionPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => RetentionPeriod.Parse(reader.GetString()),
            JsonTokenType.Null => RetentionPeriod.Never,
            // A bare number is days, as in a quick hand-written config.
            JsonTokenType.Number when reader.TryGetInt32(out var days) => RetentionPeriod.Parse($"{days.ToString(CultureInfo.InvariantCulture)}d"),
            _ => RetentionPeriod.Parse(JsonDocument.ParseValue(ref reader).RootElement.GetRawText()),
        };

    public override void Write(Utf8JsonWriter writer, RetentionPeriod value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text);
}
