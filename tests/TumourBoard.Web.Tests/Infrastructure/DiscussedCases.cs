using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Cases;

namespace TumourBoard.Web.Tests.Infrastructure;

/// <summary>Cases taken through a whole meeting by the demo accounts, for the tests of what comes after it.</summary>
internal static class DiscussedCases
{
    /// <summary>A UZL case with a trial option, discussed today: voted on by UZL and CUSL, recommended by majority with the trial.</summary>
    public static async Task<(int Id, string Code)> DiscussAsync(TumourBoardApp app, string trial)
    {
        using var clinician = app.ApiClient("demo-clinician.uzl");
        var created = await clinician.PostAsJsonAsync("api/v1/cases", new
        {
            ageYears = 7, sex = "Male", diagnosisLabel = "Neuroblastoma, relapse", diseaseStatus = "Relapse", question = "Trial or salvage?",
            options = new object[] { new { label = "Salvage chemotherapy" }, new { label = "Phase I trial", trial } }, consentConfirmed = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdCase = await created.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = createdCase.GetProperty("id").GetInt32();
        await clinician.PostAsync($"api/v1/cases/{caseId}/submit", null);
        using var coordinator = app.ApiClient("demo-coordinator");
        var meeting = await coordinator.PostAsJsonAsync("api/v1/meetings", new { startsAt = DateTimeOffset.UtcNow.AddDays(Random.Shared.Next(200, 300)).AddMinutes(Random.Shared.Next(0, 1000)), durationMinutes = 60 });
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var itemId = (await (await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items", new { caseId })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/publish", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/start", null);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/open", null);
        var trialOption = await app.WithDbAsync(db => db.Set<TreatmentOption>().Where(o => EF.Property<int>(o, "CaseId") == caseId && o.Trial == trial).Select(o => o.Id).SingleAsync());
        using var cusl = app.ApiClient("demo-clinician.cusl");
        Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = trialOption })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cusl.PutAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/vote", new { optionId = trialOption })).StatusCode);
        await coordinator.PostAsync($"api/v1/meetings/{meetingId}/items/{itemId}/voting/close", null);
        var recorded = await coordinator.PostAsJsonAsync($"api/v1/meetings/{meetingId}/items/{itemId}/recommendation",
            new { optionId = trialOption, rationale = "Eligible for the phase I trial", consensus = "Majority" });
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsync($"api/v1/meetings/{meetingId}/close", null)).StatusCode);
        return (caseId, createdCase.GetProperty("code").GetString()!);
    }

}
