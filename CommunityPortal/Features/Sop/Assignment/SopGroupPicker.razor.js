// Enter in the group search picks the highlighted group (MudAutocomplete does that on the server); in a form it would also
// submit the form, and the dialog would apply the plan with only that one group. Typing and the picking itself go on.
export function keepEnter(element) {
    if (element) {
        element.addEventListener("keydown", e => {
            if (e.key === "Enter") {
                e.preventDefault();
            }
        });
    }
}
