/**
 * The baseline the declaration benchmark is compared with: a bare Express handler that only
 * parses the same JSON body and validates it with the same shared zod schema. Run as its own
 * process so it gets the same conditions as the real server.
 */
import express from "express";
import { parseWith, submitDeclarationRequestSchema } from "@khaibao/shared";

const app = express();
app.use(express.json({ limit: "64kb" }));
app.post("/api/declarations", (req, res) => {
  const r = parseWith(submitDeclarationRequestSchema, req.body);
  if (!r.ok) {
    res.status(400).json({ error: { code: "http.validation_failed", fields: r.issues } });
    return;
  }
  res.status(201).json({ ok: true });
});
const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const addr = server.address();
  console.log(JSON.stringify({ listening: typeof addr === "object" && addr ? addr.port : 0 }));
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
