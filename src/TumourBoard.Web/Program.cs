using TumourBoard.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddTumourBoard();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseTumourBoard();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
