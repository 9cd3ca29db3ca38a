// Small browser helpers for the portal's layout (no framework code here).
window.portal = {
    // Remembers light/dark for a year; the server reads it while rendering the next page (ThemePreference.cs).
    rememberTheme: function (mode) {
        document.cookie = "portal-theme=" + (mode === "dark" ? "dark" : "light") + "; path=/; max-age=31536000; samesite=lax";
    }
};
