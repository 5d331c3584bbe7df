// Lints snippets with the project's eslint.config.mjs through ESLint's Node API and prints, as
// JSON, the rule ids each one breaks. A child process because jest's module sandbox cannot run
// the dynamic import ESLint uses to load an ES-module config.
// Input on stdin: [{ "filePath": "src/core/x.ts", "code": "..." }, ...].
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
const cases = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  results.push(result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`));
}
process.stdout.write(JSON.stringify(results));
