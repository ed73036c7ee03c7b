using System.Threading;
using LeakAnalyzers.Flow;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>How the logger turns a value into text.</summary>
internal enum RenderMode
{
    /// <summary>ToString(): records and anonymous objects print their members, other classes their type name.</summary>
    Text,
    /// <summary>Serilog/NLog <c>{@X}</c>, <c>destructureObjects: true</c>: every public property is written.</summary>
    Destructure,
    /// <summary>JSON serialization: every public property without [JsonIgnore] is written.</summary>
    Json,
}

/// <summary>
/// Decides whether a logged value is (or contains) a secret and names it. The value is followed back by the shared
/// <see cref="TaintEngine"/> (locals, interpolation, concatenation, string.Format, string methods, StringBuilder,
/// conditionals, collections, the project's own helper methods, lambdas) with the <see cref="SecretTaintPolicy"/>
/// saying what is a secret; destructured values are first checked member by member. One instance per compilation.
/// </summary>
internal sealed class SecretFinder
{
    private readonly TaintEngine _engine;
    private readonly SecretTaintPolicy _policy;

    public SecretFinder(TaintEngine engine, SecretTaintPolicy policy)
    {
        _engine = engine;
        _policy = policy;
    }

    /// <summary>The display name of the secret <paramref name="value"/> carries, or null.</summary>
    public string? Find(IOperation value, RenderMode mode, CancellationToken cancellationToken)
    {
        var unwrapped = OperationNavigation.Unwrap(value);
        if (ConstantValues.IsConstant(unwrapped))
            return null;
        if (mode != RenderMode.Text
            && _policy.RenderedMemberHit(unwrapped, mode, _policy.OptionsFor(unwrapped)) is { Origin: { } rendered })
            return _policy.NameOf(rendered);
        var taint = _engine.Evaluate(unwrapped, cancellationToken);
        return taint.IsTainted && taint.Origin is { } origin ? _policy.NameOf(origin) : null;
    }

    /// <summary>One entry of a state dictionary: a secret key (<c>["Password"] = x</c>) with a text value, or a secret value.</summary>
    public string? FindInEntry(IOperation? key, IOperation value, CancellationToken cancellationToken)
    {
        if (key is not null && ConstantValues.Text(key) is { } name && _policy.IsSecretEntry(name, value, _policy.OptionsFor(value)))
            return OperationNavigation.Unwrap(value).Syntax.ToString();
        return Find(value, RenderMode.Text, cancellationToken);
    }
}
