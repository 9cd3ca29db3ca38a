using MudBlazor;

namespace CommunityPortal.Components.Layout;

/// <summary>
/// The portal's one MudBlazor theme, light and dark: indigo on near-white, CJK fonts first, buttons in the case they are
/// written in (MudBlazor upper-cases them by default, which reads oddly beside Chinese), a slightly larger body text so a
/// wall screen across the room stays readable.
/// </summary>
public static class PortalTheme
{
    private static readonly string[] Fonts =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00897b",
            Tertiary = "#6d4c41",
            Info = "#1e88e5",
            Success = "#2e7d32",
            Warning = "#ef6c00",
            Error = "#c62828",
            AppbarBackground = "#283593",
            AppbarText = "#ffffff",
            Background = "#f5f6fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.80)",
            TextPrimary = "rgba(0,0,0,0.87)",
            TextSecondary = "rgba(0,0,0,0.62)",
        },
        PaletteDark = new PaletteDark
        {
            // Light accents on a dark page: text on a filled button or badge is dark (MudBlazor's white on them reads at ~2:1).
            Primary = "#8c9eff",
            PrimaryContrastText = "#10143a",
            Secondary = "#4db6ac",
            SecondaryContrastText = "rgba(0,0,0,0.87)",
            Tertiary = "#bcaaa4",
            TertiaryContrastText = "rgba(0,0,0,0.87)",
            Info = "#64b5f6",
            InfoContrastText = "rgba(0,0,0,0.87)",
            Success = "#81c784",
            SuccessContrastText = "rgba(0,0,0,0.87)",
            Warning = "#ffb74d",
            WarningContrastText = "rgba(0,0,0,0.87)",
            Error = "#ef9a9a",
            ErrorContrastText = "rgba(0,0,0,0.87)",
            AppbarBackground = "#1a1f3a",
            AppbarText = "#e8eaf6",
            Background = "#121420",
            Surface = "#1c1f2e",
            DrawerBackground = "#171a27",
            DrawerText = "rgba(255,255,255,0.80)",
            TextPrimary = "rgba(255,255,255,0.90)",
            TextSecondary = "rgba(255,255,255,0.65)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = ".9375rem", LineHeight = "1.6" },
            H4 = new H4Typography { FontFamily = Fonts, FontSize = "1.75rem", FontWeight = "600" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.4rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.125rem", FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none", FontWeight = "500" },
            Body1 = new Body1Typography { FontFamily = Fonts, FontSize = ".9375rem" },
            Body2 = new Body2Typography { FontFamily = Fonts, FontSize = ".875rem" },
            Caption = new CaptionTypography { FontFamily = Fonts },
            Subtitle1 = new Subtitle1Typography { FontFamily = Fonts },
            Subtitle2 = new Subtitle2Typography { FontFamily = Fonts },
            Overline = new OverlineTypography { FontFamily = Fonts },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
            DrawerWidthLeft = "232px",
        },
    };
}
