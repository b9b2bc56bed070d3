using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TumourBoard.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app or reaching a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TumourBoardDbContext>
{
    public TumourBoardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TumourBoardDbContext>().UseNpgsql("Host=localhost;Database=tumourboard_design").Options);
}
