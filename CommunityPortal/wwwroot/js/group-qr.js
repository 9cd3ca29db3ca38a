// Reads the QR screenshot an operator chose, in the browser: checks type and size, draws it to a canvas and decodes it
// with jsQR (npm, served at lib/jsqr/jsQR.js). Returns { payload } or { error } (a code the page turns into a message).
// The server re-checks everything (docs/adr/009-qr-decoding-in-the-browser.md).
const maxBytes = 2 * 1024 * 1024;
const maxSide = 1600;
const types = ["image/png", "image/jpeg"];
let jsQrLoaded;

function loadJsQr() {
    if (window.jsQR) {
        return Promise.resolve(window.jsQR);
    }
    jsQrLoaded ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL("../lib/jsqr/jsQR.js", import.meta.url).href;
        script.onload = () => resolve(window.jsQR);
        script.onerror = () => { jsQrLoaded = undefined; reject(new Error("jsQR did not load")); };
        document.head.appendChild(script);
    });
    return jsQrLoaded;
}

async function loadImage(file) {
    const url = URL.createObjectURL(file);
    try {
        const image = new Image();
        image.src = url;
        await image.decode();
        return image;
    } finally {
        URL.revokeObjectURL(url);
    }
}

function pixels(image, scale) {
    const width = Math.max(1, Math.round(image.naturalWidth * scale));
    const height = Math.max(1, Math.round(image.naturalHeight * scale));
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.fillStyle = "#fff";
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
}

/** Decodes the first file of an <input type=file>. */
export async function decodeInput(input) {
    const file = input?.files?.[0];
    if (!file) {
        return { error: "no-file" };
    }
    if (!types.includes(file.type)) {
        return { error: "not-image", size: file.size };
    }
    if (file.size > maxBytes) {
        return { error: "too-large", size: file.size };
    }
    let image;
    try {
        image = await loadImage(file);
    } catch {
        return { error: "not-image", size: file.size };
    }
    const jsQR = await loadJsQr();
    const longest = Math.max(image.naturalWidth, image.naturalHeight);
    // Large screenshots first at a workable size, then at full size if that found nothing.
    const scales = longest > maxSide ? [maxSide / longest, 1] : [1];
    for (const scale of scales) {
        const data = pixels(image, scale);
        const code = jsQR(data.data, data.width, data.height);
        if (code && code.data) {
            return { payload: code.data, size: file.size };
        }
    }
    return { error: "no-qr", size: file.size };
}
