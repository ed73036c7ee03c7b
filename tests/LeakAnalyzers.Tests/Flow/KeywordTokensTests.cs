using System.Linq;
using LeakAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LeakAnalyzers.Tests.Flow;

/// <summary>The text search behind "does this method have a catch clause that hands data on".</summary>
public class KeywordTokensTests
{
    private const string Source = """
        class C
        {
            // catch in a comment
            string A() { var catchy = "catch"; return catchy; }
            string B() { try { return ""; } catch (System.Exception ex) { return ex.Message; } }
            string C2() { try { return ""; } catch (System.Exception) { throw; } }
            string D() { return @catch(); } string @catch() => "";
        }
        """;

    [Theory]
    [InlineData("A", false)]
    [InlineData("B", true)]
    [InlineData("C2", false)]
    [InlineData("D", false)]
    public void Finds_only_catch_keywords_that_hand_data_on(string method, bool expected)
    {
        var declaration = Method(CSharpSyntaxTree.ParseText(Source), method);
        Assert.Equal(expected, RethrowingCatchClauses.AnyHandsOn(declaration));
    }

    [Theory]
    [InlineData("A", 0)]
    [InlineData("B", 1)]
    [InlineData("C2", 1)]
    [InlineData("D", 0)]
    public void Counts_keyword_tokens_not_spellings(string method, int expected)
    {
        var declaration = Method(CSharpSyntaxTree.ParseText(Source), method);
        var seen = 0;
        var result = KeywordTokens.Any(declaration, "catch", (int)SyntaxKind.CatchKeyword, _ => { seen++; return false; });
        Assert.False(result);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void A_tree_without_text_falls_back_to_walking_the_syntax()
    {
        // A tree made from nodes has no source text until asked; the search says so and the caller walks instead.
        var root = SyntaxFactory.ParseCompilationUnit(Source);
        var tree = CSharpSyntaxTree.Create(root);
        var declaration = Method(tree, "B");
        Assert.False(tree.TryGetText(out _));
        Assert.Null(KeywordTokens.Any(declaration, "catch", (int)SyntaxKind.CatchKeyword, _ => true));
        Assert.True(RethrowingCatchClauses.AnyHandsOn(declaration));
        Assert.False(RethrowingCatchClauses.AnyHandsOn(Method(tree, "C2")));
    }

    private static MethodDeclarationSyntax Method(SyntaxTree tree, string name) =>
        tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name);
}
