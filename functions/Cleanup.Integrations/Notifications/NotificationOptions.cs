using Cleanup.Engine.Notifications;

namespace Cleanup.Integrations.Notifications;

/// <summary>
/// Where notifications go, bound from <c>Notifications</c>:
/// <c>{ Webhooks: [{ Url }], Discord: [{ WebhookUrl }], Ntfy: [{ Url, Topic, Token }], RemindBeforeDeletion: "3d" }</c>.
/// Every URL, topic and token here is a secret (webhook URLs embed their token): none is ever logged or shown.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public List<WebhookChannelOptions> Webhooks { get; set; } = [];

    public List<DiscordChannelOptions> Discord { get; set; } = [];

    public List<NtfyChannelOptions> Ntfy { get; set; } = [];

    /// <summary>How long before a deletion to remind: "3d", "12h", "90m", or a TimeSpan ("1.12:00:00").</summary>
    public string RemindBeforeDeletion { get; set; } = "3d";

    /// <summary>Per-request timeout.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    public NotificationSchedule Schedule => new(Duration.Parse(RemindBeforeDeletion));

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        for (var i = 0; i < Webhooks.Count; i++)
        {
            CheckUrl(Webhooks[i].Url, $"{Section}:Webhooks:{i}:Url", errors);
        }

        for (var i = 0; i < Discord.Count; i++)
        {
            CheckUrl(Discord[i].WebhookUrl, $"{Section}:Discord:{i}:WebhookUrl", errors);
        }

        for (var i = 0; i < Ntfy.Count; i++)
        {
            CheckUrl(Ntfy[i].Url, $"{Section}:Ntfy:{i}:Url", errors);
            if (string.IsNullOrWhiteSpace(Ntfy[i].Topic) || Ntfy[i].Topic!.Contains('/', StringComparison.Ordinal))
            {
                errors.Add($"{Section}:Ntfy:{i}:Topic is required and must not contain '/'.");
            }
        }

        if (!Duration.TryParse(RemindBeforeDeletion, out var remind) || remind <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:RemindBeforeDeletion must be a positive duration such as \"3d\", \"12h\" or \"90m\".");
        }

        if (TimeoutSeconds is < 1 or > 300)
        {
            errors.Add($"{Section}:TimeoutSeconds must be between 1 and 300 (was {TimeoutSeconds}).");
        }

        return errors;
    }

    /// <summary>Names the setting only: the value is a secret.</summary>
    private static void CheckUrl(string? url, string setting, List<string> errors)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{setting} must be an absolute http(s) URL.");
        }
    }
}

public sealed class WebhookChannelOptions
{
    public string? Url { get; set; }
}

public sealed class DiscordChannelOptions
{
    public string? WebhookUrl { get; set; }
}

public sealed class NtfyChannelOptions
{
    /// <summary>The ntfy server, e.g. https://ntfy.sh.</summary>
    public string? Url { get; set; }

    public string? Topic { get; set; }

    /// <summary>Access token (sent as a bearer token); optional.</summary>
    public string? Token { get; set; }
}
