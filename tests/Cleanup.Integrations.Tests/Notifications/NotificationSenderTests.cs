using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Cleanup.Engine.Deletion;
using Cleanup.Engine.Notifications;
using Cleanup.Integrations.Notifications;

namespace Cleanup.Integrations.Tests.Notifications;

public sealed class NotificationSenderTests : IAsyncLifetime
{
    private const string Secret = "s3cr3t-token-AbC";
    private static readonly DateTimeOffset At = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private RecordingServer server = null!;

    private static Notification LeavingSoon => new(
        NotificationKind.LeavingSoon,
        "2 items leaving soon",
        "The Matrix (1999): movie, 8 GB, deleted on 2026-05-15\nHeat (1995): movie, 4 GB, deleted on 2026-05-16",
        [new NotificationItem("movie:tmdb:603", "The Matrix", DeletionMediaType.Movie, 8L << 30, At.AddDays(14))],
        At,
        "job-1");

    public async Task InitializeAsync() => server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_generic_webhook_gets_the_notification_as_json()
    {
        using var sender = new NotificationSender(new NotificationOptions { Webhooks = [new() { Url = $"{server.BaseUrl}/hook/{Secret}" }] });

        var delivery = await sender.SendAsync(LeavingSoon, default);

        Assert.Equal(1, delivery.Delivered);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/hook/{Secret}", request.Path);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("leaving-soon", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("2 items leaving soon", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("job-1", json.RootElement.GetProperty("runId").GetString());
        var item = json.RootElement.GetProperty("items")[0];
        Assert.Equal("movie", item.GetProperty("mediaType").GetString());
        Assert.Equal(8L << 30, item.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task Discord_gets_one_embed_with_title_description_colour_and_time()
    {
        using var sender = new NotificationSender(new NotificationOptions { Discord = [new() { WebhookUrl = $"{server.BaseUrl}/api/webhooks/1/{Secret}" }] });

        await sender.SendAsync(LeavingSoon, default);

        using var json = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal("Cleanup", json.RootElement.GetProperty("username").GetString());
        var embed = Assert.Single(json.RootElement.GetProperty("embeds").EnumerateArray());
        Assert.Equal("2 items leaving soon", embed.GetProperty("title").GetString());
        Assert.StartsWith("The Matrix (1999)", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0xE67E22, embed.GetProperty("color").GetInt32());
        Assert.Equal(At, embed.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("run job-1", embed.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Discord_descriptions_are_cut_to_its_limit()
    {
        using var sender = new NotificationSender(new NotificationOptions { Discord = [new() { WebhookUrl = $"{server.BaseUrl}/d" }] });

        await sender.SendAsync(LeavingSoon with { Message = new string('x', 5000) }, default);

        using var json = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal(4096, json.RootElement.GetProperty("embeds")[0].GetProperty("description").GetString()!.Length);
    }

    [Fact]
    public async Task Ntfy_gets_the_message_on_the_topic_url_with_title_tags_and_token()
    {
        using var sender = new NotificationSender(new NotificationOptions { Ntfy = [new() { Url = server.BaseUrl + "/", Topic = "cleanup-alerts", Token = Secret }] });

        await sender.SendAsync(LeavingSoon, default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/cleanup-alerts", request.Path);
        Assert.Equal("2 items leaving soon", request.Headers["Title"]);
        Assert.Equal("hourglass_flowing_sand", request.Headers["Tags"]);
        Assert.Equal($"Bearer {Secret}", request.Headers["Authorization"]);
        Assert.StartsWith("The Matrix (1999)", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ntfy_titles_outside_ascii_are_sent_as_encoded_words()
    {
        using var sender = new NotificationSender(new NotificationOptions { Ntfy = [new() { Url = server.BaseUrl, Topic = "t" }] });

        await sender.SendAsync(LeavingSoon with { Title = "Amélie leaving soon", Kind = NotificationKind.RunFailed }, default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("=?UTF-8?B?" + Convert.ToBase64String("Amélie leaving soon"u8.ToArray()) + "?=", request.Headers["Title"]);
        Assert.Equal("rotating_light", request.Headers["Tags"]);
        Assert.Equal("high", request.Headers["Priority"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Every_channel_gets_it_and_a_failing_one_is_named_without_its_secret()
    {
        await using var failing = await RecordingServer.StartAsync();
        failing.Status = 500;
        var closedPort = ClosedPort();
        using var sender = new NotificationSender(new NotificationOptions
        {
            Webhooks = [new() { Url = $"{server.BaseUrl}/ok" }, new() { Url = $"http://127.0.0.1:{closedPort}/hook/{Secret}" }],
            Discord = [new() { WebhookUrl = $"{failing.BaseUrl}/api/webhooks/1/{Secret}" }],
            Ntfy = [new() { Url = server.BaseUrl, Topic = Secret, Token = Secret }],
        });

        var delivery = await sender.SendAsync(LeavingSoon, default);

        Assert.Equal(2, delivery.Delivered);
        Assert.Equal(4, sender.Channels);
        Assert.Equal(["webhook #2: connection failed", "discord #1: HTTP 500"], delivery.Errors);
        Assert.All(delivery.Errors, e => Assert.DoesNotContain(Secret, e, StringComparison.Ordinal));
        Assert.All(delivery.Errors, e => Assert.DoesNotContain("127.0.0.1", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_settings_name_the_setting_but_never_its_value()
    {
        var options = new NotificationOptions
        {
            Discord = [new() { WebhookUrl = $"discord.com/api/webhooks/1/{Secret}" }],
            Ntfy = [new() { Url = "https://ntfy.sh", Topic = "" }],
            RemindBeforeDeletion = "soon",
        };

        var errors = options.Validate();

        Assert.Equal(
            [
                "Notifications:Discord:0:WebhookUrl must be an absolute http(s) URL.",
                "Notifications:Ntfy:0:Topic is required and must not contain '/'.",
                "Notifications:RemindBeforeDeletion must be a positive duration such as \"3d\", \"12h\" or \"90m\".",
            ],
            errors);
        var ex = Assert.Throws<ArgumentException>(() => new NotificationSender(options));
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3d", 3 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1.12:00:00", 36 * 60)]
    public void Reminder_times_are_read_the_way_owners_write_them(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), new NotificationOptions { RemindBeforeDeletion = text }.Schedule.RemindBeforeDeletion);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
