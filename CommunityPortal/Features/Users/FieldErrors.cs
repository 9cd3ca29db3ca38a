using CommunityPortal.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;

using CommunityPortal.Features.Users.Manage;
namespace CommunityPortal.Features.Users;

/// <summary>Field → messages, for errors whose text is already localized.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    public void AddRange(string field, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            Add(field, message);
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new PortalValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    /// <summary>Turns Identity errors into field errors (Email, Password) or, for anything else, a conflict.</summary>
    internal static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }
        var errors = new FieldErrors();
        foreach (var error in result.Errors)
        {
            if (FieldOf(error.Code) is { } field)
            {
                errors.Add(field, error.Description);
            }
            else
            {
                throw new ConflictException(error.Description);
            }
        }
        errors.ThrowIfAny();
    }

    internal static string? FieldOf(string code) => code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail)
            or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => nameof(NewUserInput.Email),
        nameof(IdentityErrorDescriber.PasswordMismatch) => null,
        _ when code.StartsWith("Password", StringComparison.Ordinal) => nameof(NewUserInput.Password),
        _ => null,
    };
}
