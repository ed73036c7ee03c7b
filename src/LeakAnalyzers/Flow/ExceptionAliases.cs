using System.Collections.Generic;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>
/// The expressions that stand for "the exception being handled" in one handler: the catch variable, the exception
/// parameter of a handler method, <c>ExceptionContext.Exception</c>, <c>IExceptionHandlerFeature.Error</c>, and the
/// locals and flow captures (switch values, <c>?.</c>) that copy them.
/// </summary>
internal sealed class ExceptionAliases
{
    private readonly HashSet<ISymbol> _symbols = new(SymbolEqualityComparer.Default);
    private readonly HashSet<CaptureId> _captures = new();
    private readonly ErrorHandlerSymbols _handlers;

    public ExceptionAliases(ErrorHandlerSymbols handlers) => _handlers = handlers;

    public void Add(ISymbol? symbol)
    {
        if (symbol is not null)
            _symbols.Add(symbol);
    }

    public bool IsException(IOperation? operation)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return _symbols.Contains(local.Local);
            case IParameterReferenceOperation parameter:
                return _symbols.Contains(parameter.Parameter);
            case IFlowCaptureReferenceOperation capture:
                return _captures.Contains(capture.Id);
            case IPropertyReferenceOperation property:
                return IsExceptionSource(property.Property);
            default:
                return false;
        }
    }

    /// <summary>Learns the locals and captures that copy the exception, in block order (defs precede uses).</summary>
    public void LearnFrom(ControlFlowGraph graph)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                switch (operation)
                {
                    case IFlowCaptureOperation capture when IsException(capture.Value):
                        _captures.Add(capture.Id);
                        break;
                    case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment }
                        when IsException(assignment.Value):
                        _symbols.Add(target.Local);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target2 } assignment2 when IsException(assignment2.Value):
                        _symbols.Add(target2.Local);
                        break;
                }
            }
        }
    }

    private bool IsExceptionSource(IPropertySymbol property)
    {
        var type = property.ContainingType?.OriginalDefinition;
        return property.Name switch
        {
            "Exception" => SymbolEqualityComparer.Default.Equals(type, _handlers.MvcExceptionContext)
                           || SymbolEqualityComparer.Default.Equals(type, _handlers.WebApiActionExecutedContext),
            "Error" => _handlers.ExceptionHandlerFeature is { } feature
                       && (SymbolEqualityComparer.Default.Equals(type, feature) || ImplementsFeature(type, feature)),
            _ => false,
        };
    }

    private static bool ImplementsFeature(INamedTypeSymbol? type, INamedTypeSymbol feature)
    {
        if (type is null)
            return false;
        foreach (var iface in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(iface, feature))
                return true;
        }
        return false;
    }

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation;
    }
}
