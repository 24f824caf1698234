using Cleanup.Testing.Azurite;

namespace Cleanup.Server.Tests;

[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
