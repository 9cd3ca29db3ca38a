using System.Data.Common;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityPortal.Features.Members.Import;

/// <summary>
/// A statement prepared once and run per row on the context's transaction, like <see cref="BatchInsert"/> but for any
/// SQL (the import's UPDATEs); parameters @p0… in order. Returns the rows affected, so a vanished row is noticed.
/// </summary>
internal sealed class PreparedCommand : IAsyncDisposable
{
    private readonly DbCommand _command;

    private PreparedCommand(DbCommand command) => _command = command;

    public static PreparedCommand Prepare(PortalDbContext db, string sql, int parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Prepared commands run inside a transaction.");
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return new PreparedCommand(command);
    }

    public async Task<int> RunAsync(CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Enum e => e.ToString(),
                var v => v,
            };
        }
        return await _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
