// Copies a task's text for the operator to paste into WeChat. Where the browser refuses the clipboard (an http address on
// the office network, an old in-app browser), the text is selected instead, so that a long-press or Ctrl+C copies it.
export async function copy(element, text) {
    try {
        if (navigator.clipboard && window.isSecureContext) {
            await navigator.clipboard.writeText(text);
            return true;
        }
    } catch {
        // Refused (no permission, or the page lost focus): select it below.
    }
    if (element) {
        const range = document.createRange();
        range.selectNodeContents(element);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        element.focus();
    }
    return false;
}
