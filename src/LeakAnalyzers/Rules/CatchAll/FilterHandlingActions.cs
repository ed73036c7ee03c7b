using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules.CatchAll;

/// <summary>
/// What an exception filter does when it handles (answers) the exception: sets <c>ExceptionContext.Result</c> or
/// <c>ExceptionHandled = true</c> (MVC), sets <c>HttpActionExecutedContext.Response</c> (Web API 2), or writes the
/// response itself. A filter that does none of these for a deliberate error leaves it to the framework.
/// </summary>
internal sealed class FilterHandlingActions
{
    private readonly (INamedTypeSymbol? Type, string Property)[] _assignedProperties;
    private readonly INamedTypeSymbol? _httpResponse;

    public FilterHandlingActions(ErrorHandlerSymbols symbols)
    {
        _httpResponse = symbols.HttpResponse;
        _assignedProperties = new[]
        {
            (symbols.MvcExceptionContext, "Result"),
            (symbols.MvcExceptionContext, "ExceptionHandled"),
            (symbols.WebApiActionExecutedContext, "Response"),
            (symbols.HttpResponse, "StatusCode"),
        };
    }

    public bool IsHandlingAction(IOperation operation)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                if (assignment.Value.ConstantValue is { HasValue: true, Value: false })
                    return false; // ExceptionHandled = false
                foreach (var (type, property) in _assignedProperties)
                {
                    if (type is not null && target.Property.Name == property && TypeRelations.DerivesFromOrEquals(target.Property.ContainingType, type))
                        return true;
                }
                return false;
            case IInvocationOperation invocation when _httpResponse is not null && invocation.TargetMethod.Name.StartsWith("Write", System.StringComparison.Ordinal):
                var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                return TypeRelations.DerivesFromOrEquals(receiver?.Type, _httpResponse);
            default:
                return false;
        }
    }
}
