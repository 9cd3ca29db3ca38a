// The fastest thing a live-code server could do: answer every scan with a redirect, no routing, no storage.
// bench/scan-bench.sh compares /q/{slug} of the portal against this.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/q/{slug}", (string slug) => Results.Redirect("https://weixin.qq.com/g/" + slug));
app.Run();
