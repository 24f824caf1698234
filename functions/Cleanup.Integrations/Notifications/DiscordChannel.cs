using System.Net.Http.Json;
using Cleanup.Engine.Notifications;

namespace Cleanup.Integrations.Notifications;

/// <summary>A Discord channel webhook: one embed per notification (title, description, colour by kind, timestamp).</summary>
internal sealed class DiscordChannel(string label, Uri webhookUrl) : NotificationChannel(label)
{
    // Discord's limits: embed title 256 characters, description 4096.
    private const int MaxTitle = 256;
    private const int MaxDescription = 4096;

    protected override HttpRequestMessage Build(Notification notification)
    {
        var embed = new Dictionary<string, object?>
        {
            ["title"] = Truncate(notification.Title, MaxTitle),
            ["description"] = Truncate(notification.Message, MaxDescription),
            ["color"] = ColorOf(notification.Kind),
            ["timestamp"] = notification.At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (notification.RunId is { } runId)
        {
            embed["footer"] = new { text = $"run {runId}" };
        }

        var payload = new { username = "Cleanup", embeds = new[] { embed } };
        return new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = JsonContent.Create(payload) };
    }

    internal static int ColorOf(NotificationKind kind) => kind switch
    {
        NotificationKind.LeavingSoon => 0xE67E22,
        NotificationKind.DeletionReminder => 0xF1C40F,
        NotificationKind.Deleted => 0xE74C3C,
        _ => 0x992D22,
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
