using System.Data.Common;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunityPortal.Features.Members;

/// <summary>
/// One prepared INSERT run once per row on the context's connection and transaction: several times faster than
/// tracked entities for the thousands of rows of a bulk change or the demo data. Provider-neutral SQL (quoted
/// names, named parameters); enums go in as their names, as the model stores them.
/// </summary>
internal sealed class BatchInsert : IAsyncDisposable
{
    private readonly DbCommand _command;

    private BatchInsert(DbCommand command) => _command = command;

    /// <summary>Prepares the INSERT inside the context's open transaction.</summary>
    public static BatchInsert Prepare(PortalDbContext db, string table, params string[] columns) =>
        Prepare(db.Database.GetDbConnection(),
            db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Batch inserts run inside a transaction."),
            table, columns);

    public static BatchInsert Prepare(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return new BatchInsert(command);
    }

    public async Task RunAsync(CancellationToken ct, params object?[] values)
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
        await _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
