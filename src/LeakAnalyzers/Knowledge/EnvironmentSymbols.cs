using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// The hosting-environment API that Development checks are made of, resolved once per compilation.
/// </summary>
internal sealed class EnvironmentSymbols
{
    /// <summary>Static classes that declare <c>IsDevelopment</c>/<c>IsEnvironment</c>/<c>IsProduction</c> extensions.</summary>
    public ImmutableHashSet<INamedTypeSymbol> ExtensionTypes { get; }

    /// <summary>Environment interfaces whose <c>EnvironmentName</c> property can be compared to "Development".</summary>
    public ImmutableHashSet<INamedTypeSymbol> EnvironmentTypes { get; }

    public bool IsEmpty => ExtensionTypes.IsEmpty && EnvironmentTypes.IsEmpty;

    private EnvironmentSymbols(ImmutableHashSet<INamedTypeSymbol> extensionTypes, ImmutableHashSet<INamedTypeSymbol> environmentTypes)
    {
        ExtensionTypes = extensionTypes;
        EnvironmentTypes = environmentTypes;
    }

    public static EnvironmentSymbols Create(Compilation compilation) => new(
        Resolve(compilation,
            "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions",
            "Microsoft.Extensions.Hosting.HostingEnvironmentExtensions",
            "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions"),
        Resolve(compilation,
            "Microsoft.Extensions.Hosting.IHostEnvironment",
            "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
            "Microsoft.AspNetCore.Hosting.IHostingEnvironment",
            "Microsoft.Extensions.Hosting.IHostingEnvironment"));

    private static ImmutableHashSet<INamedTypeSymbol> Resolve(Compilation compilation, params string[] names)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in names)
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                builder.Add(type);
        }
        return builder.ToImmutable();
    }
}
