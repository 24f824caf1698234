namespace Cleanup.Storage.Emulator;

/// <summary>How to start Azurite (the npm <c>azurite</c> package).</summary>
public sealed record AzuriteOptions
{
    /// <summary>
    /// The folder whose <c>package.json</c> lists azurite and whose <c>node_modules/.bin/azurite</c> exists. Null:
    /// walk up from <see cref="AppContext.BaseDirectory"/> to the first folder with such a package.json.
    /// </summary>
    public string? RepositoryRoot { get; init; }

    /// <summary>Folder for Azurite's data (<c>--location</c>). Null keeps everything in memory (<c>--inMemoryPersistence</c>).</summary>
    public string? Location { get; init; }

    /// <summary>Use 10000/10001/10002 when all three are free, else free ports. Ignored for ports given explicitly.</summary>
    public bool PreferDefaultPorts { get; init; }

    public int? BlobPort { get; init; }

    public int? QueuePort { get; init; }

    public int? TablePort { get; init; }

    /// <summary>How long Azurite may take until its table and blob endpoints answer.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>PEM certificate for HTTPS (<c>--cert</c>); with <see cref="HttpsKeyPath"/>. Needed for bearer tokens.</summary>
    public string? HttpsCertificatePath { get; init; }

    /// <summary>PEM private key for HTTPS (<c>--key</c>).</summary>
    public string? HttpsKeyPath { get; init; }

    /// <summary>Accept bearer tokens (<c>--oauth basic</c>: checks audience, issuer and lifetime, not the signature). Requires HTTPS.</summary>
    public bool OAuth { get; init; }

    /// <summary>Problems with these options, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, port) in new[] { (nameof(BlobPort), BlobPort), (nameof(QueuePort), QueuePort), (nameof(TablePort), TablePort) })
        {
            if (port is < 1 or > 65535) errors.Add($"{nameof(AzuriteOptions)}.{name} must be between 1 and 65535; got {port}.");
        }

        if (StartupTimeout <= TimeSpan.Zero) errors.Add($"{nameof(AzuriteOptions)}.{nameof(StartupTimeout)} must be positive.");
        if ((HttpsCertificatePath is null) != (HttpsKeyPath is null))
            errors.Add($"{nameof(AzuriteOptions)}: set both {nameof(HttpsCertificatePath)} and {nameof(HttpsKeyPath)}, or neither.");
        if (OAuth && HttpsCertificatePath is null)
            errors.Add($"{nameof(AzuriteOptions)}.{nameof(OAuth)} needs HTTPS: set {nameof(HttpsCertificatePath)} and {nameof(HttpsKeyPath)}.");
        return errors;
    }
}
