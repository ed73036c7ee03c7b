using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules;

/// <summary>
/// The per-compilation state of LEAK001/LEAK002: finds the values handed to response sinks and reports those the
/// engine finds tainted. One diagnostic per sink argument, on the value expression.
/// </summary>
internal sealed class ResponseLeakAnalysis
{
    private const int IncludeErrorDetailPolicyAlways = 2;
    private const string RouteHandlerSinkName = "the route handler's return value";
    /// <summary>Made once: the <c>params</c> overload copies a new array into a new ImmutableArray at every endpoint body.</summary>
    private static readonly ImmutableArray<OperationKind> ReturnKind = ImmutableArray.Create(OperationKind.Return);

    private readonly ResponseSinks _sinks;
    private readonly ResponseSinkFinder _finder;
    private readonly SinkParameterSummaries _summaries;
    private readonly TaintEngine _engine;
    private readonly EnvironmentSymbols _environment;
    private readonly PerTreeCache<ResponseLeakOptions> _options;
    private readonly ConcurrentQueue<Diagnostic> _errorDetailPolicyLeaks = new();
    /// <summary>Made once: every endpoint body registers it, and a method group would allocate a delegate each time.</summary>
    private readonly System.Action<OperationAnalysisContext> _analyzeReturn;
    private int _errorDetailPolicyIsAlways;
    /// <summary>Route handlers mapped as method groups whose returns were checked (each once).</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, byte> _mappedMethods = new(SymbolEqualityComparer.Default);

    public ResponseLeakAnalysis(ResponseSinks sinks, ResponseSinkFinder finder, ExceptionSymbols symbols, TaintEngine engine, EnvironmentSymbols environment, PerTreeCache<ResponseLeakOptions> options)
    {
        _sinks = sinks;
        _finder = finder;
        _summaries = new SinkParameterSummaries(engine, _finder, symbols);
        _engine = engine;
        _environment = environment;
        _options = options;
        _analyzeReturn = AnalyzeReturn;
    }

    public void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (AnalyzeSinkValues(context))
            return;
        if (_sinks.IsRouteMapping(invocation))
        {
            CheckRouteHandlers(context, invocation);
            return;
        }
        // Helpers that hand a parameter to a sink: the summary binds the helper's body, so it is asked for only when an
        // argument carries exception data (most calls to the project's own methods pass clean values).
        // Abstract and extern methods (calls through a service interface) have no body, so no summary.
        var target = invocation.TargetMethod;
        if (target.IsAbstract || target.IsExtern || target.DeclaringSyntaxReferences.IsEmpty || !AnyArgumentTainted(context, invocation))
            return;
        List<SinkValue>? values = null;
        _summaries.CollectSinkArguments(invocation, ref values, context.CancellationToken);
        if (values is null)
            return;
        foreach (var value in values)
            Check(context, value.Value, value.SinkName);
    }

    private bool AnyArgumentTainted(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (Evaluate(context, argument.Value) is not null)
                return true;
        }
        return false;
    }

    /// <summary>Object creations and assignments: checks the values they hand to the response.</summary>
    public void AnalyzeSinkOperation(OperationAnalysisContext context) => AnalyzeSinkValues(context);

    private bool AnalyzeSinkValues(OperationAnalysisContext context)
    {
        // One list per thread (a list per sink call was a fifth of what this rule allocated: ThreadSpare).
        var values = Core.ThreadSpare<List<SinkValue>>.Take();
        try
        {
            _finder.Collect(context.Operation, ref values);
            if (values is not { Count: > 0 })
                return false;
            foreach (var value in values)
            {
                if (!value.NeedsErrorDetailPolicy)
                    Check(context, value.Value, value.SinkName);
                else if (Evaluate(context, value.Value) is { } taint)
                    _errorDetailPolicyLeaks.Enqueue(Create(taint, value.Value, value.SinkName));
            }
            return true;
        }
        finally
        {
            if (values is not null)
            {
                values.Clear();
                Core.ThreadSpare<List<SinkValue>>.Give(values);
            }
        }
    }

    /// <summary>
    /// Minimal-API route handlers: what the lambda returns is sent to the client. They are found at their <c>Map*</c>
    /// call, so the returns of ordinary methods (most of a project's) need no walk up to an enclosing lambda.
    /// </summary>
    private void CheckRouteHandlers(OperationAnalysisContext context, IInvocationOperation mapping)
    {
        foreach (var argument in mapping.Arguments)
        {
            var handler = OperationNavigation.Unwrap(argument.Value);
            if (handler is IDelegateCreationOperation creation)
                handler = OperationNavigation.Unwrap(creation.Target);
            if (handler is IMethodReferenceOperation reference)
                CheckMappedMethod(context, reference);
            if (handler is not IAnonymousFunctionOperation lambda)
                continue;
            foreach (var value in OperationNavigation.ReturnedValues(lambda.Body))
                Check(context, value, RouteHandlerSinkName);
        }
    }

    /// <summary>
    /// A method group mapped as a route handler (<c>app.MapGet("/orders", OrderEndpoints.List)</c>, a local function):
    /// what the method returns is sent to the client. Checked once per method however often it is mapped; the
    /// diagnostics are on the returned values, in the handler's own file. Controller actions and other endpoints
    /// are left to <see cref="AnalyzeReturn"/>, which already sees their returns.
    /// </summary>
    private void CheckMappedMethod(OperationAnalysisContext context, IMethodReferenceOperation reference)
    {
        var method = reference.Method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty || _sinks.IsEndpointMethod(method) || !_mappedMethods.TryAdd(method, 0)
            || _engine.Callees.GetBody(method, reference) is not { } body)
            return;
        foreach (var value in OperationNavigation.ReturnedValues(body))
            Check(context, value, RouteHandlerSinkName);
    }

    /// <summary>
    /// Asks once per method body whether the method is an endpoint (controller action, page handler, hub method), and
    /// only then asks to see its returns: most of a project's returns are in services and never reach this rule.
    /// </summary>
    public void OnOperationBlockStart(OperationBlockStartAnalysisContext context)
    {
        if (context.OwningSymbol is IMethodSymbol method && _sinks.IsEndpointMethod(method))
            context.RegisterOperationAction(_analyzeReturn, ReturnKind);
    }

    /// <summary>Returns of an endpoint method (route-handler lambdas: <see cref="CheckRouteHandlers"/>).</summary>
    private void AnalyzeReturn(OperationAnalysisContext context)
    {
        var returned = (IReturnOperation)context.Operation;
        // Registered for OperationKind.Return only: yield returns have a kind of their own and never arrive here.
        if (returned.ReturnedValue is not { } value || ConstantValues.IsConstant(value) || !DataCarryingTypes.CanCarryData(value.Type))
            return;
        // A lambda's or local function's return is not the endpoint's.
        for (var current = returned.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
                return;
        }
        if (Evaluate(context, value) is { } found)
            context.ReportDiagnostic(Create(found, value, "the return value of " + context.ContainingSymbol.Name));
    }

    /// <summary>Web API 2's IncludeErrorDetailPolicy = Always makes exception-serializing overloads leak (rules.md).</summary>
    public void NoteErrorDetailPolicy(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "IncludeErrorDetailPolicy" }
            && assignment.Value.ConstantValue is { HasValue: true, Value: int value } && value == IncludeErrorDetailPolicyAlways)
            System.Threading.Interlocked.Exchange(ref _errorDetailPolicyIsAlways, 1);
    }

#pragma warning disable RS1037 // These few diagnostics depend on a compilation-wide setting; the descriptors are shared with live analysis.
    public void ReportErrorDetailPolicySinks(CompilationAnalysisContext context)
    {
        if (System.Threading.Volatile.Read(ref _errorDetailPolicyIsAlways) == 0)
            return;
        while (_errorDetailPolicyLeaks.TryDequeue(out var diagnostic))
            context.ReportDiagnostic(diagnostic);
    }
#pragma warning restore RS1037

    private void Check(OperationAnalysisContext context, IOperation value, string sinkName)
    {
        if (Evaluate(context, value) is { } found)
            context.ReportDiagnostic(Create(found, value, sinkName));
    }

    private Taint? Evaluate(OperationAnalysisContext context, IOperation value)
    {
        if (ConstantValues.IsConstant(value) || !DataCarryingTypes.CanCarryData(value.Type))
            return null;
        var taint = _engine.Evaluate(value, context.CancellationToken);
        if (!taint.IsTainted)
            return null;
        // Asked only for tainted values: the guard walk is not free, and almost every value is clean.
        if (_options.Get(value.Syntax.SyntaxTree).AllowInDevelopment && DevelopmentGuards.IsInDevelopmentOnlyRegion(value, _environment))
            return null;
        return taint;
    }

    private static Diagnostic Create(Taint taint, IOperation value, string sinkName)
    {
        var descriptor = taint.Kind == ExceptionTaintPolicy.DatabaseKind
            ? RuleDescriptors.DatabaseDetailsInResponse
            : RuleDescriptors.ExceptionDetailsInResponse;
        var origin = taint.Origin!.Syntax;
        var location = value.Syntax.GetLocation();
        var inside = origin.SyntaxTree == value.Syntax.SyntaxTree && value.Syntax.Span.Contains(origin.Span);
        return Diagnostic.Create(descriptor, location,
            inside ? null : new[] { origin.GetLocation() },
            Describe(origin), sinkName);
    }

    private static string Describe(SyntaxNode origin)
    {
        // `ex.InnerException?.Message`: the read is the member binding `.Message`; name the whole access.
        while (origin.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ConditionalAccessExpressionSyntax access
               && access.WhenNotNull.Span.Contains(origin.Span))
            origin = access;
        // One line, short: the message names the read, not the whole statement.
        var builder = new System.Text.StringBuilder();
        var lastWasSpace = false;
        foreach (var c in origin.ToString())
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace || !lastWasSpace)
                builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }
        var text = builder.ToString();
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
