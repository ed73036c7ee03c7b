using System.Linq;
using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LeakAnalyzers.Tests.Knowledge;

/// <summary>The per-method half of sink matching, remembered per target method.</summary>
public class MethodSinkAnswersTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create(
        "Answers",
        new[] { CSharpSyntaxTree.ParseText("public interface IChatClient { System.Threading.Tasks.Task ReceiveError(string message); }") },
        References.Default);

    private static IMethodSymbol Method(string type, string name, int parameters) =>
        Compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().First(m => m.Parameters.Length == parameters);

    [Fact]
    public void Catalogued_method_has_its_row()
    {
        var answers = new MethodSinkAnswers(new ResponseSinks(Compilation));
        var ok = answers.For(Method("Microsoft.AspNetCore.Mvc.ControllerBase", "Ok", 1));
        Assert.NotNull(ok.Parameters);
        Assert.Same(ok, answers.For(Method("Microsoft.AspNetCore.Mvc.ControllerBase", "Ok", 1)));
    }

    [Fact]
    public void Other_methods_share_the_empty_answer()
    {
        var answers = new MethodSinkAnswers(new ResponseSinks(Compilation));
        Assert.Same(MethodSinkAnswer.None, answers.For(Method("System.String", "Trim", 0)));
    }

    [Fact]
    public void Interface_methods_may_be_typed_hub_clients()
    {
        var answer = new MethodSinkAnswers(new ResponseSinks(Compilation)).For(Method("IChatClient", "ReceiveError", 1));
        Assert.True(answer.MayBeTypedHubClient);
        Assert.Null(answer.Parameters);
    }
}
