using System.Net.Http.Headers;
using System.Text;
using Cleanup.Engine.Notifications;

namespace Cleanup.Integrations.Notifications;

/// <summary>ntfy: POSTs the message as text to <c>{Url}/{Topic}</c> with <c>Title</c> and <c>Tags</c> headers.</summary>
internal sealed class NtfyChannel(string label, Uri server, string topic, string? token) : NotificationChannel(label)
{
    protected override HttpRequestMessage Build(Notification notification)
    {
        var url = new Uri(server.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(topic));
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(notification.Message.Length > 0 ? notification.Message : notification.Title, Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation("Title", HeaderSafe(notification.Title));
        request.Headers.TryAddWithoutValidation("Tags", TagsOf(notification.Kind));
        if (notification.Kind is NotificationKind.RunFailed or NotificationKind.DeletionReminder)
        {
            request.Headers.TryAddWithoutValidation("Priority", "high");
        }

        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    internal static string TagsOf(NotificationKind kind) => kind switch
    {
        NotificationKind.LeavingSoon => "hourglass_flowing_sand",
        NotificationKind.DeletionReminder => "warning",
        NotificationKind.Deleted => "wastebasket",
        _ => "rotating_light",
    };

    /// <summary>Header values must be ASCII: anything else goes as an RFC 2047 encoded word, which ntfy decodes.</summary>
    internal static string HeaderSafe(string value) =>
        value.All(c => c is >= ' ' and < (char)127)
            ? value
            : "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value.ReplaceLineEndings(" "))) + "?=";
}
