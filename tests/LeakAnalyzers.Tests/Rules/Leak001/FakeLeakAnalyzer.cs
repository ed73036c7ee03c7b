using System.Collections.Immutable;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Tests.Rules.Leak001;

/// <summary>
/// TEST-ONLY stand-in for ExceptionDetailsInResponseAnalyzer until it lands in main: reports LEAK001 on sink
/// arguments / returned values / ProblemDetails initializers that read Message/StackTrace/ToString() of an exception.
/// </summary>
#pragma warning disable RS1038, RS1041, RS1036 // test-only analyzer, never shipped
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FakeLeakAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] Sinks =
    {
        "Ok", "BadRequest", "Problem", "StatusCode", "Conflict", "NotFound", "WriteAsync", "WriteAsJsonAsync", "SendAsync",
        "CreateErrorResponse", "ObjectResult", "HubException", "Status", "RpcException", "Json", "Text", "Content",
    };

    private static readonly string[] Reads = { "Message", "StackTrace", "ToString", "Source" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
        ImmutableArray.Create(RuleDescriptors.ExceptionDetailsInResponse, RuleDescriptors.DatabaseDetailsInResponse);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(c =>
        {
            var op = (IArgumentOperation)c.Operation;
            var method = op.Parent switch
            {
                IInvocationOperation i => i.TargetMethod,
                IObjectCreationOperation o => o.Constructor,
                _ => null,
            };
            if (method is null || IsLog(method) || Array.IndexOf(Sinks, method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name) < 0)
                return;
            Report(c.ReportDiagnostic, op.Value);
        }, OperationKind.Argument);
        context.RegisterOperationAction(c =>
        {
            var op = (IReturnOperation)c.Operation;
            if (op.ReturnedValue is { } v && !op.IsImplicit && v.Type?.SpecialType == SpecialType.System_String)
                Report(c.ReportDiagnostic, v);
        }, OperationKind.Return);
        context.RegisterOperationAction(c =>
        {
            var op = (ISimpleAssignmentOperation)c.Operation;
            if (op.Target is IPropertyReferenceOperation p && p.Property.ContainingType.Name == "ProblemDetails")
                Report(c.ReportDiagnostic, op.Value);
        }, OperationKind.SimpleAssignment);
    }

    private static bool IsLog(IMethodSymbol m)
    {
        var ns = m.ContainingType.ContainingNamespace.ToDisplayString();
        return ns.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal) || ns.StartsWith("Serilog", StringComparison.Ordinal)
            || ns.StartsWith("NLog", StringComparison.Ordinal) || ns.StartsWith("log4net", StringComparison.Ordinal)
            || ns == "System.Diagnostics";
    }

    private static void Report(Action<Diagnostic> report, IOperation value)
    {
        while (value is IConversionOperation conv && conv.IsImplicit)
            value = conv.Operand;
        IOperation? read = null;
        var isDb = false;
        foreach (var d in value.DescendantsAndSelf())
        {
            var (name, receiver) = d switch
            {
                IPropertyReferenceOperation p => (p.Property.Name, p.Instance),
                IInvocationOperation i => (i.TargetMethod.Name, i.Instance),
                _ => (null, null),
            };
            if (name is null || receiver is null || Array.IndexOf(Reads, name) < 0 || !IsException(receiver.Type))
                continue;
            read = d;
            isDb |= Derives(receiver.Type, "DbException");
            break;
        }
        if (read is null)
            return;
        var descriptor = isDb ? RuleDescriptors.DatabaseDetailsInResponse : RuleDescriptors.ExceptionDetailsInResponse;
        var additional = read.Syntax == value.Syntax ? null : new[] { read.Syntax.GetLocation() };
        report(Diagnostic.Create(descriptor, value.Syntax.GetLocation(), additional, value.Syntax.ToString(), "sink"));
    }

    private static bool IsException(ITypeSymbol? type) => Derives(type, "Exception");

    private static bool Derives(ITypeSymbol? type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.Name == name)
                return true;
        }
        return false;
    }
}
