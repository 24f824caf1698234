namespace Cleanup.Server;

/// <summary>The self-host cannot start; the message says which setting or dependency is wrong.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
