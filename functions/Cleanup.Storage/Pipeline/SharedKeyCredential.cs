namespace Cleanup.Storage.Pipeline;

/// <summary>An account name and its decoded key. Deliberately has no ToString that could leak the key.</summary>
internal sealed class SharedKeyCredential
{
    public SharedKeyCredential(string accountName, string base64Key)
    {
        AccountName = accountName;
        try
        {
            Key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            // The key itself must never appear in the message.
            throw new FormatException($"The AccountKey for storage account '{accountName}' is not valid base64.");
        }
    }

    public string AccountName { get; }

    public byte[] Key { get; }

    public override string ToString() => $"SharedKeyCredential({AccountName})";
}
