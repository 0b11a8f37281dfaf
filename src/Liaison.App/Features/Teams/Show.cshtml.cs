using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Domain.Access;
using Liaison.Domain.Liaisons;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Teams;

/// <summary>
/// One work team: where it is stationed and how many villages it holds, its members (current and
/// past) and its meetings; an office of its jurisdiction adds and releases members and records meetings.
/// </summary>
public sealed class ShowModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public TeamRow Team { get; private set; } = null!;
    public int Villages { get; private set; }
    public List<TeamMemberRow> Members { get; private set; } = [];
    public List<WorkTeamMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public string? Saved { get; private set; }
    public bool CanEdit => jurisdiction.May(Ability.EditPlan);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var team = await queries.Teams.TeamAsync(id, ct);
        if (team is null)
        {
            return NotFound();
        }
        Team = team;
        Villages = await queries.Teams.VillagesAsync(team.Team.DivisionCode, ct);
        Members = await queries.Teams.MembersAsync(id, ct);
        Meetings = await queries.Teams.MeetingsAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostMemberAsync(long id, string? cadre, TeamRole role, DateOnly? since, CancellationToken ct) =>
        ChangeAsync(id, actor => WorkTeamStore.AddMemberAsync(db, clock, actor, id, new TeamMemberInput(cadre, role, since), ct), ct);

    public Task<IActionResult> OnPostReleaseAsync(long id, long member, DateOnly? until, CancellationToken ct) =>
        ChangeAsync(id, actor => WorkTeamStore.EndMemberAsync(db, clock, actor, member, until, ct), ct);

    public Task<IActionResult> OnPostMeetingAsync(long id, MeetingKind kind, DateOnly? on, string? place, string? topic, int? attendance, string? decisions, CancellationToken ct) =>
        ChangeAsync(id, actor => WorkTeamStore.RecordMeetingAsync(db, clock, actor, id, new MeetingInput(kind, on, place, topic, attendance, decisions), ct), ct);

    /// <summary>A change by an office of the team's jurisdiction, then the page again with the outcome.</summary>
    private async Task<IActionResult> ChangeAsync(long id, Func<OfficeActor, Task> change, CancellationToken ct)
    {
        if (await OnGetAsync(id, ct) is not PageResult)
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        try
        {
            await change(new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers));
            Saved = Ui.T(Words.Saved);
        }
        catch (RefusedException e)
        {
            Problems = e.Problems;
        }
        await OnGetAsync(id, ct);
        return Page();
    }
}
