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
/// so the call site <c>WriteErrorAsync(context, ex.Message)</c> is reported. A helper that hands the parameter on to
/// another such helper counts too, up to <see cref="MaxHelperDepth"/> helpers deep (<c>Fail -> WriteErrorAsync ->
/// WriteAsJsonAsync</c>). Computed once per method and depth, so the answer does not depend on which call asked first,
/// and recursion ends at the depth limit.
/// </summary>
internal sealed class SinkParameterSummaries
{
    /// <summary>Helpers between the call site and the sink, the called one included.</summary>
    public const int MaxHelperDepth = 3;

    private static readonly ImmutableArray<SinkParameter> None = ImmutableArray<SinkParameter>.Empty;

    private readonly TaintEngine _engine;
    private readonly ResponseSinkFinder _finder;
    private readonly ExceptionSymbols _symbols;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), ImmutableArray<SinkParameter>> _summaries = new(new MethodAndDepthComparer());

    public SinkParameterSummaries(TaintEngine engine, ResponseSinkFinder finder, ExceptionSymbols symbols)
    {
        _engine = engine;
        _finder = finder;
        _symbols = symbols;
    }

    /// <summary>
    /// Adds the arguments of <paramref name="call"/> that reach a sink inside the called helper, each named by its chain
    /// (<c>WriteErrorAsync -> WriteAsJsonAsync</c>); <paramref name="values"/> is created on the first one.
    /// </summary>
    public void CollectSinkArguments(IInvocationOperation call, ref List<SinkValue>? values, CancellationToken cancellationToken) =>
        CollectHelperSinks(call, MaxHelperDepth, ref values, cancellationToken);

    /// <param name="depth">How many helpers, the called one included, may still lie between here and the sink.</param>
    private ImmutableArray<SinkParameter> For(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
    {
        // Most calls go to framework and package code, which has no body to summarize: decide that first, cheaply.
        var target = invocation.TargetMethod;
        if (depth <= 0 || target.Parameters.IsEmpty || target.DeclaringSyntaxReferences.IsEmpty)
            return None;
        var key = (target.OriginalDefinition, depth);
        if (_summaries.TryGetValue(key, out var known))
            return known;
        if (!HasCandidate(key.OriginalDefinition))
            return _summaries.GetOrAdd(key, None);
        if (_engine.Callees.GetBody(key.OriginalDefinition, invocation) is not { } body)
            return _summaries.GetOrAdd(key, None);
        return _summaries.GetOrAdd(key, Compute(key.OriginalDefinition, body, depth, cancellationToken));
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

    private ImmutableArray<SinkParameter> Compute(IMethodSymbol method, IOperation body, int depth, CancellationToken cancellationToken)
    {
        List<SinkValue>? values = null;
        foreach (var operation in OperationWalk.Descendants(body))
        {
            _finder.Collect(operation, ref values);
            if (operation is IInvocationOperation call)
                CollectHelperSinks(call, depth - 1, ref values, cancellationToken);
        }
        if (values is null)
            return None;

        var builder = ImmutableArray.CreateBuilder<SinkParameter>();
        foreach (var value in values)
        {
            if (value.NeedsErrorDetailPolicy || _engine.Evaluate(value.Value, cancellationToken).IsTainted)
                continue; // tainted on its own: reported inside the helper
            foreach (var parameter in method.Parameters)
            {
                // One sink per parameter, the first in the body: the call site gets one diagnostic per leaked argument.
                if (IsCandidate(parameter) && !Names(builder, parameter)
                    && _engine.Evaluate(value.Value, parameter, new Taint(ExceptionTaintPolicy.ExceptionKind, value.Value), cancellationToken).IsTainted)
                    builder.Add(new SinkParameter(parameter, value.SinkName));
            }
        }
        return builder.ToImmutable();
    }

    private static bool Names(ImmutableArray<SinkParameter>.Builder found, IParameterSymbol parameter)
    {
        foreach (var sinkParameter in found)
        {
            if (SymbolEqualityComparer.Default.Equals(sinkParameter.Parameter, parameter))
                return true;
        }
        return false;
    }

    /// <summary>The arguments a helper call inside a helper hands on to a sink (<c>WriteErrorAsync(context, message)</c>).</summary>
    private void CollectHelperSinks(IInvocationOperation call, int depth, ref List<SinkValue>? values, CancellationToken cancellationToken)
    {
        var inner = For(call, depth, cancellationToken);
        foreach (var sinkParameter in inner)
        {
            foreach (var argument in call.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, sinkParameter.Parameter))
                    (values ??= new List<SinkValue>()).Add(new SinkValue(argument.Value, call.TargetMethod.Name + " -> " + sinkParameter.SinkName));
            }
        }
    }

    private sealed class MethodAndDepthComparer : IEqualityComparer<(IMethodSymbol Method, int Depth)>
    {
        public bool Equals((IMethodSymbol Method, int Depth) x, (IMethodSymbol Method, int Depth) y) =>
            x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Depth) obj) =>
            SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31 + obj.Depth;
    }
}
