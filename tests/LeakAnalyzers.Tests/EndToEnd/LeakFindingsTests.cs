using Xunit;

namespace LeakAnalyzers.Tests.EndToEnd;

/// <summary>The parsing the end-to-end assertions rely on, checked without running a build.</summary>
public sealed class LeakFindingsTests : IDisposable
{
    private readonly string app = Path.Combine(Path.GetTempPath(), "leakfindings-" + Guid.NewGuid().ToString("N")[..12], "App");

    public LeakFindingsTests() => Directory.CreateDirectory(app);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(app)!, recursive: true);

    [Fact]
    public void Build_output_is_made_distinct_and_relative()
    {
        var file = Path.Combine(app, "Api", "Orders.cs");
        var output = $"""
              {file}(12,20): warning LEAK001: 'ex.Message' reaches the HTTP response through 'BadRequest' [{app}/App.csproj]
              {file}(12,40): warning LEAK001: 'ex.StackTrace' reaches the HTTP response through 'BadRequest' [{app}/App.csproj]
              {file}(30,9): warning LEAK002: 'pg.Detail' reaches the HTTP response through 'Conflict' [{app}/App.csproj]
              {file}(31,9): warning CS0168: The variable 'x' is declared but never used [{app}/App.csproj]
              {file}(40,9): error LEAK001: 'ex.Message' reaches the HTTP response through 'Ok' [{app}/App.csproj]

            Build succeeded.
              {file}(12,20): warning LEAK001: 'ex.Message' reaches the HTTP response through 'BadRequest' [{app}/App.csproj]
              {file}(30,9): warning LEAK002: 'pg.Detail' reaches the HTTP response through 'Conflict' [{app}/App.csproj]
            """;

        var warnings = LeakFindings.FromBuildOutput(output, app);
        var errors = LeakFindings.FromBuildOutput(output, app, severity: "error");

        // The summary repeats lines 12 and 30; two columns on line 12 are two diagnostics.
        Assert.Equal(
            new[] { new LeakFinding("Api/Orders.cs", 12, "LEAK001"), new LeakFinding("Api/Orders.cs", 12, "LEAK001"), new LeakFinding("Api/Orders.cs", 30, "LEAK002") },
            warnings);
        Assert.Equal(new[] { new LeakFinding("Api/Orders.cs", 40, "LEAK001") }, errors);
    }

    [Fact]
    public void Markers_are_read_from_sources_outside_bin_and_obj()
    {
        Directory.CreateDirectory(Path.Combine(app, "Api"));
        Directory.CreateDirectory(Path.Combine(app, "obj"));
        File.WriteAllLines(Path.Combine(app, "Api", "Orders.cs"), new[]
        {
            "class Orders",
            "{",
            "    object A(System.Exception ex) => ex.Message; // expect: LEAK001",
            "    object B() => 1; // a clean twin, no marker",
            "    object C(System.Exception ex) => (ex.Message, ex.StackTrace); // expect: LEAK001, LEAK002",
            "}",
        });
        File.WriteAllText(Path.Combine(app, "obj", "Generated.cs"), "// expect: LEAK001");

        var markers = LeakFindings.FromMarkers(app);

        Assert.Equal(
            new[] { new LeakFinding("Api/Orders.cs", 3, "LEAK001"), new LeakFinding("Api/Orders.cs", 5, "LEAK001"), new LeakFinding("Api/Orders.cs", 5, "LEAK002") },
            markers);
    }

    [Fact]
    public void Difference_counts_duplicates()
    {
        var a = new LeakFinding("A.cs", 1, "LEAK001");
        var b = new LeakFinding("A.cs", 2, "LEAK002");

        Assert.Equal(new[] { a }, LeakFindings.Minus(new[] { a, a, b }, new[] { a, b }));
        Assert.Empty(LeakFindings.Minus(new[] { a, b }, new[] { b, a }));
        Assert.Equal(new[] { b }, LeakFindings.Minus(new[] { b }, new[] { a }));
    }
}
