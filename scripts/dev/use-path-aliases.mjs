#!/usr/bin/env node
/**
 * Rewrites relative imports into the aliases of package.json "imports" (#server/*, #shared/*, #web/*).
 *
 * The rule it applies is the one eslint.config.js holds: an import stays relative inside its own unit
 * (a server domain `server/src/<domain>`, `shared/src`, a web feature `web/src/features/<feature>`, another
 * top-level web folder `web/src/<folder>`) and uses the alias when it leaves the unit, when it reaches into
 * server/src, shared/src or web/src from outside (tests, bench, scripts), or when it climbs three or more
 * levels. The specifier keeps its ending (`.js` on the Node side, none in the web), so nothing else changes.
 *
 *   node scripts/dev/use-path-aliases.mjs           rewrite the files in place and list them
 *   node scripts/dev/use-path-aliases.mjs --check   list what would change; exit 1 if anything would
 *   node scripts/dev/use-path-aliases.mjs FILE…     only these files
 *
 * Safe to run again: an aliased import is never touched.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const AREAS = { 'server/src': '#server', 'shared/src': '#shared', 'web/src': '#web', scripts: '#scripts' };
const FOLDERS = ['server', 'shared', 'web', 'test', 'bench', 'scripts'];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;
// A specifier in `from '…'`, `import '…'`, `import('…')` and vitest's module mocks.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.(?:mock|doMock|unmock|importActual|importMock)\s*\(\s*)(['"])(\.\.?(?:\/[^'"\n]*)?)\2/g;

/** The area (server/src, shared/src, web/src) a repository path lies in, if any. */
const areaOf = (file) => Object.keys(AREAS).find((area) => file === area || file.startsWith(`${area}/`));

/** The folder inside which relative imports are fine: a server domain, shared/src, a web feature or folder. */
function unitOf(file) {
  const parts = file.split('/');
  const area = areaOf(file);
  if (!area) return parts[0];
  if (area === 'shared/src') return area;
  if (area === 'web/src' && parts[2] === 'features' && parts.length > 4) return parts.slice(0, 4).join('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') : area;
}

const inside = (file, folder) => file === folder || file.startsWith(`${folder}/`);

/** The alias for one relative specifier of `file`, or null when it stays relative. */
function aliasFor(file, specifier) {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const area = areaOf(target);
  if (!area) return null;
  const climbs = specifier.split('/').filter((part) => part === '..').length;
  if (inside(target, unitOf(file)) && climbs < 3) return null;
  const rest = target.slice(area.length + 1);
  return rest ? `${AREAS[area]}/${rest}${specifier.endsWith('/') ? '/' : ''}` : null;
}

function rewrite(file, text) {
  const changes = [];
  const out = text.replace(SPECIFIER, (whole, head, quote, specifier) => {
    const alias = aliasFor(file, specifier);
    if (!alias) return whole;
    changes.push(`${specifier} -> ${alias}`);
    return `${head}${quote}${alias}${quote}`;
  });
  return { text: out, changes };
}

function main(argv) {
  const check = argv.includes('--check');
  const named = argv.filter((a) => !a.startsWith('--')).map((f) => path.relative(root, path.resolve(f)).split(path.sep).join('/'));
  const files = named.length
    ? named
    : execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...FOLDERS], { cwd: root, encoding: 'utf8' })
        .split('\n')
        .filter((f) => SOURCE.test(f) && !f.startsWith('scripts/dev/'));
  let changed = 0;
  let imports = 0;
  for (const file of files) {
    const abs = path.join(root, file);
    let before;
    try {
      before = readFileSync(abs, 'utf8');
    } catch {
      continue; // listed by git but deleted in the worktree
    }
    const { text, changes } = rewrite(file, before);
    if (!changes.length) continue;
    changed += 1;
    imports += changes.length;
    if (!check) writeFileSync(abs, text);
    console.log(`${file}: ${changes.length} import${changes.length === 1 ? '' : 's'}`);
  }
  console.log(`${check ? 'would rewrite' : 'rewrote'} ${imports} imports in ${changed} files`);
  if (check && changed) process.exitCode = 1;
}

main(process.argv.slice(2));
