using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules;

/// <summary>A value handed to the response boundary, with the name the diagnostic gives the sink.</summary>
internal readonly struct SinkValue
{
    public SinkValue(IOperation value, string sinkName, bool needsErrorDetailPolicy = false)
    {
        Value = value;
        SinkName = sinkName;
        NeedsErrorDetailPolicy = needsErrorDetailPolicy;
    }

    public IOperation Value { get; }
    public string SinkName { get; }

    /// <summary>Web API 2 exception overloads: a leak only when IncludeErrorDetailPolicy is Always.</summary>
    public bool NeedsErrorDetailPolicy { get; }
}

/// <summary>
/// Finds the values an invocation, object creation or assignment hands to the response boundary. Used by the
/// operation callbacks and, inside the project's helper methods, by <see cref="SinkParameterSummaries"/>.
/// </summary>
internal sealed class ResponseSinkFinder
{
    private readonly ResponseSinks _sinks;
    private readonly PerTreeCache<ResponseLeakOptions> _options;
    private readonly bool _anyAdditionalSinks;

    /// <param name="anyAdditionalSinks">
    /// Whether some file configures <c>additional_response_sinks</c>; when none does (almost always), calls are not
    /// looked up in the per-file options at all.
    /// </param>
    public ResponseSinkFinder(ResponseSinks sinks, PerTreeCache<ResponseLeakOptions> options, bool anyAdditionalSinks)
    {
        _sinks = sinks;
        _options = options;
        _anyAdditionalSinks = anyAdditionalSinks;
    }

    /// <summary>
    /// True when <paramref name="operation"/> hands values to the response: what it produces is then clean for the taint
    /// engine (the values are reported at the sink itself, so one leak gives one diagnostic).
    /// </summary>
    public bool IsSink(IOperation operation) => operation switch
    {
        IInvocationOperation invocation =>
            _sinks.MatchMethod(invocation.TargetMethod) is not null
            || _sinks.MatchErrorDetailPolicyMethod(invocation.TargetMethod) is not null
            || AdditionalSink(invocation) is not null
            || _sinks.IsTypedHubClientCall(invocation)
            || _sinks.WriteThroughProperty(ResponseSinks.Receiver(invocation)) is not null,
        IObjectCreationOperation { Constructor: { } constructor } => _sinks.MatchConstructor(constructor) is not null,
        IAssignmentOperation assignment => _sinks.AssignmentSinkName(assignment) is not null,
        _ => false,
    };

    /// <summary>Adds the sink values of <paramref name="operation"/> to <paramref name="values"/> (created on first match).</summary>
    public void Collect(IOperation operation, ref List<SinkValue>? values)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                CollectInvocation(invocation, ref values);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                if (_sinks.MatchConstructor(constructor) is { } parameters)
                    AddArguments(creation.Arguments, parameters, "new " + constructor.ContainingType.Name, false, null, ref values);
                break;
            case ISimpleAssignmentOperation assignment:
                if (_sinks.AssignmentSinkName(assignment) is { } sinkName)
                    (values ??= new List<SinkValue>()).Add(new SinkValue(assignment.Value, sinkName));
                break;
        }
    }

    private void CollectInvocation(IInvocationOperation invocation, ref List<SinkValue>? values)
    {
        var method = invocation.TargetMethod;
        var parameters = _sinks.MatchMethod(method) ?? AdditionalSink(invocation);
        var policyParameters = _sinks.MatchErrorDetailPolicyMethod(method);
        if (parameters is not null)
            AddArguments(invocation.Arguments, parameters, method.Name, false, null, ref values);
        if (policyParameters is not null)
            AddArguments(invocation.Arguments, policyParameters, method.Name, true, null, ref values);
        if (parameters is not null || policyParameters is not null)
            return;
        if (_sinks.IsTypedHubClientCall(invocation))
        {
            AddArguments(invocation.Arguments, SinkParameters.All, method.Name, false, null, ref values);
            return;
        }

        var receiver = ResponseSinks.Receiver(invocation);
        if (_sinks.WriteThroughProperty(receiver) is { } property)
            AddArguments(invocation.Arguments, SinkParameters.All, property.ContainingType.Name + "." + property.Name, false, receiver, ref values);
    }

    /// <remarks>The array itself, not an <c>IEnumerable</c>: that boxed it and allocated an enumerator for every sink.</remarks>
    private static void AddArguments(ImmutableArray<IArgumentOperation> arguments, SinkParameters parameters, string sinkName,
        bool needsPolicy, IOperation? skip, ref List<SinkValue>? values)
    {
        foreach (var argument in arguments)
        {
            if (parameters.Includes(argument.Parameter) && !ReferenceEquals(argument.Value, skip))
                (values ??= new List<SinkValue>()).Add(new SinkValue(argument.Value, sinkName, needsPolicy));
        }
    }

    private SinkParameters? AdditionalSink(IInvocationOperation invocation)
    {
        if (!_anyAdditionalSinks)
            return null;
        var additional = _options.Get(invocation.Syntax.SyntaxTree).AdditionalSinks;
        return !additional.IsEmpty && additional.Contains(invocation.TargetMethod.OriginalDefinition) ? SinkParameters.All : null;
    }
}
