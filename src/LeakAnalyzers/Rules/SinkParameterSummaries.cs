using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules;

/// <summary>A parameter of one of the project's methods that the method hands to the response.</summary>
internal readonly struct SinkParameter
{
    public SinkParameter(IParameterSymbol parameter, string sinkName)
    {
        Parameter = parameter;
        SinkName = sinkName;
    }

    public IParameterSymbol Parameter { get; }
    public string SinkName { get; }
}

/// <summary>
/// Which parameters of the project's own helper methods reach a response sink inside them
/// (<c>Task WriteErrorAsync(HttpContext c, string message) => c.Response.WriteAsJsonAsync(new { error = message })</c>),
/// so the call site <c>WriteErrorAsync(context, ex.Message)</c> is reported. Computed once per method; one level deep.
/// </summary>
internal sealed class SinkParameterSummaries
{
    private static readonly ImmutableArray<SinkParameter> None = ImmutableArray<SinkParameter>.Empty;

    private readonly TaintEngine _engine;
    private readonly ResponseSinkFinder _finder;
    private readonly ExceptionSymbols _symbols;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<SinkParameter>> _summaries = new(SymbolEqualityComparer.Default);

    public SinkParameterSummaries(TaintEngine engine, ResponseSinkFinder finder, ExceptionSymbols symbols)
    {
        _engine = engine;
        _finder = finder;
        _symbols = symbols;
    }

    public ImmutableArray<SinkParameter> For(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        // Most calls go to framework and package code, which has no body to summarize: decide that first, cheaply.
        var target = invocation.TargetMethod;
        if (target.Parameters.IsEmpty || target.DeclaringSyntaxReferences.IsEmpty)
            return None;
        var method = target.OriginalDefinition;
        if (_summaries.TryGetValue(method, out var known))
            return known;
        if (!HasCandidate(method))
            return _summaries.GetOrAdd(method, None);
        if (_engine.Callees.GetBody(method, invocation) is not { } body)
            return _summaries.GetOrAdd(method, None);
        return _summaries.GetOrAdd(method, Compute(method, body, cancellationToken));
    }

    private bool HasCandidate(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsCandidate(parameter))
                return true;
        }
        return false;
    }

    // Exception-typed parameters are sources inside the helper already (reported there).
    private bool IsCandidate(IParameterSymbol parameter) =>
        DataCarryingTypes.CanCarryData(parameter.Type) && !_symbols.IsException(parameter.Type);

    private ImmutableArray<SinkParameter> Compute(IMethodSymbol method, IOperation body, CancellationToken cancellationToken)
    {
        List<SinkValue>? values = null;
        foreach (var operation in body.Descendants())
            _finder.Collect(operation, ref values);
        if (values is null)
            return None;

        var builder = ImmutableArray.CreateBuilder<SinkParameter>();
        foreach (var value in values)
        {
            if (value.NeedsErrorDetailPolicy || _engine.Evaluate(value.Value, cancellationToken).IsTainted)
                continue; // tainted on its own: reported inside the helper
            foreach (var parameter in method.Parameters)
            {
                if (IsCandidate(parameter)
                    && _engine.Evaluate(value.Value, parameter, new Taint(ExceptionTaintPolicy.ExceptionKind, value.Value), cancellationToken).IsTainted)
                    builder.Add(new SinkParameter(parameter, value.SinkName));
            }
        }
        return builder.ToImmutable();
    }
}
