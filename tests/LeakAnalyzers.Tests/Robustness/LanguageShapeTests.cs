using Xunit;

namespace LeakAnalyzers.Tests.Robustness;

/// <summary>Every analyzer and fix over the language shapes; generated code gets no diagnostics at all.</summary>
public class LanguageShapeTests
{
    public static TheoryData<string> ShapeNames() => Names(_ => true);

    public static TheoryData<string> GeneratedShapeNames() => Names(name => name.StartsWith("generated:", StringComparison.Ordinal));

    private static TheoryData<string> Names(Func<string, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var shape in LanguageShapes.All.Where(s => predicate(s.Name)))
            data.Add(shape.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public async Task Shape_is_handled(string name)
    {
        var shape = LanguageShapes.All.Single(s => s.Name == name);
        var (problems, _) = await RobustnessHarness.CheckAsync(shape);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [MemberData(nameof(GeneratedShapeNames))]
    public async Task Generated_code_gets_no_diagnostics(string name)
    {
        var shape = LanguageShapes.All.Single(s => s.Name == name);
        var (_, diagnostics) = await RobustnessHarness.CheckAsync(shape);
        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("LEAK", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_generated_shapes_leak_when_not_generated()
    {
        // The twin of the generated shapes: the same members in a plain file. Once the rules that see them exist,
        // they must report here — otherwise the generated-code test above would pass for the wrong reason.
        var ids = LeakComponents.SupportedIds();
        if (!ids.Contains("LEAK001") && !ids.Contains("LEAK004"))
            return;
        var plain = LanguageShapes.All.Single(s => s.Name == "file-scoped namespace");
        var (_, diagnostics) = await RobustnessHarness.CheckAsync(plain);
        Assert.Contains(diagnostics, d => d.Id is "LEAK001" or "LEAK004");
    }
}
