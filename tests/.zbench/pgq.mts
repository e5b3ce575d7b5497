import pg from "pg";
const c = new pg.Client({ connectionString: "postgres://postgres@127.0.0.1:5432/test" }); await c.connect();
await c.query("CREATE SCHEMA IF NOT EXISTS zb_tmp; CREATE TABLE IF NOT EXISTS zb_tmp.t (id serial primary key, k text unique, b text)");
let t = Date.now(); for (let i = 0; i < 200; i++) await c.query("INSERT INTO zb_tmp.t (k,b) VALUES ($1,$2) ON CONFLICT DO NOTHING", [`a${i}${t}`, "x".repeat(500)]);
console.log("per insert+commit ms", (Date.now() - t) / 200);
await c.query("SET synchronous_commit = off"); t = Date.now(); for (let i = 0; i < 200; i++) await c.query("INSERT INTO zb_tmp.t (k,b) VALUES ($1,$2) ON CONFLICT DO NOTHING", [`b${i}${t}`, "x".repeat(500)]);
console.log("async commit ms", (Date.now() - t) / 200);
await c.query("DROP SCHEMA zb_tmp CASCADE"); await c.end();
