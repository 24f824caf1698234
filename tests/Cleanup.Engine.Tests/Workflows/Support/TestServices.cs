namespace Cleanup.Engine.Tests.Workflows.Support;

/// <summary>A minimal service provider: one instance per type.</summary>
public sealed class TestServices : IServiceProvider
{
    private readonly Dictionary<Type, object> services = [];

    public TestServices Add<T>(T instance)
        where T : notnull
    {
        services[typeof(T)] = instance;
        return this;
    }

    public object? GetService(Type serviceType) => services.GetValueOrDefault(serviceType);
}
