using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Audit;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Centres;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Web.Features.Notifications;
using TumourBoard.Web.Features.Tokens;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.Trials;

namespace TumourBoard.Web.Data;

public sealed class TumourBoardDbContext(DbContextOptions<TumourBoardDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Centre> Centres => Set<Centre>();

    public DbSet<WeeklySchedule> WeeklySchedules => Set<WeeklySchedule>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<PatientCase> Cases => Set<PatientCase>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CaseCodeCounter> CaseCodeCounters => Set<CaseCodeCounter>();

    public DbSet<PersonalAccessToken> AccessTokens => Set<PersonalAccessToken>();

    public DbSet<TumourBoard.Web.Features.Sessions.SignInSession> SignInSessions => Set<TumourBoard.Web.Features.Sessions.SignInSession>();

    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Vote> Votes => Set<Vote>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    public DbSet<RoomConnection> RoomConnections => Set<RoomConnection>();

    public DbSet<MeetingMinutes> Minutes => Set<MeetingMinutes>();

    public DbSet<MinutesVersion> MinutesVersions => Set<MinutesVersion>();

    public DbSet<ClinicalTrial> Trials => Set<ClinicalTrial>();
    public DbSet<CaseFollowUp> FollowUps => Set<CaseFollowUp>();

    public DbSet<FollowUpEntry> FollowUpEntries => Set<FollowUpEntry>();

    public DbSet<TumourBoard.Domain.Moc.MocSettings> MocSettings => Set<TumourBoard.Domain.Moc.MocSettings>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TumourBoardDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
