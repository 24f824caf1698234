using Cleanup.Engine.Sources;
using Cleanup.Integrations.Configuration;
using Cleanup.Integrations.Http;

namespace Cleanup.Integrations.Tests.Common;

public sealed class ServiceEndpointTests
{
    [Fact]
    public void The_display_url_drops_credentials_and_query()
    {
        var options = new ServiceInstanceOptions { Url = "https://owner:pa55word@radarr.example.com/radarr/?apikey=abc", ApiKey = "abc" };
        using var endpoint = new ServiceEndpoint(ServiceKind.Radarr, options, ServiceAuthentication.XApiKey);

        Assert.Equal("https://radarr.example.com/radarr", endpoint.DisplayUrl);
        Assert.Equal("radarr", endpoint.Name);
    }
}
