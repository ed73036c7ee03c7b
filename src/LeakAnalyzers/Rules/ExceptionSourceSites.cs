using System;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules;

/// <summary>
/// Where LEAK001/LEAK002 taint can start, for the engine's whole-body test (<see cref="ISourceSites"/>). Every source
/// <see cref="ExceptionTaintPolicy"/> knows is an exception-typed value (a caught exception, <c>feature.Error</c>, an
/// exception field) or something read from one, or a database member matched by name here (<c>CommandText</c>,
/// <c>ConnectionString</c>, <c>ToQueryString</c>, <c>GetConnectionString</c>). The engine creates no taint of its own
/// except through the project's methods it follows with clean arguments, which are those
/// <see cref="ExceptionSourceMethods"/> says can hand exception data on.
/// </summary>
internal sealed class ExceptionSourceSites : ISourceSites
{
    private readonly ExceptionSymbols _symbols;
    private readonly Func<IMethodSymbol, bool> _mayCreateTaint;

    public ExceptionSourceSites(ExceptionSymbols symbols, Func<IMethodSymbol, bool> mayCreateTaint)
    {
        _symbols = symbols;
        _mayCreateTaint = mayCreateTaint;
    }

    public bool MayStartTaint(IOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                var method = ((IInvocationOperation)operation).TargetMethod;
                if (method.Name is "ToQueryString" or "GetConnectionString")
                    return true;
                // The engine's own test for following a call whose arguments are clean.
                if (!method.IsAbstract && !method.IsExtern && !method.DeclaringSyntaxReferences.IsEmpty
                    && _mayCreateTaint(method.OriginalDefinition))
                    return true;
                break;
            case OperationKind.PropertyReference:
                if (((IPropertyReferenceOperation)operation).Property.Name is "CommandText" or "ConnectionString")
                    return true;
                break;
        }
        // Only classes derive from Exception; strings and object are classes the policy never treats as one.
        return operation.Type is { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } type && _symbols.IsException(type);
    }
}
