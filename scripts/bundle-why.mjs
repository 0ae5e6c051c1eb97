// Where the wasm's bytes go: reads `twiggy top --format json` of a wasm built
// with its function names (scripts/bundle-why.sh) and prints the biggest
// items and the sums per crate (per module for our own crate), leaving out
// the custom sections that the release build strips.
//
//   node scripts/bundle-why.mjs FILE.wasm [TOP]
import { execFileSync } from "node:child_process";

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 30);
const items = JSON.parse(
  execFileSync("twiggy", ["top", "-n", "1000000", "--format", "json", file], {
    maxBuffer: 1 << 28,
  }).toString(),
);

const stripped = (name) =>
  name.startsWith("custom section") || name.startsWith('"function names"');

// `<alloc::vec::Vec<T> as Trait>::f` belongs to alloc; `core[abc123]::x` to core;
// our crates are split by module (`layerdiff_core::parse`, `layerdiff_web::hooks`).
function owner(name) {
  if (name.startsWith("data segment")) return "(data: string constants, tables)";
  let s = name.replace(/^<(&mut |&)?/, "").replace(/\[[0-9a-f]+\]/g, "");
  const parts = s.split(/::|[ <>,]/).filter(Boolean);
  if (parts[0].startsWith("layerdiff")) return parts.slice(0, 2).join("::");
  if (parts[0] === "core" && parts[1] === "slice" && parts[2] === "sort") return "core::slice::sort";
  if (/^(core|alloc|std|dlmalloc|compiler_builtins)$/.test(parts[0])) return parts[0];
  if (/^[a-z_][a-z0-9_]*$/.test(parts[0])) return parts[0];
  return "(other: closures, generic glue, imports)";
}

const code = items.filter((i) => !stripped(i.name));
const total = code.reduce((t, i) => t + i.shallow_size, 0);
const kb = (b) => (b / 1024).toFixed(1).padStart(8) + " KiB";
const pct = (b) => ((100 * b) / total).toFixed(1).padStart(5) + " %";

console.log(`\n${file}: ${kb(total)} of code and data (custom sections left out)\n`);
console.log(`Top ${top} items:`);
for (const i of code.slice(0, top)) console.log(`${kb(i.shallow_size)} ${pct(i.shallow_size)}  ${i.name.slice(0, 110)}`);

const sums = new Map();
for (const i of code) sums.set(owner(i.name), (sums.get(owner(i.name)) ?? 0) + i.shallow_size);
console.log("\nPer crate (our crate per module):");
for (const [name, bytes] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${kb(bytes)} ${pct(bytes)}  ${name}`);
}
