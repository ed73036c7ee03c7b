using LeakyApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddLeakyApiServices(builder.Configuration);

var app = builder.Build();
app.UseLeakyApiPipeline();
app.MapControllers();
app.MapLeakyApiEndpoints();
app.Run();
