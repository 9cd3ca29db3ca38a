using Microsoft.AspNetCore.SignalR.Client;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

// Usage: IndexBench <portal url> <api key> [until YYYY-MM-DD]
// Prints (a) each index's first load (a cache miss: a range not asked before) over 30 and 180 days, as a ratio to one
// member read by id in the same run, and (d) the time the portal took to become ready after it answered /healthz,
// as a ratio to reading the whole stream once through the NDJSON export.
if (args.Length > 0 && args[0] == "circuits")
{
    return await Circuits.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3], args[4],
        int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture));
}
var baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:5191";
var key = args.Length > 1 ? args[1] : throw new ArgumentException("an API key is needed");
var until = args.Length > 2 ? DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
http.DefaultRequestHeaders.Add("X-Api-Key", key);

var clock = Stopwatch.StartNew();
while ((await Try(() => http.GetAsync("/healthz"))) is not { IsSuccessStatusCode: true })
{
    await Task.Delay(50);
}
var up = clock.Elapsed;
while ((await Try(() => http.GetAsync("/api/v1/indices/live"))) is not { IsSuccessStatusCode: true })
{
    await Task.Delay(50);
}
var ready = clock.Elapsed - up;

var exportWatch = Stopwatch.StartNew();
long lines = 0;
await using (var stream = await http.GetStreamAsync($"/api/v1/indices/events?from={until.AddDays(-180):yyyy-MM-dd}&to={until:yyyy-MM-dd}"))
{
    using var reader = new StreamReader(stream);
    while (await reader.ReadLineAsync() is not null)
    {
        lines++;
    }
}
var export = exportWatch.Elapsed;
Console.WriteLine($"(d) ready after up: {ready.TotalSeconds:F2} s; export of {lines:N0} events: {export.TotalSeconds:F2} s; ratio {ready / export:F2}");

var baseline = await TimeAsync(i => $"/api/v1/members/{i + 1}", 20);
Console.WriteLine($"baseline: one member by id {baseline:F2} ms");
foreach (var days in new[] { 30, 180 })
{
    foreach (var index in new[] { "daily", "signups", "channels", "hours", "cycle", "groups" })
    {
        // Each call a range not asked before (its end one day earlier): a first load, never a cached answer.
        var ms = await TimeAsync(i => $"/api/v1/indices/{index}?from={until.AddDays(-days + 1 - i):yyyy-MM-dd}&to={until.AddDays(-i):yyyy-MM-dd}", 5);
        Console.WriteLine($"(a) {index,-9} {days,3} days: {ms,8:F1} ms  = {ms / baseline,7:F1} × baseline");
    }
}
var series = await http.GetFromJsonAsync<JsonElement>("/api/v1/series");
var seriesIds = series.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
var retention = await TimeAsync(i => $"/api/v1/indices/retention?seriesId={seriesIds[i % seriesIds.Count]}", Math.Min(5, seriesIds.Count));
Console.WriteLine($"(a) retention  all time: {retention,8:F1} ms  = {retention / baseline,7:F1} × baseline");
var live = await TimeAsync(_ => "/api/v1/indices/live", 1);
Console.WriteLine($"(a) live           now: {live,8:F1} ms  = {live / baseline,7:F1} × baseline");

// (b) event → open dashboards updated: hub clients (the wall and the dashboards get the same signal), each event a
// POST /api/v1/events; latency from the POST's start to each client's delta, against the POST's own round trip.
const int Clients = 50;
const int Events = 30;
var clients = new List<HubConnection>();
var arrivals = new System.Collections.Concurrent.ConcurrentQueue<(int Client, long Version, TimeSpan At)>();
var since = Stopwatch.StartNew();
for (var c = 0; c < Clients; c++)
{
    var id = c;
    var connection = new HubConnectionBuilder()
        .WithUrl(new Uri(http.BaseAddress!, "/hubs/indices"), o => o.Headers["X-Api-Key"] = key)
        .Build();
    connection.On<JsonElement>("IndexChanged", delta => arrivals.Enqueue((id, delta.GetProperty("version").GetInt64(), since.Elapsed)));
    await connection.StartAsync();
    clients.Add(connection);
}
var member = await http.GetFromJsonAsync<JsonElement>("/api/v1/members/1");
var memberNo = member.GetProperty("memberNo").GetInt32();
var latencies = new List<double>();
var posts = new List<double>();
for (var e = 0; e < Events; e++)
{
    await Task.Delay(300);
    arrivals.Clear();
    var start = since.Elapsed;
    using var response = await http.PostAsJsonAsync("/api/v1/events", new
    {
        events = new[] { new { clientEventId = $"bench-{Guid.NewGuid():N}", type = "active", subtype = "message", at = DateTime.UtcNow, member = new { memberNo } } },
    });
    response.EnsureSuccessStatusCode();
    posts.Add((since.Elapsed - start).TotalMilliseconds);
    var deadline = since.Elapsed + TimeSpan.FromSeconds(5);
    while (arrivals.Select(a => a.Client).Distinct().Count() < Clients && since.Elapsed < deadline)
    {
        await Task.Delay(5);
    }
    foreach (var first in arrivals.GroupBy(a => a.Client).Select(g => g.Min(a => a.At)))
    {
        latencies.Add((first - start).TotalMilliseconds);
    }
}
latencies.Sort();
posts.Sort();
double P(List<double> xs, double p) => xs.Count == 0 ? double.NaN : xs[Math.Min(xs.Count - 1, (int)Math.Ceiling(p * xs.Count) - 1)];
Console.WriteLine($"(b) {Clients} hub clients, {Events} events: {latencies.Count} deltas; p50 {P(latencies, 0.5):F0} ms, p95 {P(latencies, 0.95):F0} ms "
    + $"(target < 250); the POST alone p50 {P(posts, 0.5):F0} ms, p95 {P(posts, 0.95):F0} ms; ratio p95 {P(latencies, 0.95) / P(posts, 0.95):F1}");
foreach (var connection in clients)
{
    await connection.DisposeAsync();
}
return 0;

async Task<double> TimeAsync(Func<int, string> url, int runs)
{
    var total = 0.0;
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url(i));
        await response.Content.ReadAsByteArrayAsync();
        total += watch.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
    }
    return total / runs;
}

static async Task<HttpResponseMessage?> Try(Func<Task<HttpResponseMessage>> call)
{
    try
    {
        return await call();
    }
    catch (HttpRequestException)
    {
        return null;
    }
}
