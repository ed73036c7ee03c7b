using System.Globalization;

namespace LeakAnalyzers.Bench.Generation;

/// <summary>
/// Generates a deterministic ASP.NET Core code base of about <c>targetLines</c> lines: groups of ten modules, each
/// group with its DbContext and registration class, each module with entity, service, controller, minimal-API
/// endpoints and (every fifth) a middleware; plus Program.cs, shared types and the SDK's global usings.
/// </summary>
internal static class SyntheticApp
{
    private const int ModulesPerGroup = 10;

    private static readonly string[] Nouns =
    {
        "Order", "Customer", "Invoice", "Product", "Shipment", "Payment", "Account", "Ticket", "Booking", "Review",
        "Supplier", "Warehouse", "Coupon", "Refund", "Subscription", "Employee", "Project", "Contract", "Asset", "Lead",
    };

    public static GeneratedApp Generate(int targetLines, int seed, double leakRate = 0.02)
    {
        var dice = new LeakDice(seed, leakRate);
        var files = new List<GeneratedFile>
        {
            new("/synthetic/GlobalUsings.g.cs", AppTemplate.GlobalUsings),
            new("/synthetic/Common/Common.cs", AppTemplate.Common),
        };
        var lines = files.Sum(f => CountLines(f.Text));
        var group = 0;
        var index = 0;
        while (lines < targetLines)
        {
            // A group holds up to ten modules; the last one stops as soon as the target is reached.
            var folder = $"/synthetic/G{group}/";
            var modules = new List<Module>(ModulesPerGroup);
            while (modules.Count < ModulesPerGroup && lines < targetLines)
            {
                var m = new Module(Nouns[index % Nouns.Length] + index.ToString(CultureInfo.InvariantCulture), index, group);
                index++;
                modules.Add(m);
                foreach (var file in ModuleFiles(m, folder, dice))
                {
                    files.Add(file);
                    lines += CountLines(file.Text);
                }
            }
            var dbContext = new GeneratedFile(folder + $"G{group}DbContext.cs", GroupTemplate.RenderDbContext(group, modules));
            var registration = new GeneratedFile(folder + $"G{group}Registration.cs", GroupTemplate.RenderRegistration(group, modules, dice));
            files.Add(dbContext);
            files.Add(registration);
            lines += CountLines(dbContext.Text) + CountLines(registration.Text);
            group++;
        }
        var program = new GeneratedFile("/synthetic/Program.cs", AppTemplate.RenderProgram(group, dice));
        files.Add(program);
        return new GeneratedApp(files, new Dictionary<string, int>(dice.Planted, StringComparer.Ordinal));
    }

    private static IEnumerable<GeneratedFile> ModuleFiles(Module m, string folder, LeakDice dice)
    {
        yield return new(folder + m.Entity + ".cs", EntityTemplate.Render(m, dice));
        yield return new(folder + m.Service + ".cs", ServiceTemplate.Render(m, dice));
        yield return new(folder + m.Entity + "Controller.cs", ControllerTemplate.Render(m, dice));
        yield return new(folder + m.Entity + "Endpoints.cs", EndpointTemplate.Render(m, dice));
        if (m.HasMiddleware)
            yield return new(folder + m.Entity + "AuditMiddleware.cs", MiddlewareTemplate.Render(m, dice));
    }

    public static int CountLines(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c == '\n')
                count++;
        }
        return text.Length > 0 && text[^1] != '\n' ? count + 1 : count;
    }
}

/// <summary>The generated files and how many leaks of each rule were planted in them.</summary>
internal sealed record GeneratedApp(IReadOnlyList<GeneratedFile> Files, IReadOnlyDictionary<string, int> Planted);
