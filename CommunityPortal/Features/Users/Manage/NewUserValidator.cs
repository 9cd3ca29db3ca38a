using System.ComponentModel.DataAnnotations;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Users.Manage;

/// <summary>Checks a new account: e-mail (format, taken), display name, Identity's password rules and the role.</summary>
internal sealed class NewUserValidator(IStringLocalizer<UsersText> text, IStringLocalizer<ValidationText> validationText)
{
    /// <summary>Collects every problem at once (Identity alone would stop at the first failing validator).</summary>
    public async Task ValidateAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password, string? role)
    {
        var errors = new FieldErrors();
        var email = user.Email!;
        if (email.Length == 0)
        {
            errors.Add(nameof(NewUserInput.Email), Required(nameof(NewUserInput.Email)));
        }
        else if (email.Length > NewUserInput.EmailMax)
        {
            errors.Add(nameof(NewUserInput.Email), validationText["MaxLength", validationText["Field.Email"], NewUserInput.EmailMax]);
        }
        else if (!new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(nameof(NewUserInput.Email), validationText["InvalidEmail", validationText["Field.Email"]]);
        }
        else if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            errors.Add(nameof(NewUserInput.Email), text["EmailTaken"]);
        }

        if (user.DisplayName is null)
        {
            errors.Add(nameof(NewUserInput.DisplayName), Required(nameof(NewUserInput.DisplayName)));
        }
        else if (user.DisplayName.Length > ApplicationUser.DisplayNameMax)
        {
            errors.Add(nameof(NewUserInput.DisplayName),
                validationText["MaxLength", validationText["Field.DisplayName"], ApplicationUser.DisplayNameMax]);
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add(nameof(NewUserInput.Password), Required(nameof(NewUserInput.Password)));
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                errors.AddRange(nameof(NewUserInput.Password), result.Errors.Select(e => e.Description));
            }
        }

        if (role is null)
        {
            errors.Add(nameof(NewUserInput.Role), validationText["Invalid", validationText["Field.Role"]]);
        }
        errors.ThrowIfAny();
    }

    private string Required(string field) => validationText["Required", validationText["Field." + field]];
}
