namespace LeakyApi.Logging;

public sealed partial class LeakyLogin(ILogger<LeakyLogin> logger)
{
    public IResult Login(LoginRequest request)
    {
        logger.LogInformation("Login attempt for {User} with {Password}", request.UserName, request.Password); // expect: LEAK004
        logger.LogDebug("Login request {Request}", request); // expect: LEAK004
        logger.LogDebug($"Card {request.CardNumber}"); // expect: LEAK004
        Serilog.Log.Information("Login {@Credentials}", new Credentials(request.UserName, request.Password)); // expect: LEAK004
        var token = IssueToken(request.UserName);
        TokenIssued(logger, request.UserName, token); // expect: LEAK004
        Console.WriteLine("Issued " + token); // expect: LEAK004
        return Results.Ok();
    }

    private static string IssueToken(string user) => Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Issued token for {User}: {Token}")]
    private static partial void TokenIssued(ILogger logger, string user, string token);
}

/// <summary>Destructured by Serilog's {@X}: every public property is written.</summary>
public sealed class Credentials(string userName, string password)
{
    public string UserName { get; } = userName;
    public string Password { get; } = password;
}
