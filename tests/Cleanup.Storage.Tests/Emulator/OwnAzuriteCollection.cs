namespace Cleanup.Storage.Tests.Emulator;

/// <summary>Tests that start their own Azurite run one after another, to keep the process count modest.</summary>
[CollectionDefinition(Name)]
public sealed class OwnAzuriteCollection
{
    public const string Name = "Own Azurite processes";
}
