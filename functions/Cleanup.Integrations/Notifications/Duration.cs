using System.Globalization;

namespace Cleanup.Integrations.Notifications;

/// <summary>Durations as owners write them: "3d", "12h", "90m", "45s", or a .NET TimeSpan ("1.12:00:00").</summary>
public static class Duration
{
    public static TimeSpan Parse(string value) =>
        TryParse(value, out var duration) ? duration : throw new FormatException($"'{value}' is not a duration such as \"3d\", \"12h\" or \"90m\".");

    public static bool TryParse(string? value, out TimeSpan duration)
    {
        duration = default;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var unit = char.ToLowerInvariant(text[^1]);
        if (unit is 'd' or 'h' or 'm' or 's'
            && double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            duration = unit switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromSeconds(amount),
            };
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }
}
