using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LeakAnalyzers.CodeFixes.CorrelationId;

/// <summary>Writes a <see cref="LoggerChoice"/>'s injection: field + constructor parameter, primary-constructor parameter, or handler parameter.</summary>
internal static class LoggerInjection
{
    public static void Apply(DocumentEditor editor, LoggerChoice choice)
    {
        switch (choice.Injection)
        {
            case InjectionKind.PrimaryConstructor:
                var primary = ((ClassDeclarationSyntax)choice.Target!).ParameterList!;
                editor.ReplaceNode(primary, (current, _) => AddParameter((ParameterListSyntax)current, choice));
                break;
            case InjectionKind.HandlerParameter:
                var parameters = choice.Target switch
                {
                    ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
                    MethodDeclarationSyntax method => method.ParameterList,
                    LocalFunctionStatementSyntax local => local.ParameterList,
                    _ => null,
                };
                if (parameters is not null)
                    editor.ReplaceNode(parameters, (current, _) => AddParameter((ParameterListSyntax)current, choice));
                break;
            case InjectionKind.ConstructorField:
                AddFieldAndConstructor(editor, (ClassDeclarationSyntax)choice.Target!, choice);
                break;
        }
    }

    private static ParameterListSyntax AddParameter(ParameterListSyntax list, LoggerChoice choice) =>
        list.AddParameters(Parameter(choice)).WithAdditionalAnnotations(Formatter.Annotation);

    private static ParameterSyntax Parameter(LoggerChoice choice) =>
        SyntaxFactory.Parameter(SyntaxFactory.Identifier(choice.ParameterName!))
            .WithType(LoggerType(choice).WithTrailingTrivia(SyntaxFactory.Space));

    private static TypeSyntax LoggerType(LoggerChoice choice) =>
        SyntaxFactory.ParseTypeName(choice.TypeText!).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    private static void AddFieldAndConstructor(DocumentEditor editor, ClassDeclarationSyntax type, LoggerChoice choice)
    {
        var field = SyntaxFactory.FieldDeclaration(SyntaxFactory.VariableDeclaration(LoggerType(choice))
                .AddVariables(SyntaxFactory.VariableDeclarator(choice.MemberName!)))
            .AddModifiers(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var assignment = SyntaxFactory.ParseStatement($"{choice.MemberName} = {choice.ParameterName};")
            .WithAdditionalAnnotations(Formatter.Annotation);
        var constructors = type.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        var lastField = type.Members.OfType<FieldDeclarationSyntax>().LastOrDefault();

        var newMembers = new System.Collections.Generic.List<SyntaxNode> { field };
        if (constructors.Count == 0)
        {
            var constructor = SyntaxFactory.ConstructorDeclaration(type.Identifier.WithoutTrivia())
                .AddModifiers(SyntaxFactory.Token(SyntaxKind.PublicKeyword))
                .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(Parameter(choice))))
                .WithBody(SyntaxFactory.Block(assignment))
                .WithAdditionalAnnotations(Formatter.Annotation);
            newMembers.Add(constructor);
        }
        if (lastField is not null)
            editor.InsertAfter(lastField, newMembers);
        else if (type.Members.FirstOrDefault() is { } first)
            editor.InsertBefore(first, newMembers);
        else
            foreach (var member in newMembers)
                editor.AddMember(type, member);

        foreach (var constructor in constructors)
        {
            editor.ReplaceNode(constructor, (current, _) =>
            {
                var ctor = (ConstructorDeclarationSyntax)current;
                ctor = ctor.WithParameterList(AddParameter(ctor.ParameterList, choice));
                if (ctor.Body is { } body)
                    return ctor.WithBody(body.AddStatements(assignment));
                if (ctor.ExpressionBody is { } arrow)
                {
                    var block = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia()), assignment)
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    return ctor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block)
                        .WithParameterList(ctor.ParameterList.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
                }
                return ctor;
            });
        }
    }
}
