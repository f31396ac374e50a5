// Validates Kubernetes manifests offline against the API schemas bundled in the npm package kubernetes-models
// (generated from Kubernetes' OpenAPI definitions), like kubeconform in strict mode:
//   - every object must be of a known apiVersion/kind, with a metadata.name;
//   - the schema must accept it (types, required fields, enums, formats);
//   - no field may be unknown to the schema (a typo such as `readinesProbe` would otherwise pass silently,
//     since the schemas allow additional properties): the validator is run over a proxy that records which
//     fields the schema looked at, and any field it never looked at is reported.
// Usage: kubectl kustomize ../overlays/prod | node validate.mjs      (or: node validate.mjs file.yaml ...)
// Exit status 0 when everything is valid, 1 otherwise; one line per object or problem.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);

function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") return null;
  // core objects are kubernetes-models/v1/<Kind>, the others kubernetes-models/<group>/<version>/<Kind>
  const group = apiVersion.includes("/") ? apiVersion : "v1";
  if (!/^[a-z0-9.\-]+(\/v[0-9a-z]+)?$/.test(group) || !/^[A-Za-z]+$/.test(kind)) return null;
  try {
    const mod = require(`kubernetes-models/${group}/${kind}`);
    return mod[kind] ?? null;
  } catch {
    return null;
  }
}

function tracker() {
  const records = new Map();
  const proxies = new WeakMap();
  function track(value, path) {
    if (value === null || typeof value !== "object") return value;
    if (proxies.has(value)) return proxies.get(value);
    const rec = { path, obj: value, seen: new Set(), enumerated: false };
    records.set(value, rec);
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === "string") rec.seen.add(key);
        return track(Reflect.get(target, key, receiver), `${path}/${String(key)}`);
      },
      has(target, key) {
        if (typeof key === "string") rec.seen.add(key);
        return Reflect.has(target, key);
      },
      // a map-typed field (labels, data, resources.limits ...) is enumerated: all its keys are allowed
      ownKeys(target) {
        rec.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  }
  function unknownFields() {
    const out = [];
    for (const rec of records.values()) {
      if (Array.isArray(rec.obj) || rec.enumerated) continue;
      for (const key of Object.keys(rec.obj)) if (!rec.seen.has(key)) out.push(`${rec.path}/${key}`);
    }
    return out;
  }
  return { track, unknownFields };
}

// kustomize folds long base64 values of a Secret's data over several lines; the API server's decoder skips the
// line breaks, the schema's "byte" format does not: join them first.
function normalise(obj) {
  if (obj?.kind === "Secret" && obj.data && typeof obj.data === "object") {
    for (const [k, v] of Object.entries(obj.data)) if (typeof v === "string") obj.data[k] = v.replace(/[\r\n]/g, "");
  }
  return obj;
}

function validate(obj) {
  const problems = [];
  normalise(obj);
  const Model = modelFor(obj?.apiVersion, obj?.kind);
  if (!Model) return [`unknown apiVersion/kind ${obj?.apiVersion}/${obj?.kind}`];
  if (!obj.metadata?.name) problems.push("metadata.name is missing");
  const t = tracker();
  try {
    Model.prototype.validate.call(t.track(obj, ""));
  } catch (e) {
    problems.push(String(e.message ?? e).replace(/\n/g, "; "));
    return problems;
  }
  for (const field of t.unknownFields()) problems.push(`unknown field ${field}`);
  return problems;
}

const inputs = process.argv.length > 2
  ? process.argv.slice(2).map((f) => [f, readFileSync(f, "utf8")])
  : [["<stdin>", readFileSync(0, "utf8")]];

let objects = 0;
let failures = 0;
for (const [source, text] of inputs) {
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) {
      failures++;
      console.log(`INVALID ${source}: YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    objects++;
    const name = `${obj.kind ?? "?"}/${obj.metadata?.namespace ? obj.metadata.namespace + "/" : ""}${obj.metadata?.name ?? "?"}`;
    const problems = validate(obj);
    if (problems.length) {
      failures++;
      for (const p of problems) console.log(`INVALID ${name}: ${p}`);
    } else {
      console.log(`valid   ${name} (${obj.apiVersion})`);
    }
  }
}
console.log(`${objects} objects, ${failures} invalid`);
if (objects === 0) {
  console.log("no Kubernetes object found in the input");
  process.exit(1);
}
process.exit(failures ? 1 : 0);
