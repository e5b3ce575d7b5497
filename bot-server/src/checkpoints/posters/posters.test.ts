import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointDeepLink } from "@khaibao/shared";
import { runPosterCli } from "../../cli/poster-command";
import { seedCheckpoints } from "../../declarations/testing";
import { operatorTestRoutes, TEST_MINI_APP_ID, TEST_PUBLIC_BASE_URL } from "../../operations/testing";
import { as, staffTestApp, type SignedIn, type StaffTestApp } from "../../staff/testing";
import { openDatabase, migrate, type Database } from "../../storage";
import { CheckpointRepository } from "../repository";

/**
 * Checkpoint posters as a print shop and a phone see them: the PDF is rasterised by poppler's
 * pdftoppm (not by our code), its text extracted by pdftotext (which only works when the
 * embedded font maps its glyphs back to Unicode), and the QR is read back with jsQR.
 */

const NAME = "Quốc lộ 1A - Ngọc Hồi (Thường Tín)";
const ID = "HN-NGOCHOI";
const LINK = checkpointDeepLink(TEST_MINI_APP_ID, ID);

function poppler(tool: "pdftoppm" | "pdftotext" | "pdfinfo", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") throw new Error(`${tool} is missing: install poppler-utils (CI does)`);
    throw error;
  }
}

function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("checkpoint posters", () => {
  let dir: string;
  let db: Database;
  let t: StaffTestApp;
  let admin: SignedIn;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "khaibao-posters-"));
    db = await openDatabase({ sqlitePath: path.join(dir, "khaibao.sqlite") });
    await migrate(db);
    await seedCheckpoints(db);
    await new CheckpointRepository(db).upsert(
      { id: ID, name: NAME, provinceCode: "01", wardCode: null, address: "", direction: "both", latitude: null, longitude: null, activeFrom: null, activeTo: null, notes: null },
      new Date(),
    );
    t = staffTestApp(db, { routes: await operatorTestRoutes(db) });
    await t.account("quantri", "admin");
    admin = await t.login("quantri");
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = async (file: string) => {
    const res = await as(t.app, admin, "get", `/api/staff/checkpoints/${ID}/${file}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status, file).toBe(200);
    return { body: res.body as Buffer, type: res.headers["content-type"] as string, disposition: res.headers["content-disposition"] as string };
  };

  it("when the A4 PDF is rendered by pdftoppm, then the name reads with its diacritics and the QR decodes to the deep link", async () => {
    const pdf = await download("poster.pdf");
    expect(pdf.type).toBe("application/pdf");
    expect(pdf.disposition).toBe(`attachment; filename="${ID}-A4.pdf"`);
    const file = path.join(dir, "a4.pdf");
    writeFileSync(file, pdf.body);

    const text = poppler("pdftotext", [file, "-"]).normalize("NFC").replace(/\s+/g, " ");
    expect(text).toContain(NAME);
    expect(text).toContain("Quét mã bằng Zalo để khai báo");
    expect(text).toContain("Scan with Zalo to declare");
    expect(text).toContain(`${TEST_PUBLIC_BASE_URL}/app/?checkpoint=${ID}`);
    expect(poppler("pdfinfo", [file])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);

    poppler("pdftoppm", ["-r", "100", "-png", "-singlefile", file, path.join(dir, "a4")]);
    expect(decodeQr(readFileSync(path.join(dir, "a4.png")))).toBe(LINK);
  });

  it("when the A3 PDF is asked for, then the page is A3 and its QR still decodes", async () => {
    const pdf = await download("poster.pdf?size=A3");
    const file = path.join(dir, "a3.pdf");
    writeFileSync(file, pdf.body);
    expect(poppler("pdfinfo", [file])).toMatch(/Page size:\s+841\.\d+ x 1190\.\d+ pts \(A3\)/);
    poppler("pdftoppm", ["-r", "72", "-png", "-singlefile", file, path.join(dir, "a3")]);
    expect(decodeQr(readFileSync(path.join(dir, "a3.png")))).toBe(LINK);
  });

  it("when the PNG and the SVG are downloaded, then the PNG is 150 dpi A4 with a readable QR and the SVG carries the name", async () => {
    const png = await download("poster.png");
    expect(png.type).toBe("image/png");
    expect(pngSize(png.body)).toEqual({ width: 1240, height: 1754 });
    expect(decodeQr(png.body)).toBe(LINK);

    const svg = await download("poster.svg");
    expect(svg.type).toBe("image/svg+xml; charset=utf-8");
    const source = svg.body.toString("utf8");
    expect(source).toMatch(/^<\?xml[^>]*\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="210mm" height="297mm"/);
    expect(source).toContain(`<title>${NAME} (${ID})</title>`);
    expect(source).toContain(`aria-label="Quét mã bằng Zalo để khai báo"`);
  });

  it("when a format or checkpoint does not exist, then the answer is 404", async () => {
    expect((await as(t.app, admin, "get", `/api/staff/checkpoints/${ID}/poster.docx`)).status).toBe(404);
    expect((await as(t.app, admin, "get", "/api/staff/checkpoints/HN-NOWHERE/poster.pdf")).status).toBe(404);
    expect((await as(t.app, admin, "get", `/api/staff/checkpoints/${ID}/poster.pdf?size=A5`)).status).toBe(400);
  });

  it("when the CLI is run, then it writes <id>.pdf, <id>.png and <id>.svg whose QR is the deep link", async () => {
    const out = path.join(dir, "cli-out");
    const lines: string[] = [];
    const code = await runPosterCli([ID, "--out", out, "--size", "a3"], {
      env: { SQLITE_PATH: path.join(dir, "khaibao.sqlite"), ZALO_MINI_APP_ID: TEST_MINI_APP_ID, PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL },
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    expect(code, lines.join("\n")).toBe(0);
    for (const ext of ["pdf", "png", "svg"]) expect(existsSync(path.join(out, `${ID}.${ext}`)), ext).toBe(true);
    const png = readFileSync(path.join(out, `${ID}.png`));
    expect(pngSize(png)).toEqual({ width: 1754, height: 2480 });
    expect(decodeQr(png)).toBe(LINK);
    expect(poppler("pdftotext", [path.join(out, `${ID}.pdf`), "-"]).normalize("NFC").replace(/\s+/g, " ")).toContain(NAME);
    expect(lines).toContain(`QR: ${LINK}`);
  });

  it("when the CLI is run with --all, then every active checkpoint gets its three files and a closed one none", async () => {
    const out = path.join(dir, "all");
    const code = await runPosterCli(["--all", "--out", out], { env: { SQLITE_PATH: path.join(dir, "khaibao.sqlite") }, out: () => {}, err: () => {} });
    expect(code).toBe(0);
    for (const id of ["HN-PHAPVAN", "HN-BALA", ID]) for (const ext of ["pdf", "png", "svg"]) expect(existsSync(path.join(out, `${id}.${ext}`)), `${id}.${ext}`).toBe(true);
    expect(existsSync(path.join(out, "HN-CLOSED.pdf"))).toBe(false);
  });

  it("when the CLI is misused, then it explains and exits 2; an unknown checkpoint exits 1", async () => {
    const err: string[] = [];
    const io = { env: { SQLITE_PATH: path.join(dir, "khaibao.sqlite") }, out: () => {}, err: (l: string) => err.push(l) };
    expect(await runPosterCli([ID], io)).toBe(2);
    expect(err.join("\n")).toContain("--out <dir> is required");
    expect(await runPosterCli(["HN-NOWHERE", "--out", path.join(dir, "x")], io)).toBe(1);
    expect(await runPosterCli([ID, "--out", path.join(dir, "x")], { ...io, env: { ...io.env, NODE_ENV: "production" } })).toBe(2);
    expect(err.join("\n")).toContain("ZALO_MINI_APP_ID is required in production");
  });
});
