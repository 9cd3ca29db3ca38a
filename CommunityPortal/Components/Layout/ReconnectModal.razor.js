// Drives the reconnect dialog from blazor.web.js's "components-reconnect-state-changed" events (.NET 10).
const modal = document.getElementById("components-reconnect-modal");

modal.addEventListener("components-reconnect-state-changed", event => {
    switch (event.detail.state) {
        case "show":
            modal.showModal();
            break;
        case "hide":
            modal.close();
            break;
        case "failed":
            // Try again as soon as the person comes back to this tab.
            document.addEventListener("visibilitychange", retryWhenVisible);
            break;
        case "rejected":
            // The server no longer knows this circuit: a fresh page is the quickest way back.
            location.reload();
            break;
    }
});

document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        if (await Blazor.reconnect()) {
            return;
        }
        // Reached the server but the circuit is gone: resume it from its persisted state, else reload.
        if (await Blazor.resumeCircuit()) {
            modal.close();
        } else {
            location.reload();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        modal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
