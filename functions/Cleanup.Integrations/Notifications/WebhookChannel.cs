using System.Net.Http.Json;
using Cleanup.Engine.Notifications;
using Cleanup.Engine.Workflows;

namespace Cleanup.Integrations.Notifications;

/// <summary>
/// A generic JSON webhook: POSTs the notification as
/// <c>{ kind, title, message, items: [{ itemId, title, mediaType, sizeBytes, deletionDate, outcome }], at, runId }</c>.
/// </summary>
internal sealed class WebhookChannel(string label, Uri url) : NotificationChannel(label)
{
    protected override HttpRequestMessage Build(Notification notification) =>
        new(HttpMethod.Post, url) { Content = JsonContent.Create(notification, options: WorkflowJson.Options) };
}
