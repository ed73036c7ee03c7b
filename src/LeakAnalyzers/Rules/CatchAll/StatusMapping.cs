using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>
/// Recognises a handler that maps a deliberate error to its own status: it reads the status the exception carries
/// (<c>b.StatusCode</c> in <c>ex switch { BadHttpRequestException b =&gt; b.StatusCode, ... }</c>, <c>rpc.Status</c>,
/// <c>http.GetHttpCode()</c>, <c>hre.Response</c>). For the aborted-request cancellation, reading
/// <c>RequestAborted</c> shows the handler tells it apart.
/// </summary>
internal static class StatusMapping
{
    /// <summary>Members of an exception that carry its status, by name (data, not code).</summary>
    private static readonly string[] StatusMembers = { "StatusCode", "Status", "Response", "GetHttpCode" };

    public static bool Covers(IOperation? scope, ITypeSymbol deliberateType, DeliberateErrorTypes types)
    {
        if (scope is null)
            return false;
        var isCancellation = SymbolEqualityComparer.Default.Equals(deliberateType, types.OperationCanceled);
        foreach (var operation in OperationWalk.DescendantsAndSelf(scope))
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "RequestAborted" } when isCancellation:
                    return true;
                case IPropertyReferenceOperation property when IsStatusMember(property.Property.Name) && Narrows(property.Instance, deliberateType, types):
                    return true;
                case IInvocationOperation invocation when IsStatusMember(invocation.TargetMethod.Name) && Narrows(invocation.Instance, deliberateType, types):
                    return true;
            }
        }
        return false;
    }

    /// <summary>The instance is an exception typed more specifically than Exception, and the deliberate type is one of it.</summary>
    private static bool Narrows(IOperation? instance, ITypeSymbol deliberateType, DeliberateErrorTypes types)
    {
        var type = instance?.Type;
        return type is not null
               && !SymbolEqualityComparer.Default.Equals(type, types.Exception)
               && TypeRelations.DerivesFromOrEquals(type, types.Exception)
               && TypeRelations.DerivesFromOrEquals(deliberateType, type);
    }

    private static bool IsStatusMember(string name)
    {
        foreach (var member in StatusMembers)
        {
            if (member == name)
                return true;
        }
        return false;
    }
}
