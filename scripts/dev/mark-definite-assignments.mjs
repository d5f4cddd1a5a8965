#!/usr/bin/env node
/**
 * Adds the definite-assignment `!` to every class property tsc reports as never initialised (TS2564 under
 * strictPropertyInitialization): TypeORM entities and class-validator DTOs, whose properties TypeORM and
 * class-transformer fill in after construction. Only the type check changes: with or without `!` the class
 * field is emitted the same way.
 *
 *   node scripts/dev/mark-definite-assignments.mjs [tsconfig.json]
 *
 * Review what it reports: a property that a constructor should set, or that is really optional (`?`), wants
 * that fix instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const configPath = path.resolve(process.argv[2] ?? 'tsconfig.json');
const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configPath));
const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });

/** Where to put `!` per file: right after each reported property name. */
const marks = new Map();
for (const d of ts.getPreEmitDiagnostics(program)) {
  if (d.code !== 2564 || !d.file || d.start === undefined) continue;
  const file = d.file.fileName;
  marks.set(file, [...(marks.get(file) ?? []), d.start + (d.length ?? 0)]);
}
let total = 0;
for (const [file, positions] of marks) {
  let text = readFileSync(file, 'utf8');
  for (const at of [...new Set(positions)].sort((a, b) => b - a)) text = `${text.slice(0, at)}!${text.slice(at)}`;
  writeFileSync(file, text);
  total += positions.length;
  console.log(`${path.relative(process.cwd(), file)}: ${positions.length}`);
}
console.log(`marked ${total} properties in ${marks.size} files`);
