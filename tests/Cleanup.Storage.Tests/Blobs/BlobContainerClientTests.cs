using System.Text;
using Cleanup.Storage.Blobs;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Blobs;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite)
{
    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = azurite.CreateAccount().GetBlobContainerClient(azurite.NewContainerName());
        Assert.True(await container.CreateIfNotExistsAsync());
        return container;
    }

    [Fact]
    public async Task Creating_an_existing_container_is_not_an_error()
    {
        var container = await NewContainerAsync();

        Assert.False(await container.CreateIfNotExistsAsync());
    }

    [Theory]
    [InlineData("snapshot.json")]
    [InlineData("libraries/2026-11-21/movies one.json")]
    [InlineData("O'Brien's – Amélie 東京+%.bin")]
    public async Task A_blob_uploads_downloads_and_deletes(string name)
    {
        var container = await NewContainerAsync();
        var content = BinaryData.FromString("{\"items\":[" + string.Join(",", Enumerable.Range(0, 20_000)) + "]}");

        var etag = await container.UploadAsync(name, content, "application/json");
        var downloaded = await container.DownloadAsync(name);

        Assert.NotNull(downloaded);
        Assert.Equal(content.ToArray(), downloaded.Content.ToArray());
        Assert.Equal("application/json", downloaded.ContentType);
        Assert.Equal(etag, downloaded.ETag);

        Assert.True(await container.DeleteAsync(name));
        Assert.Null(await container.DownloadAsync(name));
        Assert.False(await container.DeleteAsync(name));
    }

    [Fact]
    public async Task Uploading_again_overwrites_and_empty_blobs_work()
    {
        var container = await NewContainerAsync();

        await container.UploadAsync("state", BinaryData.FromString("first"));
        await container.UploadAsync("state", BinaryData.FromString("second, longer"));
        await container.UploadAsync("empty", BinaryData.Empty);

        Assert.Equal("second, longer", Encoding.UTF8.GetString((await container.DownloadAsync("state"))!.Content));
        Assert.Equal(0, (await container.DownloadAsync("empty"))!.Content.ToMemory().Length);
    }

    [Fact]
    public async Task A_missing_container_reads_as_null_but_writes_fail_clearly()
    {
        var container = azurite.CreateAccount().GetBlobContainerClient(azurite.NewContainerName());

        Assert.Null(await container.DownloadAsync("x"));
        var error = await Assert.ThrowsAsync<BlobRequestException>(() => container.UploadAsync("x", BinaryData.FromString("x")));

        Assert.Equal(404, error.Status);
        Assert.Equal("ContainerNotFound", error.ErrorCode);
        Assert.Contains(container.Name, error.Message);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("a")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    public void Invalid_container_names_are_refused(string name)
    {
        var account = azurite.CreateAccount();

        Assert.Contains(name, Assert.Throws<ArgumentException>(() => account.GetBlobContainerClient(name)).Message);
    }
}
