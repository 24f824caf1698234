using Cleanup.Engine.Notifications;
using Cleanup.Engine.Ports;

namespace Cleanup.Integrations.Notifications;

/// <summary>
/// Sends each notification to every configured channel at once. A failing channel does not stop the others; its
/// failure comes back as "discord #1: HTTP 500", never with its URL, topic or token.
/// </summary>
public sealed class NotificationSender : INotificationSender, IDisposable
{
    private readonly HttpClient http;
    private readonly IReadOnlyList<NotificationChannel> channels;
    private readonly TimeSpan timeout;

    public NotificationSender(NotificationOptions options, HttpMessageHandler? handler = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        channels =
        [
            .. options.Webhooks.Select((w, i) => (NotificationChannel)new WebhookChannel($"webhook #{i + 1}", new Uri(w.Url!))),
            .. options.Discord.Select((d, i) => (NotificationChannel)new DiscordChannel($"discord #{i + 1}", new Uri(d.WebhookUrl!))),
            .. options.Ntfy.Select((n, i) => (NotificationChannel)new NtfyChannel($"ntfy #{i + 1}", new Uri(n.Url!), n.Topic!, n.Token)),
        ];
    }

    public int Channels => channels.Count;

    /// <summary>Channel labels, safe to show ("webhook #1", "discord #1", "ntfy #1").</summary>
    public IReadOnlyList<string> Labels => [.. channels.Select(c => c.Label)];

    public async Task<NotificationDelivery> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(channels.Select(async channel =>
        {
            try
            {
                await channel.SendAsync(http, notification, timeout, cancellationToken).ConfigureAwait(false);
                return null;
            }
            catch (NotificationChannelException ex)
            {
                return ex.Message;
            }
        })).ConfigureAwait(false);
        return new NotificationDelivery(results.Count(r => r is null), [.. results.OfType<string>()]);
    }

    public void Dispose() => http.Dispose();
}
