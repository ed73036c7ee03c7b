using System;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules;

/// <summary>
/// LEAK005: a debug feature (developer exception page, detailed errors, sensitive-data logging, PII in IdentityModel
/// messages, a forced Development environment) switched on where no Development check dominates it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DebugFeatureOutsideDevelopmentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property telling the code fix what it may do; absent when it can do nothing.</summary>
    public const string FixKey = "LEAK005.Fix";

    /// <summary>Wrap the statement (additional location: the flagged expression) in <c>if (env.IsDevelopment())</c>.</summary>
    public const string FixWrap = "Wrap";

    /// <summary>Replace the constant (additional location) with <c>env.IsDevelopment()</c>.</summary>
    public const string FixReplaceValue = "ReplaceValue";

    /// <summary>Pass <c>env.IsDevelopment()</c> into the empty argument list (additional location).</summary>
    public const string FixAddArgument = "AddArgument";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RuleDescriptors.DebugFeatureOutsideDevelopment, RuleDescriptors.DevelopmentEnvironmentForced);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeSetting.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var catalogue = DebugFeatureCatalogue.Create(start.Compilation);
            if (catalogue.IsEmpty)
                return;
            var analysis = new Analysis(catalogue, EnvironmentSymbols.Create(start.Compilation));
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        });
    }

    /// <summary>What an enabling value means for the fix.</summary>
    private enum Enabling
    {
        No,
        /// <summary>A constant (or a missing argument whose default is true): the value itself can be replaced.</summary>
        Constant,
        /// <summary>
        /// Enabled by the statement as a whole: a call, a setting, or a value computed from the environment that does not
        /// imply Development (<c>!env.IsProduction()</c>); the fix wraps the statement.
        /// </summary>
        Enabled,
    }

    private sealed class Analysis
    {
        private readonly DebugFeatureCatalogue _catalogue;
        private readonly EnvironmentSymbols _environment;

        public Analysis(DebugFeatureCatalogue catalogue, EnvironmentSymbols environment)
        {
            _catalogue = catalogue;
            _environment = environment;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            foreach (var feature in _catalogue.Match(invocation.TargetMethod))
            {
                var (enabling, valueSyntax) = feature.Trigger switch
                {
                    DebugFeatureTrigger.AnyCall => (Enabling.Enabled, null),
                    DebugFeatureTrigger.FlagArgument => FlagArgument(invocation),
                    DebugFeatureTrigger.KeyValue => (KeyValueArguments(invocation, feature) ? Enabling.Enabled : Enabling.No, (SyntaxNode?)null),
                    _ => (Enabling.No, null),
                };
                if (enabling != Enabling.No)
                {
                    Report(context, invocation, feature, enabling, valueSyntax);
                    return;
                }
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation target)
                return;
            foreach (var feature in _catalogue.Match(target.Property))
            {
                var enabling = feature.Trigger switch
                {
                    DebugFeatureTrigger.AssignedTrue => Classify(assignment.Value),
                    DebugFeatureTrigger.AssignedValue => IsOneOf(assignment.Value, feature.Values) || IsEnvironmentNameOneOf(assignment.Value, feature) ? Enabling.Enabled : Enabling.No,
                    DebugFeatureTrigger.KeyValue => target.Arguments.Length == 1
                                                    && _catalogue.IsKey(target.Arguments[0].Value, feature)
                                                    && IsOneOf(assignment.Value, feature.Values) ? Enabling.Enabled : Enabling.No,
                    _ => Enabling.No,
                };
                if (enabling != Enabling.No)
                {
                    Report(context, assignment, feature, enabling, assignment.Value.Syntax);
                    return;
                }
            }
        }

        /// <summary>The first bool parameter switches the feature; a missing argument takes its default (true).</summary>
        private (Enabling, SyntaxNode?) FlagArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType != SpecialType.System_Boolean)
                    continue;
                if (argument.IsImplicit || argument.ArgumentKind == ArgumentKind.DefaultValue)
                    return (Enabling.Constant, (invocation.Syntax as InvocationExpressionSyntax)?.ArgumentList);
                return (Classify(argument.Value), argument.Value.Syntax);
            }
            return (Enabling.Enabled, null);
        }

        /// <summary>
        /// A constant true enables; a value computed from the environment enables unless it implies Development;
        /// any other value (configuration, a flag from elsewhere) is the application's decision and is left alone.
        /// </summary>
        private Enabling Classify(IOperation value)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped.ConstantValue.HasValue)
                return unwrapped.ConstantValue.Value is true ? Enabling.Constant : Enabling.No;
            if (DevelopmentGuards.ImpliesDevelopment(unwrapped, _environment))
                return Enabling.No;
            return DevelopmentGuards.DependsOnEnvironment(unwrapped, _environment) ? Enabling.Enabled : Enabling.No;
        }

        private bool KeyValueArguments(IInvocationOperation invocation, DebugFeature feature)
        {
            IOperation? first = null;
            IOperation? last = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType != SpecialType.System_String)
                    continue;
                first ??= argument.Value;
                last = argument.Value;
            }
            return first is not null && last is not null
                && (feature.Key is null || (!ReferenceEquals(first, last) && _catalogue.IsKey(first, feature)))
                && (IsOneOf(last, feature.Values) || IsEnvironmentNameOneOf(last, feature));
        }

        /// <summary><c>Environments.Development</c> is a static readonly field, not a constant.</summary>
        private static bool IsEnvironmentNameOneOf(IOperation value, DebugFeature feature) =>
            feature.ForcesDevelopment && DevelopmentGuards.IsDevelopmentName(value);

        /// <summary>A string constant among <paramref name="values"/>, or an enum constant whose member name is.</summary>
        private static bool IsOneOf(IOperation value, ImmutableArray<string> values)
        {
            if (values.IsDefaultOrEmpty || value.ConstantValue is not { HasValue: true, Value: { } constant })
                return false;
            var text = constant as string ?? EnumMemberName(value.Type, constant);
            if (text is null)
                return false;
            foreach (var candidate in values)
            {
                if (string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
            return false;
        }

        private static string? EnumMemberName(ITypeSymbol? type, object constant)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
                return null;
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant))
                    return field.Name;
            }
            return null;
        }

        private void Report(OperationAnalysisContext context, IOperation operation, DebugFeature feature, Enabling enabling, SyntaxNode? valueSyntax)
        {
            if (DevelopmentGuards.IsInDevelopmentOnlyRegion(operation, _environment)
                || DebugDirectiveRegions.IsInDebugOnlyRegion(operation.Syntax)
                || StartupConventions.IsDevelopmentOnlyMember(context.ContainingSymbol))
                return;

            var properties = ImmutableDictionary<string, string?>.Empty;
            Location? fixTarget = null;
            if (!feature.ForcesDevelopment)
            {
                if (enabling == Enabling.Constant && valueSyntax is not null)
                {
                    properties = properties.Add(FixKey, valueSyntax is ArgumentListSyntax ? FixAddArgument : FixReplaceValue);
                    fixTarget = valueSyntax.GetLocation();
                }
                else
                {
                    properties = properties.Add(FixKey, FixWrap);
                    fixTarget = operation.Syntax.GetLocation();
                }
            }
            context.ReportDiagnostic(Diagnostic.Create(
                feature.ForcesDevelopment ? RuleDescriptors.DevelopmentEnvironmentForced : RuleDescriptors.DebugFeatureOutsideDevelopment,
                PrimaryLocation(operation),
                fixTarget is null ? null : new[] { fixTarget },
                properties,
                feature.Display));
        }

        /// <summary>
        /// <c>app.UseDeveloperExceptionPage()</c> is reported from the member name on, so that a call in the middle of a
        /// fluent chain is marked on its own line rather than at the start of the chain; a static call as a whole.
        /// </summary>
        private static Location PrimaryLocation(IOperation operation)
        {
            var syntax = operation.Syntax;
            if (operation is IInvocationOperation { TargetMethod: { IsStatic: false } or { IsExtensionMethod: true } }
                && syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
                return Location.Create(invocation.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
            return syntax.GetLocation();
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            return operation;
        }
    }
}
