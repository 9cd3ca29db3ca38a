// Starts Blazor for the wall screen only (App.razor turns autostart off for pages marked [OwnBlazorStart]); ADR 040.
// A TV has nobody to press "retry", so: reconnect for as long as it takes; when the server no longer knows this
// circuit (it restarted) or has stopped talking to the page, reload it — but only once the server answers, so the
// browser never lands on an error page that has no script left to bring it back.
(() => {
    const retryDelays = [0, 1000, 2000, 5000, 10000];                 // then every 10 s, forever
    const reloadDelays = [1000, 2000, 5000, 10000, 30000, 60000];     // grows with each reload in a row
    const reloadsKey = "wall.reloads";
    const html = document.documentElement;
    let reconnecting = false;
    let reloading = false;

    const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
    const pick = (delays, attempt) => delays[Math.min(attempt, delays.length - 1)];

    Blazor.start({
        circuit: {
            reconnectionHandler: {
                onConnectionDown: () => {
                    if (!reconnecting) {
                        reconnect();
                    }
                },
                onConnectionUp: () => {
                    reconnecting = false;
                    html.classList.remove("wall-offline");
                },
            },
        },
    }).catch(() => {
        // The circuit did not start: the watchdog below reloads once the server answers.
    });

    async function reconnect() {
        reconnecting = true;
        html.classList.add("wall-offline");
        for (let attempt = 0; reconnecting; attempt++) {
            await sleep(pick(retryDelays, attempt));
            try {
                if (await Blazor.reconnect()) {
                    return;
                }
                // The server answered but no longer knows this circuit (a restart), or the circuit failed: start afresh.
                reloadWhenServerAnswers();
                return;
            } catch {
                // The server cannot be reached yet.
            }
        }
    }

    async function reloadWhenServerAnswers() {
        if (reloading) {
            return;
        }
        reloading = true;
        const reloads = Number(sessionStorage.getItem(reloadsKey) || 0);
        for (let attempt = reloads; ; attempt++) {
            await sleep(pick(reloadDelays, attempt));
            try {
                const answer = await fetch(location.href, { cache: "no-store" });
                // A 404 is an answer too: the link was revoked meanwhile, and the fresh page says so.
                if (answer.ok || answer.status === 404) {
                    sessionStorage.setItem(reloadsKey, String(reloads + 1));
                    location.reload();
                    return;
                }
            } catch {
                // Not reachable yet.
            }
        }
    }

    // Watchdog: the page moves data-beat at every periodic check (data-beat-seconds). A screen that stops hearing from
    // its server without losing the connection (a circuit that failed to start or died of an error) reloads as well.
    let lastBeat = null;
    let lastBeatAt = Date.now();
    let liveSince = null;
    setInterval(() => {
        const wall = document.querySelector("[data-beat]");
        if (!wall) {
            return; // the "link not valid" page: nothing to keep alive
        }
        const now = Date.now();
        if (wall.dataset.interactive === "true" && wall.dataset.beat !== lastBeat) {
            lastBeat = wall.dataset.beat;
            lastBeatAt = now;
            liveSince ??= now;
        }
        if (liveSince !== null && now - liveSince > 60000) {
            sessionStorage.removeItem(reloadsKey); // it has run well for a while: the next reload starts quickly again
        }
        const every = Number(wall.dataset.beatSeconds || 15) * 1000;
        if (!reconnecting && now - lastBeatAt > 3 * every + 10000) {
            reloadWhenServerAnswers();
        }
    }, 2000);
})();
