
namespace CommunityPortal.Features.LiveCodes.Manage;

/// <summary>One line of the live-code list: the summary and its validity window.</summary>
public sealed record LiveCodeRow(LiveCodeSummary Code, DateTime? ValidFrom, DateTime? ValidUntil)
{
    public LiveCodeState State(DateTime utcNow) => LiveCodeLabels.StateOf(Code.IsPaused, ValidFrom, ValidUntil, utcNow);

    /// <summary>The list with each code's window (one small read per code; lists are short).</summary>
    public static async Task<IReadOnlyList<LiveCodeRow>> LoadAsync(LiveCodeService service)
    {
        var rows = new List<LiveCodeRow>();
        foreach (var code in await service.ListAsync())
        {
            var dto = await service.GetAsync(code.Id);
            rows.Add(new LiveCodeRow(code, dto.ValidFrom, dto.ValidUntil));
        }
        return rows;
    }
}
