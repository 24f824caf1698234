// The dashboard in a real browser against the real self-host in demo mode (its own Azurite and fake media services on
// loopback). Run from the repo root: node --test tests/Cleanup.Dashboard.Tests/   (after ./build.sh)
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const serverDll = path.join(repo, "functions/Cleanup.Server/bin/Release/net10.0/Cleanup.Server.dll");
// CI on GitHub points this at its preinstalled Chrome; Debian machines use the chromium package.
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const healthTimeoutMs = 90_000;
const firstRowsTimeoutMs = 60_000;
const jobKindLabels = { FullSync: "Full sync", IncrementalSync: "Incremental sync", Cleanup: "Cleanup" };

let server; // { child, baseUrl, output(), exited }
let dataFolder;
let browser;
let setupError;
let page;
const pageErrors = [];

describe("dashboard against the self-host in demo mode", () => {
  // A failing hook only cancels the tests (and a runner summary counts no failure), so setup errors are kept and
  // rethrown by each test.
  before(async () => {
    try {
      await setUp();
    } catch (error) {
      setupError = error;
    }
  });

  async function setUp() {
    assert.ok(existsSync(serverDll), `The self-host is not built (${serverDll} is missing): run ./build.sh first.`);
    assert.ok(
      existsSync(chromiumPath),
      `Chromium is not installed at ${chromiumPath}: run ./test.sh, or apt-get install chromium.`,
    );

    dataFolder = await mkdtemp(path.join(tmpdir(), "cleanup-dashboard-"));
    server = await startServer(dataFolder);

    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (error) => pageErrors.push(String(error)));
  }

  after(async () => {
    await browser?.close().catch(() => {});
    if (server) await stopServer(server.child);
    if (dataFolder) await rm(dataFolder, { recursive: true, force: true }).catch(() => {});
  });

  let chosen; // the leaving-soon item the later steps open

  step("the home page lists what is leaving soon, as the API reports it", async () => {
    const response = await page.goto(`${server.baseUrl}/`);
    assert.equal(response?.status(), 200, "the server did not serve the dashboard at / (was web/ built by ./build.sh?)");
    await page.getByRole("heading", { level: 1, name: "Leaving soon" }).waitFor();

    // Demo mode syncs once at start; until that sync is stored the list may be empty, so reload until rows appear.
    const rows = page.getByTestId("leaving-soon-row");
    const deadline = Date.now() + firstRowsTimeoutMs;
    while (!(await rows.first().isVisible())) {
      assert.ok(Date.now() < deadline, `no leaving-soon row appeared within ${firstRowsTimeoutMs / 1000} s`);
      await rows.first().waitFor({ timeout: 3_000 }).catch(() => page.reload());
    }

    const list = await getJson("/api/media/leaving-soon");
    assert.ok(list.items.length > 0, "the API lists no leaving-soon item although the page shows rows");
    chosen = list.items.find((i) => !i.kept) ?? list.items[0];
    const row = rows.filter({ has: page.getByRole("link", { name: chosen.title, exact: true }) });
    await row.first().waitFor();
    assert.ok(await row.first().isVisible(), `the row for "${chosen.title}" is not visible`);

    const health = page.getByTestId("health");
    await health.getByText("Demo", { exact: true }).waitFor();
    const banner = page.getByTestId("dry-run-banner");
    assert.equal(await banner.isVisible(), list.dryRun, "the dry-run banner must show exactly when the API says dryRun");
    assert.deepEqual(pageErrors, []);
  });

  step("clicking an item opens its detail with the explanation trace", async () => {
    assert.ok(chosen, "the previous step found no item");
    const detail = await getJson(`/api/media/${encodeURIComponent(chosen.id)}`);
    assert.ok(detail.explanation.length > 0, `the API gives no explanation for ${chosen.id}`);

    await page.getByTestId("leaving-soon-row").getByRole("link", { name: chosen.title, exact: true }).first().click();
    await page.waitForURL((url) => url.hash.startsWith("#/media/"));
    await page.getByRole("heading", { level: 1, name: chosen.title }).waitFor();

    const steps = page.getByTestId("explanation").getByRole("listitem");
    await steps.first().waitFor();
    assert.deepEqual(
      (await steps.allInnerTexts()).map((t) => t.trim()),
      detail.explanation.map((t) => t.trim()),
    );
    assert.deepEqual(pageErrors, []);
  });

  step("the jobs page lists the demo's jobs", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
    await page.getByRole("heading", { level: 1, name: "Jobs" }).waitFor();

    const jobs = await getJson("/api/jobs");
    assert.ok(jobs.length > 0, "the API lists no job although demo mode syncs at start");
    const rows = page.getByTestId("job-row");
    await rows.first().waitFor();
    const label = jobKindLabels[jobs[0].kind] ?? jobs[0].kind;
    await rows.filter({ hasText: label }).first().waitFor();
    assert.deepEqual(pageErrors, []);
  });
});

/** A test whose failure carries the server's recent output and a screenshot, which is what one needs to debug it. */
function step(name, body) {
  test(name, { timeout: 120_000 }, async () => {
    if (setupError) throw setupError;
    try {
      await body();
    } catch (error) {
      const shot = dataFolder && page ? path.join(tmpdir(), `cleanup-dashboard-failure-${Date.now()}.png`) : null;
      if (shot) await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      const context = `${shot ? `\nscreenshot: ${shot}` : ""}\n--- server output (last lines) ---\n${server?.output() ?? ""}`;
      // The runner prints the stack, which was fixed when the error was made: append there, not to the message.
      if (error instanceof Error) error.stack = `${error.stack ?? error.message}${context}`;
      throw error;
    }
  });
}

async function getJson(route) {
  const response = await fetch(server.baseUrl + route, { signal: AbortSignal.timeout(15_000) });
  const body = await response.text();
  assert.equal(response.status, 200, `GET ${route} answered ${response.status}: ${body}`);
  return JSON.parse(body);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(folder) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Its own process group (detached), so stopping it also stops the Azurite and fake services it starts.
  const child = spawn("dotnet", [serverDll, "--demo", "--urls", baseUrl], {
    cwd: repo,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, Cleanup__DataFolder: folder, DOTNET_NOLOGO: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
  });
  // Safety net if the runner is interrupted before `after` runs.
  process.once("exit", () => killGroup(child, "SIGKILL"));

  const lines = [];
  const keep = (chunk) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const output = () => lines.slice(-150).join("\n");
  let exited = null;
  child.once("exit", (code, signal) => (exited = { code, signal }));
  child.once("error", (error) => (exited = { error }));

  const deadline = Date.now() + healthTimeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(`The server exited before answering /api/health (${JSON.stringify(exited)}).\n--- server output ---\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return { child, baseUrl, output };
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await delay(500);
  }
  await stopServer(child);
  throw new Error(`GET ${baseUrl}/api/health did not answer 200 within ${healthTimeoutMs / 1000} s (last: ${last}).\n--- server output ---\n${output()}`);
}

/** SIGTERM lets the host stop what it started; whatever is left of the group after 15 s is killed. */
async function stopServer(child) {
  if (child.exitCode === null && child.signalCode === null) {
    let timer;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const gaveUp = new Promise((resolve) => (timer = setTimeout(resolve, 15_000)));
    killGroup(child, "SIGTERM");
    await Promise.race([exited, gaveUp]);
    clearTimeout(timer); // a pending timer would keep the test process alive
  }
  killGroup(child, "SIGKILL");
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
