using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

/// <summary>The template to download: every column, headers in the page's language, one example row; UTF-8 with a BOM so Excel shows Chinese.</summary>
public static class MemberImportTemplate
{
    public const string Path = "/members/import/template.csv";

    public static byte[] Csv(IStringLocalizer<ImportText> text)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var column in ImportColumns.All)
            {
                csv.WriteField(ImportColumns.TemplateHeader(column, chinese));
            }
            csv.NextRecord();
            foreach (var column in ImportColumns.All)
            {
                csv.WriteField(text[$"Template.{column}"].ResourceNotFound ? "" : text[$"Template.{column}"].Value);
            }
            csv.NextRecord();
        }
        return buffer.ToArray();
    }
}
