using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityPortal.Data;

/// <summary>Stores DateTime as UTC and reads it back with Kind = Utc.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
