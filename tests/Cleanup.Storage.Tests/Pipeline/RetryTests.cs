using Azure.Core;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Tests.Pipeline;

public sealed class RetryTests
{
    private static StorageAccount Account(LoopbackServer server)
    {
        var options = new StorageClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxRetries = 3;
        return StorageAccount.FromConnectionString(server.ConnectionString, options);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Transient_statuses_are_retried_and_each_attempt_is_signed_afresh(int status)
    {
        await using var server = new LoopbackServer().Respond(status).Respond(status).Respond(204);
        var table = Account(server).GetTableClient("Jobs");

        Assert.True(await table.DeleteEntityAsync("p", "r"));

        Assert.Equal(3, server.Received.Count);
        Assert.All(server.Received, r => Assert.StartsWith("SharedKeyLite devstoreaccount1:", r.Authorization));
    }

    [Theory]
    [InlineData(400, "InvalidInput")]
    [InlineData(409, "EntityAlreadyExists")]
    [InlineData(412, "UpdateConditionNotSatisfied")]
    [InlineData(502, "BadGateway")]
    [InlineData(504, "GatewayTimeout")]
    public async Task Other_failures_are_not_retried(int status, string code)
    {
        await using var server = new LoopbackServer()
            .Respond(status, "{\"odata.error\":{\"code\":\"" + code + "\",\"message\":{\"lang\":\"en-US\",\"value\":\"Nope.\\nRequestId:1\\nTime:now\"}}}",
                new Dictionary<string, string> { ["x-ms-error-code"] = code })
            .Respond(204);
        var table = Account(server).GetTableClient("Jobs");

        var error = await Assert.ThrowsAnyAsync<TableRequestException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), "*"));

        Assert.Single(server.Received);
        Assert.Equal(status, error.Status);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("Nope.", error.ServiceMessage);
        Assert.Equal(status is 409 or 412, error is TableConflictException);
    }

    [Fact]
    public async Task Retries_give_up_after_the_configured_attempts_with_the_last_status()
    {
        await using var server = new LoopbackServer();
        for (var i = 0; i < 4; i++) server.Respond(503, headers: new Dictionary<string, string> { ["x-ms-error-code"] = "ServerBusy" });
        var table = Account(server).GetTableClient("Jobs");

        var error = await Assert.ThrowsAsync<TableRequestException>(() => table.GetEntityAsync("p", "r"));

        Assert.Equal(4, server.Received.Count);
        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
    }

    [Fact]
    public async Task Empty_pages_with_a_continuation_token_do_not_end_the_query()
    {
        await using var server = new LoopbackServer()
            .Respond(200, """{"value":[]}""", new Dictionary<string, string>
            {
                ["x-ms-continuation-NextPartitionKey"] = "1!8!cDE-",
                ["x-ms-continuation-NextRowKey"] = "1!4!cg--",
            })
            .Respond(200, """{"value":[{"odata.etag":"W/\"datetime'2026-01-01T00%3A00%3A00Z'\"","PartitionKey":"p1","RowKey":"r","N":1}]}""");
        var table = Account(server).GetTableClient("Jobs");

        var all = await table.QueryAsync(TableFilter.Create($"N ge {0}")).ToListAsync();

        Assert.Equal("p1", Assert.Single(all).PartitionKey);
        Assert.Equal("W/\"datetime'2026-01-01T00%3A00%3A00Z'\"", all[0].ETag);
        Assert.Equal(2, server.Received.Count);
        Assert.Equal("/devstoreaccount1/Jobs()?$filter=N%20ge%200", server.Received[0].PathAndQuery);
        Assert.Equal("/devstoreaccount1/Jobs()?$filter=N%20ge%200&NextPartitionKey=1%218%21cDE-&NextRowKey=1%214%21cg--", server.Received[1].PathAndQuery);
    }
}
