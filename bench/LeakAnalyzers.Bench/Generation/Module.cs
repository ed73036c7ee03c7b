namespace LeakAnalyzers.Bench.Generation;

/// <summary>One feature of the synthetic app (an entity with its service, controller and endpoints) and its names.</summary>
internal sealed record Module(string Entity, int Index, int Group)
{
    public string Namespace => $"Contoso.Shop.G{Group}";

    public string DbContext => $"G{Group}DbContext";

    public string Route => Entity.ToLowerInvariant();

    public string Service => Entity + "Service";

    public string ServiceInterface => "I" + Entity + "Service";

    /// <summary>Every fifth module has its own middleware class.</summary>
    public bool HasMiddleware => Index % 5 == 0;
}

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string Path, string Text);
