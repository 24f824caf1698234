using Cleanup.Integrations.Configuration;

namespace Cleanup.Integrations.Tests.Configuration;

public sealed class ServicesOptionsValidatorTests
{
    private static ServiceInstanceOptions Valid(string? name = null) => new() { Name = name, Url = "http://radarr:7878", ApiKey = "key" };

    [Fact]
    public void A_valid_configuration_has_no_errors_and_gets_default_names()
    {
        var options = new ServicesOptions
        {
            Radarr = [Valid(), Valid()],
            Jellyseerr = [new() { Url = "https://requests.example.com/", ApiKey = "k", PageSize = 50 }],
        };

        Assert.Empty(ServicesOptionsValidator.Validate(options));
        Assert.Equal(["radarr", "radarr-2"], options.Radarr.Select(r => r.Name));
        Assert.Equal("jellyseerr", options.Jellyseerr[0].Name);
    }

    [Fact]
    public void Every_error_names_the_setting()
    {
        var options = new ServicesOptions
        {
            Radarr =
            [
                Valid("movies"),
                new() { Name = "movies-4k", Url = "ftp://radarr", ApiKey = "", TimeoutSeconds = 0, Retries = 11, MaxConcurrency = 0, RetryDelayMilliseconds = 0, PageSize = 0, Headers = { ["Bad Header"] = "x" } },
            ],
            Sonarr = [new() { Name = "MOVIES", ApiKey = "k" }],
        };

        var errors = ServicesOptionsValidator.Validate(options);

        Assert.Equal(
            [
                "Services:Radarr:1:Url is not an absolute http(s) URL.",
                "Services:Radarr:1:ApiKey is required.",
                "Services:Radarr:1:TimeoutSeconds must be between 1 and 600 (was 0).",
                "Services:Radarr:1:Retries must be between 0 and 10 (was 11).",
                "Services:Radarr:1:MaxConcurrency must be between 1 and 64 (was 0).",
                "Services:Radarr:1:RetryDelayMilliseconds must be between 1 and 60000 (was 0).",
                "Services:Radarr:1:PageSize must be between 1 and 10000 (was 0).",
                "Services:Radarr:1:Headers:Bad Header is not a valid HTTP header name.",
                "Services:Sonarr:0:Name 'MOVIES' is already used by Services:Radarr:0; service names must be unique.",
                "Services:Sonarr:0:Url is required.",
            ],
            errors);
    }

    [Theory]
    [InlineData("http://owner:s3cr3t@radarr:7878")]
    [InlineData("http://radarr:7878/?apikey=s3cr3t")]
    public void A_url_carrying_credentials_is_refused_without_echoing_them(string url)
    {
        var options = new ServicesOptions { Radarr = [new() { Url = url, ApiKey = "k" }] };

        var error = Assert.Single(ServicesOptionsValidator.Validate(options));

        Assert.StartsWith("Services:Radarr:0:Url must not carry credentials", error);
        Assert.DoesNotContain("s3cr3t", error);
    }

    [Fact]
    public void Errors_never_show_the_key_or_header_values()
    {
        var options = new ServicesOptions { Radarr = [new() { Url = "not a url", ApiKey = "s3cr3t-key", Headers = { ["Bad:Name"] = "s3cr3t-header" } }] };

        var text = string.Join("\n", ServicesOptionsValidator.Validate(options));

        Assert.Contains("Services:Radarr:0:Url", text);
        Assert.DoesNotContain("s3cr3t", text);
    }

    [Fact]
    public void A_statistics_source_defaults_to_the_only_media_server_of_its_kind()
    {
        var options = new ServicesOptions { Jellyfin = [Valid("living-room")], Plex = [Valid("plex")], Jellystat = [Valid()], Tautulli = [Valid()] };

        Assert.Empty(ServicesOptionsValidator.Validate(options));
        Assert.Equal("living-room", options.Jellystat[0].MediaServer);
        Assert.Equal("plex", options.Tautulli[0].MediaServer);
    }

    [Fact]
    public void A_statistics_source_must_name_a_media_server_of_the_right_kind()
    {
        var options = new ServicesOptions
        {
            Jellyfin = [Valid("a"), Valid("b")],
            Plex = [Valid("plex")],
            Jellystat = [Valid(), new() { Name = "stats-2", Url = "http://stats", ApiKey = "k", MediaServer = "plex" }],
        };

        var errors = ServicesOptionsValidator.Validate(options);

        Assert.Equal(
            [
                "Services:Jellystat:0:MediaServer is required: name the Jellyfin or Emby instance whose plays Jellystat records (configured: a, b).",
                "Services:Jellystat:1:MediaServer 'plex' is not a configured Jellyfin or Emby instance.",
            ],
            errors);
    }
}
