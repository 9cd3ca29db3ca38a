using System.ComponentModel.DataAnnotations;
using System.Reflection;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Components.Shared;

/// <summary>
/// DataAnnotations validation whose messages come from ValidationText in the user's language:
/// the attribute's type picks the message ("Required", "MaxLength", "Range", "Compare", "InvalidEmail") and
/// the property's [Display(Name)] (or its own name) picks the label "Field.{Name}".
/// Also shows errors a service returned (<see cref="ShowServerErrors"/>) on the fields they name.
/// </summary>
public sealed class LocalizedValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    [Inject]
    private IStringLocalizer<ValidationText> Text { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(LocalizedValidator)} must be inside an EditForm.");
        }
        if (!ReferenceEquals(_subscribed, CurrentEditContext))
        {
            Unsubscribe();
            _subscribed = CurrentEditContext;
            _messages = new ValidationMessageStore(CurrentEditContext);
            CurrentEditContext.OnValidationRequested += ValidateAll;
            CurrentEditContext.OnFieldChanged += ValidateField;
        }
    }

    /// <summary>
    /// Puts a service's errors under their fields. Keys are property names of the form's model, or paths into its lists
    /// ("Steps[2].Time": the Time of the model's third step), so an error in a list item shows under that item's input.
    /// </summary>
    public void ShowServerErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        if (CurrentEditContext is null || _messages is null)
        {
            return;
        }
        _messages.Clear();
        foreach (var (field, messages) in errors)
        {
            _messages.Add(FieldFor(CurrentEditContext, field), messages);
        }
        CurrentEditContext.NotifyValidationStateChanged();
    }

    public void Dispose() => Unsubscribe();

    private static FieldIdentifier FieldFor(EditContext context, string path)
    {
        var parts = path.Split('.');
        object? owner = context.Model;
        for (var i = 0; i < parts.Length - 1 && owner is not null; i++)
        {
            owner = Member(owner, parts[i]);
        }
        // A path the model does not have still gets its messages (a summary shows them), under the key as given.
        return parts.Length > 1 && owner is not null ? new FieldIdentifier(owner, parts[^1]) : context.Field(path);
    }

    /// <summary>"Steps" → the model's Steps; "Steps[2]" → its third item; null when there is no such member or item.</summary>
    private static object? Member(object owner, string part)
    {
        var bracket = part.IndexOf('[');
        var value = owner.GetType().GetProperty(bracket < 0 ? part : part[..bracket])?.GetValue(owner);
        if (bracket < 0)
        {
            return value;
        }
        return value is System.Collections.IList list && part.EndsWith(']')
            && int.TryParse(part[(bracket + 1)..^1], out var index) && index >= 0 && index < list.Count ? list[index] : null;
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= ValidateAll;
            _subscribed.OnFieldChanged -= ValidateField;
            _subscribed = null;
        }
    }

    private void ValidateAll(object? sender, ValidationRequestedEventArgs e)
    {
        var context = CurrentEditContext!;
        _messages!.Clear();
        foreach (var property in context.Model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Validate(context.Field(property.Name), property);
        }
        context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var property = e.FieldIdentifier.Model.GetType().GetProperty(e.FieldIdentifier.FieldName);
        if (property is null)
        {
            return;
        }
        _messages!.Clear(e.FieldIdentifier);
        Validate(e.FieldIdentifier, property);
        CurrentEditContext!.NotifyValidationStateChanged();
    }

    private void Validate(FieldIdentifier field, PropertyInfo property)
    {
        var value = property.GetValue(field.Model);
        var validationContext = new ValidationContext(field.Model) { MemberName = property.Name };
        // One message per field, the most basic first: an empty e-mail is "required", not also "not an e-mail".
        var failed = property.GetCustomAttributes<ValidationAttribute>()
            .OrderBy(a => a is RequiredAttribute ? 0 : 1)
            .FirstOrDefault(a => a.GetValidationResult(value, validationContext) is not null);
        if (failed is not null)
        {
            _messages!.Add(field, Message(field.Model.GetType(), property, failed));
        }
    }

    private string Message(Type modelType, PropertyInfo property, ValidationAttribute attribute)
    {
        var label = Label(property);
        return attribute switch
        {
            RequiredAttribute => Text["Required", label],
            EmailAddressAttribute => Text["InvalidEmail", label],
            StringLengthAttribute s when s.MinimumLength > 0 => Text["LengthBetween", label, s.MinimumLength, s.MaximumLength],
            StringLengthAttribute s => Text["MaxLength", label, s.MaximumLength],
            MaxLengthAttribute m => Text["MaxLength", label, m.Length],
            MinLengthAttribute m => Text["MinLength", label, m.Length],
            RangeAttribute r => Text["Range", label, r.Minimum, r.Maximum],
            CompareAttribute c => Text["Compare", label, Label(modelType.GetProperty(c.OtherProperty) ?? property)],
            _ => Text["Invalid", label],
        };
    }

    private string Label(PropertyInfo property) =>
        Text["Field." + (property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name)];
}
