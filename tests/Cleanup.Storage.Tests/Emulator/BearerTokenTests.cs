using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Cleanup.Storage.Emulator;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Tests.Emulator;

/// <summary>
/// The managed-identity path end to end: Azurite over HTTPS with <c>--oauth basic</c> (which checks a token's
/// audience, issuer and lifetime but not its signature) and a credential that mints such tokens.
/// </summary>
[Collection(OwnAzuriteCollection.Name)]
public sealed class BearerTokenTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azurite-tls-").FullName;
    private X509Certificate2 _certificate = null!;
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllTextAsync(Path.Combine(_folder, "cert.pem"), _certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(_folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());

        _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions
        {
            HttpsCertificatePath = Path.Combine(_folder, "cert.pem"),
            HttpsKeyPath = Path.Combine(_folder, "key.pem"),
            OAuth = true,
        });
    }

    public Task DisposeAsync()
    {
        _azurite?.Dispose();
        _certificate?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private StorageAccount AccountWith(TokenCredential credential)
    {
        // Trust exactly this test certificate, nothing else.
        var thumbprint = _certificate.Thumbprint;
        var options = new StorageClientOptions
        {
            Transport = new HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint,
            }),
        };
        options.Retry.MaxRetries = 0;
        return StorageAccount.FromCredential(
            new StorageAccountOptions { TableEndpoint = _azurite.TableEndpoint, BlobEndpoint = _azurite.BlobEndpoint, Credential = credential },
            options);
    }

    [Fact]
    public async Task Tables_and_blobs_work_with_a_storage_token_for_the_storage_scope()
    {
        var credential = new JwtCredential("https://storage.azure.com");
        var account = AccountWith(credential);

        var table = account.GetTableClient("Identity");
        await table.CreateIfNotExistsAsync();
        await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "r") { ["N"] = 1L << 33 })]);
        var container = account.GetBlobContainerClient("snapshots");
        await container.CreateIfNotExistsAsync();
        await container.UploadAsync("library.json", BinaryData.FromString("[]"));

        Assert.Equal(1L << 33, (await table.GetEntityAsync("p", "r"))!["N"]);
        Assert.Equal("[]", (await container.DownloadAsync("library.json"))!.Content.ToString());
        Assert.NotEmpty(credential.Scopes);
        Assert.All(credential.Scopes, scope => Assert.Equal("https://storage.azure.com/.default", scope));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var table = AccountWith(new JwtCredential("https://vault.azure.net")).GetTableClient("Identity");

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.CreateIfNotExistsAsync());

        Assert.Equal(403, error.Status);
        Assert.DoesNotContain("Bearer", error.Message);
    }

    /// <summary>Mints unsigned JWTs shaped like Entra ID's, and records the scopes it was asked for.</summary>
    private sealed class JwtCredential(string audience) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes) Scopes.AddRange(requestContext.Scopes);
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            static string Part(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var token = Part(new { alg = "RS256", typ = "JWT" }) + "." +
                        Part(new { aud = audience, iss = $"https://sts.windows.net/{Guid.Empty}/", iat = now - 60, nbf = now - 60, exp = now + 3600 }) + "." +
                        Convert.ToBase64String(Encoding.UTF8.GetBytes("unsigned")).TrimEnd('=');
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
