// Copy the built front-end files from node_modules into tuijin/static/vendor/.
// Run `npm ci && npm run build`; the copied files are committed so that Python users need no Node.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "tuijin", "static", "vendor");

// [package, built file inside the package, name in vendor/, licence files to ship beside it]
const files = [
  ["htmx.org", "dist/htmx.min.js", "htmx.min.js", ["LICENSE"]],
  ["echarts", "dist/echarts.min.js", "echarts.min.js", ["LICENSE", "NOTICE"]],
  ["@picocss/pico", "css/pico.min.css", "pico.min.css", ["LICENSE.md"]],
];

mkdirSync(join(out, "licenses"), { recursive: true });
const manifest = {};
for (const [pkg, src, dest, licences] of files) {
  const pkgDir = join(root, "node_modules", pkg);
  const { version, license } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  copyFileSync(join(pkgDir, src), join(out, dest));
  const slug = pkg.replace("@", "").replace("/", "-");
  for (const name of licences) {
    copyFileSync(join(pkgDir, name), join(out, "licenses", `${slug}-${name}`));
  }
  manifest[dest] = { package: pkg, version, license };
  console.log(`${pkg}@${version} (${license}) → tuijin/static/vendor/${dest}`);
}
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(manifest, null, 2) + "\n");
