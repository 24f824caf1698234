namespace Cleanup.Api.Webhooks;

/// <summary>
/// Inbound webhooks (Radarr, Sonarr, Jellyfin), bound from <c>Webhooks</c>. Without a secret they are off.
/// Senders pass it in the <c>X-Cleanup-Secret</c> header, or as <c>?secret=</c> for those that cannot set headers
/// (keep request logging of query strings off then).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    public const int MinimumSecretLength = 16;

    /// <summary>Shared secret. Never logged or returned.</summary>
    public string? Secret { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Secret);

    public IReadOnlyList<string> Validate() =>
        Enabled && Secret!.Length < MinimumSecretLength
            ? [$"{Section}:Secret must be at least {MinimumSecretLength} characters (it guards who may trigger syncs)."]
            : [];
}
