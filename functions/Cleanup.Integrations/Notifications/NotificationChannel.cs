using Cleanup.Engine.Notifications;

namespace Cleanup.Integrations.Notifications;

/// <summary>
/// One configured destination. Its <see cref="Label"/> ("discord #1") is the only way it is ever named: the URL
/// carries the secret. Failures become <see cref="NotificationChannelException"/> with a URL-free reason.
/// </summary>
internal abstract class NotificationChannel(string label)
{
    public string Label { get; } = label;

    public async Task SendAsync(HttpClient http, Notification notification, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = Build(notification);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new NotificationChannelException($"{Label}: HTTP {(int)response.StatusCode}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationChannelException($"{Label}: timed out after {timeout.TotalSeconds:0}s");
        }
        catch (HttpRequestException ex)
        {
            // The exception's message can quote the URL; only its category is kept.
            throw new NotificationChannelException($"{Label}: {(ex.HttpRequestError == HttpRequestError.ConnectionError ? "connection failed" : ex.HttpRequestError == HttpRequestError.NameResolutionError ? "host name not found" : "request failed")}");
        }
    }

    protected abstract HttpRequestMessage Build(Notification notification);
}

/// <summary>A channel failed; the message names the channel by label only.</summary>
internal sealed class NotificationChannelException(string message) : Exception(message);
