using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules;

/// <summary>
/// LEAK001/LEAK002 sources (rules.md, "Sources"): exception data and database data. Values that already went through a
/// response sink are clean here (reported at that sink), so one leak gives one diagnostic.
/// </summary>
internal sealed class ExceptionTaintPolicy : ITaintPolicy
{
    public const int ExceptionKind = 1;
    public const int DatabaseKind = 2;

    private readonly ExceptionSymbols _symbols;
    private readonly ResponseSinkFinder _sinks;
    private readonly EnvironmentSymbols _environment;
    private readonly PerTreeCache<ResponseLeakOptions> _options;

    public ExceptionTaintPolicy(ExceptionSymbols symbols, ResponseSinkFinder sinks, EnvironmentSymbols environment, PerTreeCache<ResponseLeakOptions> options)
    {
        _symbols = symbols;
        _sinks = sinks;
        _environment = environment;
        _options = options;
    }

    public bool CanCarry(ITypeSymbol? type) => DataCarryingTypes.CanCarryData(type);

    public Taint? Classify(IOperation operation)
    {
        // By the kind (one to one with the interfaces): asked of every operation the engine evaluates.
        switch (operation.Kind)
        {
            case OperationKind.ObjectCreation:
                // A new exception carries only what its arguments carry; the engine looks at those.
                return _sinks.IsSink((IObjectCreationOperation)operation) ? Taint.Clean : null;
            case OperationKind.Invocation:
                if (ClassifyInvocation((IInvocationOperation)operation) is { } byCall)
                    return byCall;
                break;
            case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment
                or OperationKind.DeconstructionAssignment:
                // A write into a sink (problem.Detail = ..., Response.Headers[...] = ...) is reported there already.
                return _sinks.IsSink((IAssignmentOperation)operation) ? Taint.Clean : null;
            case OperationKind.PropertyReference:
                var property = (IPropertyReferenceOperation)operation;
                if (property.Instance is { } instance && ClassifyProperty(property, OperationNavigation.ResolveReceiver(instance)) is { } byMember)
                    return byMember;
                break;
            case OperationKind.ConditionalAccess or OperationKind.ConditionalAccessInstance or OperationKind.Conversion
                or OperationKind.Parenthesized or OperationKind.Conditional or OperationKind.Coalesce
                or OperationKind.SwitchExpression or OperationKind.Await:
                // Structural: let the engine look inside (each arm may be guarded or clean on its own).
                return null;
        }
        if (operation.Type is { } type && _symbols.IsException(type))
        {
            // The exception object itself used as a value (serialized, interpolated, passed as object): its ToString
            // carries message, type and stack trace; for EF's DbUpdateException it includes the database error.
            return Source(operation, IsDatabaseData(operation) || _symbols.IsEfUpdateException(type) ? DatabaseKind : ExceptionKind);
        }
        return null;
    }

    /// <summary>An element of a value the engine cannot take apart carries whatever the value carries.</summary>
    public Taint? ClassifyElement(IOperation value, ITypeSymbol? type, int index) => null;

    /// <summary>
    /// Whether <see cref="Classify"/> may call <paramref name="operation"/> a source, judged by the operation alone (for
    /// the engine's source-free blocks): an exception-typed value, or a database member by its name. Wider than the
    /// sources themselves, never narrower. The operations <see cref="Classify"/> answers before it looks at the type
    /// (creations, assignments, the structural kinds) are never sources themselves; their operands are scanned on their
    /// own, so their type is not tested (conversions alone are a good share of a block's operations).
    /// </summary>
    public bool MayOriginate(IOperation operation, OperationKind kind, ITypeSymbol type) => kind switch
    {
        OperationKind.ObjectCreation or OperationKind.SimpleAssignment or OperationKind.CompoundAssignment
            or OperationKind.CoalesceAssignment or OperationKind.DeconstructionAssignment
            or OperationKind.ConditionalAccess or OperationKind.ConditionalAccessInstance or OperationKind.Conversion
            or OperationKind.Parenthesized or OperationKind.Conditional or OperationKind.Coalesce
            or OperationKind.SwitchExpression or OperationKind.Await => false,
        OperationKind.PropertyReference when ((IPropertyReferenceOperation)operation).Property.Name is "CommandText" or "ConnectionString" => true,
        OperationKind.Invocation when ((IInvocationOperation)operation).TargetMethod.Name is "ToQueryString" or "GetConnectionString" => true,
        // Exceptions are classes; strings, numbers, object, structs and interfaces never derive from Exception.
        _ => type is { SpecialType: SpecialType.None, TypeKind: TypeKind.Class } && _symbols.IsException(type),
    };

    private Taint? ClassifyInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (_sinks.IsSink(invocation))
            return Taint.Clean;
        var type = method.ContainingType?.OriginalDefinition;
        if (method.Name == "ToQueryString" && SymbolEqualityComparer.Default.Equals(type, _symbols.QueryableExtensions)
            || method.Name == "GetConnectionString" && SymbolEqualityComparer.Default.Equals(type, _symbols.DatabaseFacadeExtensions))
            return Source(invocation, DatabaseKind);
        if (invocation.Instance is not { } instance)
            return null;
        var receiver = OperationNavigation.ResolveReceiver(instance);
        if (!_symbols.IsException(receiver.Type))
            return null;
        return method.Name switch
        {
            "GetType" => Source(invocation, ExceptionKind),
            "ToString" or "GetBaseException" => Source(invocation,
                IsDatabaseData(receiver) || _symbols.IsEfUpdateException(receiver.Type) ? DatabaseKind : ExceptionKind),
            _ => null,
        };
    }

    private Taint? ClassifyProperty(IPropertyReferenceOperation property, IOperation receiver)
    {
        var name = property.Property.Name;
        if (_symbols.IsException(receiver.Type))
            return ClassifyExceptionMember(property, name, receiver);

        // ex.GetType().Name / FullName / ToString(): the type name of an exception.
        if (receiver is IInvocationOperation { TargetMethod.Name: "GetType", Instance: { } typed }
            && _symbols.IsException(OperationNavigation.ResolveReceiver(typed).Type))
            return Source(property, ExceptionKind);

        if (name == "CommandText" && _symbols.Interfaces.IsOrImplements(receiver.Type, _symbols.DbCommandInterface)
            || name == "ConnectionString" && _symbols.Interfaces.IsOrImplements(receiver.Type, _symbols.DbConnectionInterface))
            return Source(property, DatabaseKind);
        return null;
    }

    private Taint? ClassifyExceptionMember(IPropertyReferenceOperation property, string name, IOperation receiver)
    {
        var database = IsDatabaseData(receiver);
        switch (name)
        {
            case "Message":
                // EF Core's DbUpdateException message is fixed text ("An error occurred while saving...").
                if (!database && _symbols.IsEfUpdateException(receiver.Type))
                    return Taint.Clean;
                if (!database && IsOperational(receiver))
                    return Taint.Clean;
                return Source(property, database ? DatabaseKind : ExceptionKind);
            case "InnerException" or "InnerExceptions":
                return Source(property, database || _symbols.IsEfUpdateException(receiver.Type) ? DatabaseKind : ExceptionKind);
            case "StackTrace" or "Source" or "TargetSite" or "Data" or "HelpLink":
                return Source(property, database ? DatabaseKind : ExceptionKind);
        }
        // Members of the exception's own type: database details on DbException subclasses (PostgresException.Detail,
        // SqlState, TableName...); client-facing data on operational exceptions; anything else (FileName, ParamName) leaks.
        if (database)
            return Source(property, DatabaseKind);
        if (IsOperational(receiver) || _symbols.IsEfUpdateException(receiver.Type))
            return Taint.Clean;
        return Source(property, ExceptionKind);
    }

    private Taint Source(IOperation origin, int kind)
    {
        var options = _options.Get(origin.Syntax.SyntaxTree);
        if (options.AllowInDevelopment && DevelopmentGuards.IsInDevelopmentOnlyRegion(origin, _environment))
            return Taint.Clean;
        return new Taint(kind, origin);
    }

    /// <summary>
    /// Whether an exception-typed expression holds database error data: a DbException (by type or narrowed by a pattern
    /// or `when` filter), or the inner/base exception of EF's DbUpdateException.
    /// </summary>
    private bool IsDatabaseData(IOperation exception)
    {
        exception = OperationNavigation.ResolveReceiver(exception);
        if (_symbols.IsDatabaseException(exception.Type) || TypeNarrowing.Proves(exception, _symbols, static (symbols, type) => symbols.IsDatabaseException(type)))
            return true;
        var owner = exception switch
        {
            IPropertyReferenceOperation { Property.Name: "InnerException", Instance: { } instance } => instance,
            IInvocationOperation { TargetMethod.Name: "GetBaseException", Instance: { } instance } => instance,
            _ => null,
        };
        if (owner is null)
            return false;
        owner = OperationNavigation.ResolveReceiver(owner);
        return _symbols.IsEfUpdateException(owner.Type) || IsDatabaseData(owner);
    }

    private bool IsOperational(IOperation receiver)
    {
        var options = _options.Get(receiver.Syntax.SyntaxTree);
        return IsOperationalType(receiver.Type, options)
            || TypeNarrowing.Proves(receiver, (Policy: this, Options: options), static (state, type) => state.Policy.IsOperationalType(type, state.Options));
    }

    private bool IsOperationalType(ITypeSymbol? type, ResponseLeakOptions options)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _symbols.Exception))
                return false;
            var definition = current.OriginalDefinition;
            if (_symbols.DefaultOperational.Contains(definition) || options.OperationalTypes.Contains(definition))
                return true;
            if (options.SourceExceptionsAreOperational
                && SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _symbols.Compilation.Assembly)
                && !_symbols.IsDatabaseException(definition))
                return true;
        }
        return false;
    }
}
