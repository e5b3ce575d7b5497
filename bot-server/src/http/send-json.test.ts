import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { sendJson } from "./send-json";

describe("sendJson", () => {
  const app = express();
  app.post("/x", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    sendJson(res, 201, { name: "Nguyễn Văn An", n: 1 });
  });
  app.post("/express", (_req, res) => void res.status(201).json({ name: "Nguyễn Văn An", n: 1 }));

  it("answers as res.json does, with the byte length of the UTF-8 text and no ETag, keeping headers set before", async () => {
    const ours = await request(app).post("/x");
    const theirs = await request(app).post("/express");
    expect(ours.status).toBe(201);
    expect(ours.body).toEqual(theirs.body);
    expect(ours.headers["content-type"]).toBe(theirs.headers["content-type"]);
    expect(ours.headers["content-length"]).toBe(theirs.headers["content-length"]);
    expect(ours.headers["content-length"]).toBe(String(Buffer.byteLength(JSON.stringify({ name: "Nguyễn Văn An", n: 1 }))));
    expect(ours.headers.etag).toBeUndefined();
    expect(theirs.headers.etag).toBeDefined();
    expect(ours.headers["cache-control"]).toBe("no-store");
  });
});
