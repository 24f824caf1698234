using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests;

[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
