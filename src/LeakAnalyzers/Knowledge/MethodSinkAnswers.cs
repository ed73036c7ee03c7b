using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Knowledge;

/// <summary>What the sink catalogue says about a method whatever the call looks like.</summary>
internal sealed class MethodSinkAnswer
{
    /// <summary>The answer for nearly every method of a project: no sink row, not a typed hub client.</summary>
    public static readonly MethodSinkAnswer None = new(null, null, false);

    public MethodSinkAnswer(SinkParameters? parameters, SinkParameters? policyParameters, bool mayBeTypedHubClient)
    {
        Parameters = parameters;
        PolicyParameters = policyParameters;
        MayBeTypedHubClient = mayBeTypedHubClient;
    }

    /// <summary>The method's row in the sink catalogue, or null.</summary>
    public SinkParameters? Parameters { get; }

    /// <summary>Its row among the Web API 2 overloads that wait for IncludeErrorDetailPolicy, or null.</summary>
    public SinkParameters? PolicyParameters { get; }

    /// <summary>An interface method with SignalR referenced: a typed hub client call if its receiver is <c>Clients.X</c>.</summary>
    public bool MayBeTypedHubClient { get; }
}

/// <summary>
/// <see cref="MethodSinkAnswer"/>s by target method, for one compilation. Every call, creation and assignment of the
/// project is matched against the catalogue, by LEAK001's callbacks and again by the engine at each step, and the
/// same few thousand methods come back: one lookup replaces two table matches and a type check.
/// </summary>
internal sealed class MethodSinkAnswers
{
    private readonly ResponseSinks _sinks;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSinkAnswer> _answers = new(SymbolEqualityComparer.Default);

    public MethodSinkAnswers(ResponseSinks sinks) => _sinks = sinks;

    public MethodSinkAnswer For(IMethodSymbol method) =>
        _answers.TryGetValue(method, out var known) ? known : _answers.GetOrAdd(method, Compute(method));

    private MethodSinkAnswer Compute(IMethodSymbol method)
    {
        var parameters = _sinks.MatchMethod(method);
        var policyParameters = _sinks.MatchErrorDetailPolicyMethod(method);
        var mayBeTypedHubClient = _sinks.MayBeTypedHubClientMethod(method);
        return parameters is null && policyParameters is null && !mayBeTypedHubClient
            ? MethodSinkAnswer.None
            : new MethodSinkAnswer(parameters, policyParameters, mayBeTypedHubClient);
    }
}
