using Azure.Core;
using Azure.Core.Pipeline;
using Cleanup.Storage.Pipeline;

namespace Cleanup.Storage.Tests.Pipeline;

/// <summary>
/// Expected signatures were computed independently with
/// <c>printf '%s' "$stringToSign" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(base64 -d &lt;&lt;&lt; $key | xxd -p -c 256) -binary | base64</c>.
/// </summary>
public sealed class SharedKeySignatureTests
{
    private const string EmulatorKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string Date = "Sat, 21 Nov 2026 00:39:03 GMT";
    private static readonly byte[] Key = Convert.FromBase64String(EmulatorKey);

    [Fact]
    public void Table_shared_key_lite_signs_the_date_and_the_account_plus_the_encoded_path()
    {
        // Azurite's path-style URL already starts with the account, so it appears twice.
        var toSign = SharedKeySignature.TableStringToSign(Date, "devstoreaccount1", "/devstoreaccount1/Jobs(PartitionKey='a%27%27b',RowKey='r')", "?$filter=x%20eq%201&$top=5");

        Assert.Equal("Sat, 21 Nov 2026 00:39:03 GMT\n/devstoreaccount1/devstoreaccount1/Jobs(PartitionKey='a%27%27b',RowKey='r')", toSign);
        Assert.Equal("wQzvc1IEF9cUWPek1SaZCl17iIpT43Os4Rdkw0zG0Ms=", SharedKeySignature.Sign(Key, toSign));
    }

    [Fact]
    public void Table_shared_key_lite_keeps_only_the_comp_parameter()
    {
        var toSign = SharedKeySignature.TableStringToSign(Date, "myaccount", "/mytable()", "?timeout=30&comp=metadata");

        Assert.Equal("Sat, 21 Nov 2026 00:39:03 GMT\n/myaccount/mytable()?comp=metadata", toSign);
        Assert.Equal("C0WPdBCdMgi+cfXml21764BEu1bVs4A/SJraRREixJM=", SharedKeySignature.Sign(Key, toSign));
    }

    [Fact]
    public void Blob_shared_key_signs_standard_headers_sorted_x_ms_headers_and_the_resource()
    {
        var headers = new Dictionary<string, string>
        {
            ["x-ms-version"] = "2020-12-06",
            ["Content-Type"] = "text/plain",
            ["X-MS-Date"] = Date,
            ["x-ms-client-request-id"] = "abc",
            ["x-ms-blob-type"] = "  BlockBlob ",
            ["User-Agent"] = "ignored",
        };

        var toSign = SharedKeySignature.BlobStringToSign("PUT", headers, 11, "devstoreaccount1", "/devstoreaccount1/snapshots/library%20one.json", null);

        Assert.Equal(
            "PUT\n\n\n11\n\ntext/plain\n\n\n\n\n\n\n" +
            "x-ms-blob-type:BlockBlob\nx-ms-client-request-id:abc\nx-ms-date:Sat, 21 Nov 2026 00:39:03 GMT\nx-ms-version:2020-12-06\n" +
            "/devstoreaccount1/devstoreaccount1/snapshots/library%20one.json",
            toSign);
        Assert.Equal("7pUGtRyo+7fMKFGjRCNjqbUVFfqaLTYPGTEiJE9jcSQ=", SharedKeySignature.Sign(Key, toSign));
    }

    [Fact]
    public void Blob_shared_key_leaves_a_zero_content_length_empty_and_lists_query_parameters()
    {
        var headers = new Dictionary<string, string> { ["x-ms-date"] = Date, ["x-ms-version"] = "2020-12-06" };

        var toSign = SharedKeySignature.BlobStringToSign("PUT", headers, 0, "devstoreaccount1", "/devstoreaccount1/snapshots", "?restype=container");

        Assert.Equal(
            "PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Sat, 21 Nov 2026 00:39:03 GMT\nx-ms-version:2020-12-06\n/devstoreaccount1/devstoreaccount1/snapshots\nrestype:container",
            toSign);
        Assert.Equal("wDqaiGLQaUJX9qO2PWR0M1X5ngOsOoSn0w3nTamkqe8=", SharedKeySignature.Sign(Key, toSign));
    }

    [Fact]
    public void The_policy_sets_x_ms_date_from_the_clock_and_the_authorization_header()
    {
        var policy = new SharedKeyPolicy(
            new SharedKeyCredential("devstoreaccount1", EmulatorKey),
            StorageService.Table,
            new FixedClock(new DateTimeOffset(2026, 11, 21, 0, 39, 3, TimeSpan.Zero)));
        using var message = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:10002/devstoreaccount1/Jobs(PartitionKey='a%27%27b',RowKey='r')"));

        policy.OnSendingRequest(message);

        Assert.True(message.Request.Headers.TryGetValue("x-ms-date", out var date));
        Assert.Equal(Date, date);
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.Equal("SharedKeyLite devstoreaccount1:wQzvc1IEF9cUWPek1SaZCl17iIpT43Os4Rdkw0zG0Ms=", authorization);
    }

    [Fact]
    public void The_credential_never_prints_its_key()
    {
        var credential = new SharedKeyCredential("devstoreaccount1", EmulatorKey);

        Assert.DoesNotContain(EmulatorKey, credential.ToString());
        var error = Assert.Throws<FormatException>(() => new SharedKeyCredential("acct", "not base64 secret!"));
        Assert.DoesNotContain("secret", error.Message);
        Assert.Contains("acct", error.Message);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
