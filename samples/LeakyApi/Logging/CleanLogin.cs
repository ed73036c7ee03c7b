namespace LeakyApi.Logging;

public sealed partial class CleanLogin(ILogger<CleanLogin> logger)
{
    public IResult Login(LoginRequest request)
    {
        logger.LogInformation("Login attempt for {User}", request.UserName);
        logger.LogDebug("Login request {Request}", new SafeLoginRequest(request.UserName, request.Password));
        logger.LogDebug("Card ending {Last4}", request.CardNumber?[^4..]);
        Serilog.Log.Information("Login {@User}", new { request.UserName });
        var token = IssueToken(request.UserName);
        TokenIssued(logger, request.UserName, token.Length);
        Console.WriteLine("Issued a token of {0} characters", token.Length);
        return Results.Ok();
    }

    private static string IssueToken(string user) => Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Issued token for {User} ({TokenLength} characters)")]
    private static partial void TokenIssued(ILogger logger, string user, int tokenLength);
}
