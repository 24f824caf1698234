using Cleanup.Engine.Sources;
using Cleanup.Fakes.Jellyfin;
using Cleanup.Fakes.Library;
using Cleanup.Integrations.Jellyfin;
using Cleanup.Integrations.Tests.Contracts;
using static Cleanup.Integrations.Tests.Common.TestServices;

namespace Cleanup.Integrations.Tests.Jellyfin;

/// <summary>
/// Every request the Jellyfin client makes, and every answer the fake gives it, checked against Jellyfin 10.11's
/// OpenAPI document (shared/specs/jellyfin.openapi.json).
/// </summary>
public sealed class FakeJellyfinContractTests : IAsyncLifetime
{
    private readonly FakeJellyfin fake = new(FakeLibraries.Demo(TimeProvider.System), "contract-key");
    private readonly ExchangeRecorder recorder = new();

    public async Task InitializeAsync() => await fake.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task The_client_and_the_fake_follow_the_jellyfin_spec()
    {
        var validator = OpenApiDocument.Load("jellyfin.openapi.json");
        using (var client = JellyfinClient.Create(ServiceKind.Jellyfin, OptionsFor(fake, "jellyfin"), TimeProvider.System, recorder, pageSize: 20))
        {
            await client.ProbeAsync(default);
            var users = await client.ListUsersAsync(default);
            await client.ListItemsAsync(default);
            await client.ListWatchStateAsync(users[0], null, default);
            await client.ListNowPlayingAsync(default);
            await client.RefreshLibraryAsync(default);
            var ids = new[] { FakeKeys.JellyfinId(FakeKeys.Movie(603)), FakeKeys.JellyfinId(FakeKeys.Movie(129)) };
            await client.SyncCollectionAsync("Leaving soon", ids, default);
            await client.SyncCollectionAsync("Leaving soon", ids[1..], default);
            await client.SyncCollectionAsync("Leaving soon", ids[..1], default);
        }

        var exchanges = recorder.Exchanges;
        Assert.Contains(exchanges, e => e.Method == "DELETE");
        Assert.Contains(exchanges, e => e.Path == "/Collections" && e.Method == "POST");
        var errors = exchanges.SelectMany(e => validator.CheckExchange(e.Method, e.Path, e.QueryNames, e.Status, e.Body)).Distinct().ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_validator_rejects_what_the_spec_does_not_allow()
    {
        var validator = OpenApiDocument.Load("jellyfin.openapi.json");
        Assert.NotEmpty(validator.CheckExchange("GET", "/Items", ["userId", "bogusParameter"], 200, """{"Items":[],"TotalRecordCount":0,"StartIndex":0}"""));
        Assert.NotEmpty(validator.CheckExchange("GET", "/Items", [], 200, """{"Items":[{"Id":"not-a-guid","Type":"Movie"}],"TotalRecordCount":1}"""));
        Assert.NotEmpty(validator.CheckExchange("GET", "/Items", [], 200, """{"Items":[{"Type":"Film"}],"TotalRecordCount":1}"""));
        Assert.NotEmpty(validator.CheckExchange("GET", "/Items", [], 200, """{"Items":[],"TotalRecordCount":"1","Extra":true}"""));
        Assert.NotEmpty(validator.CheckExchange("GET", "/Users", [], 200, """[{"Id":"0123456789abcdef0123456789abcdef","Policy":{"IsAdministrator":true}}]"""));
        Assert.NotEmpty(validator.CheckExchange("POST", "/Library/Refresh", [], 200, null));
        Assert.NotEmpty(validator.CheckExchange("GET", "/Nope", [], 200, null));
        Assert.Empty(validator.CheckExchange("POST", "/Collections/0123456789abcdef0123456789abcdef/Items", ["ids"], 204, null));
    }

    /// <summary>Keeps a copy of every request and answer passing between the client and the fake.</summary>
    private sealed class ExchangeRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly List<Exchange> exchanges = [];

        public IReadOnlyList<Exchange> Exchanges
        {
            get
            {
                lock (exchanges)
                {
                    return [.. exchanges];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var uri = request.RequestUri!;
            var names = System.Web.HttpUtility.ParseQueryString(uri.Query).AllKeys.OfType<string>().ToList();
            lock (exchanges)
            {
                exchanges.Add(new Exchange(request.Method.Method, uri.AbsolutePath, names, (int)response.StatusCode, body));
            }

            var copy = new StringContent(body);
            copy.Headers.ContentType = response.Content.Headers.ContentType;
            response.Content = copy;
            return response;
        }
    }

    private sealed record Exchange(string Method, string Path, IReadOnlyList<string> QueryNames, int Status, string Body);
}
