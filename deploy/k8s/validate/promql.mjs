// Parses every PromQL expression of the Grafana dashboards with Prometheus' own grammar
// (@prometheus-io/lezer-promql, the parser of the Prometheus UI), after replacing Grafana's variables.
// Usage: node promql.mjs <dashboards folder> ; exit status 1 on any syntax error or an empty dashboard.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parser } from "@prometheus-io/lezer-promql";

function exprs(node, out = []) {
  if (Array.isArray(node)) node.forEach((n) => exprs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "expr" && typeof v === "string") out.push(v);
      else exprs(v, out);
    }
  }
  return out;
}

const grafanaVariables = (q) => q
  .replaceAll("$__rate_interval", "1m")
  .replaceAll("$__interval", "1m")
  .replaceAll("$__range", "1h")
  .replace(/\$\{?[A-Za-z_]+\}?/g, ".*");

const dir = process.argv[2];
if (!dir) { console.log("usage: node promql.mjs <dashboards folder>"); process.exit(2); }
let checked = 0;
let failures = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const all = exprs(JSON.parse(readFileSync(join(dir, file), "utf8")));
  if (all.length === 0) { failures++; console.log(`INVALID ${file}: no queries`); }
  for (const q of all) {
    checked++;
    const text = grafanaVariables(q);
    const errors = [];
    parser.parse(text).iterate({ enter(n) { if (n.type.isError) errors.push(n.from); } });
    if (errors.length) {
      failures++;
      console.log(`INVALID ${file}: syntax error at ${errors[0]}: ${q}`);
    }
  }
  console.log(`checked ${file}: ${all.length} queries`);
}
console.log(`${checked} queries, ${failures} invalid`);
process.exit(failures || checked === 0 ? 1 : 0);
