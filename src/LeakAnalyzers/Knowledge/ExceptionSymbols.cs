using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>The exception and database types that LEAK001/LEAK002 sources are made of, resolved once per compilation.</summary>
internal sealed class ExceptionSymbols
{
    /// <summary>Exceptions thrown on purpose with a message written for clients (rules.md, "operational").</summary>
    private static readonly string[] DefaultOperationalTypes =
    {
        "FluentValidation.ValidationException",
        "System.ComponentModel.DataAnnotations.ValidationException",
        "Microsoft.AspNetCore.SignalR.HubException",
        "Grpc.Core.RpcException",
        "Microsoft.AspNetCore.Http.BadHttpRequestException",
        "Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException",
    };

    private ExceptionSymbols(Compilation compilation, INamedTypeSymbol exception)
    {
        Compilation = compilation;
        Exception = exception;
        AggregateException = KnownTypes.Find(compilation, "System.AggregateException");
        Type = KnownTypes.Find(compilation, "System.Type");
        DbException = KnownTypes.Find(compilation, "System.Data.Common.DbException");
        DbUpdateException = KnownTypes.Find(compilation, "Microsoft.EntityFrameworkCore.DbUpdateException");
        DbCommandInterface = KnownTypes.Find(compilation, "System.Data.IDbCommand");
        DbConnectionInterface = KnownTypes.Find(compilation, "System.Data.IDbConnection");
        QueryableExtensions = KnownTypes.Find(compilation, "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        DatabaseFacadeExtensions = KnownTypes.Find(compilation, "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        DefaultOperational = Resolve(compilation, DefaultOperationalTypes);
    }

    public Compilation Compilation { get; }
    public INamedTypeSymbol Exception { get; }
    public INamedTypeSymbol? AggregateException { get; }
    public INamedTypeSymbol? Type { get; }
    public INamedTypeSymbol? DbException { get; }
    public INamedTypeSymbol? DbUpdateException { get; }
    public INamedTypeSymbol? DbCommandInterface { get; }
    public INamedTypeSymbol? DbConnectionInterface { get; }
    public INamedTypeSymbol? QueryableExtensions { get; }
    public INamedTypeSymbol? DatabaseFacadeExtensions { get; }
    public ImmutableHashSet<INamedTypeSymbol> DefaultOperational { get; }
    public InterfaceSets Interfaces { get; } = new();

    public static ExceptionSymbols? Create(Compilation compilation) =>
        KnownTypes.Find(compilation, "System.Exception") is { } exception ? new ExceptionSymbols(compilation, exception) : null;

    public static ImmutableHashSet<INamedTypeSymbol> Resolve(Compilation compilation, System.Collections.Generic.IEnumerable<string> names)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in names)
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                builder.Add(type);
        }
        return builder.ToImmutable();
    }

    /// <summary>
    /// Asked of every class-typed operation of the blocks the engine scans (<see cref="Flow.SourceScan"/>), where a
    /// block's operations share a few types: the types asked about last answer without walking their base types again.
    /// Keyed by the type's original definition, which Roslyn keeps one object for: under <c>#nullable enable</c> every
    /// operation's <see cref="IOperation.Type"/> is a wrapper of its own (it carries that expression's annotation), so
    /// keyed by it the table missed 90 % of the questions on the 50k-line benchmark (22 % keyed by the definition), and
    /// each miss paid for the first identity hash of a new object, an entry and the walk of the base types.
    /// </summary>
    // 256 slots: a project has hundreds of types; 32 slots missed 5,224 of 37,771 lookups on the 200k-line benchmark, 256
    // miss 2,927 (mostly types asked about once).
    private readonly Core.RecentFlags<ITypeSymbol> _recentTypes = new(256);

    public bool IsException(ITypeSymbol? type)
    {
        if (type is null)
            return false;
        // Derivation does not depend on type arguments or annotations: the definition answers for every construction.
        var definition = type.OriginalDefinition;
        return _recentTypes.TryGet(definition, out var known) ? known : _recentTypes.Remember(definition, SymbolNames.InheritsFromOrEquals(definition, Exception));
    }

    public bool IsDatabaseException(ITypeSymbol? type) => SymbolNames.InheritsFromOrEquals(type, DbException);

    public bool IsEfUpdateException(ITypeSymbol? type) => SymbolNames.InheritsFromOrEquals(type, DbUpdateException);

    /// <summary>Commands and connections, whose SQL text and connection strings are LEAK002 sources.</summary>
    public bool IsDatabaseCarrier(ITypeSymbol? type) =>
        Interfaces.IsOrImplements(type, DbCommandInterface) || Interfaces.IsOrImplements(type, DbConnectionInterface);
}
