using Azure.Core;

namespace Cleanup.Storage.Tests;

public sealed class StorageAccountTests
{
    private const string Secret = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";

    [Fact]
    public void Development_storage_means_the_default_azurite_endpoints_and_account()
    {
        var account = StorageAccount.FromConnectionString("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
    }

    [Fact]
    public void An_account_key_connection_string_derives_endpoints_from_the_account_and_suffix()
    {
        var account = StorageAccount.FromConnectionString($"DefaultEndpointsProtocol=https;AccountName=cleanup;AccountKey={Secret};EndpointSuffix=core.windows.net");

        Assert.Equal("cleanup", account.AccountName);
        Assert.Equal(new Uri("https://cleanup.table.core.windows.net"), account.TableEndpoint);
        Assert.Equal(new Uri("https://cleanup.blob.core.windows.net"), account.BlobEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_and_names_are_case_insensitive()
    {
        var account = StorageAccount.FromConnectionString(
            $" defaultendpointsprotocol=http ; accountname=devstoreaccount1 ; ACCOUNTKEY={Secret} ; TableEndpoint=http://127.0.0.1:4711/devstoreaccount1; BlobEndpoint=http://127.0.0.1:4712/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:4711/devstoreaccount1"), account.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:4712/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal("Jobs", account.GetTableClient("Jobs").Name);
        Assert.Equal("snapshots", account.GetBlobContainerClient("snapshots").Name);
    }

    [Theory]
    [InlineData("AccountName=a", "AccountKey")]
    [InlineData("AccountKey=" + Secret, "AccountName")]
    [InlineData("AccountName=a;AccountKey=" + Secret + ";TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("AccountName=a;AccountKey=" + Secret + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=a;SharedAccessSignature=sv=2020&sig=" + Secret, "SharedAccessSignature")]
    [InlineData("AccountName=a;AccountKey=" + Secret + "!!", "not valid base64")]
    [InlineData("AccountName=a;garbage;AccountKey=" + Secret, "Name=value")]
    [InlineData("", "empty")]
    public void Malformed_connection_strings_say_what_is_wrong_without_repeating_the_key(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StorageAccount.FromConnectionString(connectionString));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(Secret, error.Message);
        Assert.DoesNotContain(Secret.TrimEnd('='), error.Message);
    }

    [Fact]
    public void The_credential_form_validates_and_names_each_setting()
    {
        var credential = new StaticToken();

        var missing = Assert.Throws<ArgumentException>(() => StorageAccount.FromCredential(new StorageAccountOptions()));
        var insecure = Assert.Throws<ArgumentException>(() => StorageAccount.FromCredential(
            new StorageAccountOptions { TableEndpoint = new Uri("http://cleanup.table.core.windows.net"), Credential = credential }));
        var account = StorageAccount.FromCredential(
            new StorageAccountOptions { TableEndpoint = new Uri("https://cleanup.table.core.windows.net"), Credential = credential });

        Assert.Contains("TableEndpoint", missing.Message);
        Assert.Contains("Credential", missing.Message);
        Assert.Contains("StorageAccountOptions.TableEndpoint", insecure.Message);
        Assert.Contains("https", insecure.Message);
        Assert.Equal("Jobs", account.GetTableClient("Jobs").Name);
        Assert.Contains("BlobEndpoint", Assert.Throws<InvalidOperationException>(() => account.GetBlobContainerClient("snapshots")).Message);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1jobs")]
    [InlineData("job-s")]
    [InlineData("Tables")]
    public void Invalid_table_names_are_refused(string name)
    {
        var account = StorageAccount.FromConnectionString("UseDevelopmentStorage=true");

        Assert.Contains(name, Assert.Throws<ArgumentException>(() => account.GetTableClient(name)).Message);
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
