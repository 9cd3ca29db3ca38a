// Brings a just-created tree node into view when it is off-screen. Never scrolls a node that is already visible: the
// rows under the pointer would move and a click in progress would land on another row.
export function reveal(element) {
    if (!element) {
        return;
    }
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
        element.scrollIntoView({ block: "nearest" });
    }
}
