'use strict';
// specforge's JavaScript checker: a long-lived node process that parses sources the way `node --check` does and
// runs nothing. One request per stdin line, {"module": boolean, "source": "..."}; one answer per stdout line,
// {"ok": true} or {"ok": false, "line": n, "message": "SyntaxError: ..."}. It exits when stdin closes.
const vm = require('node:vm');
const readline = require('node:readline');

// CommonJS sources are compiled as node compiles a module: a function of these parameters (top-level return is
// allowed, import declarations are not); ES modules as source text modules.
const CJS_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

function check(request) {
  // a hashbang line is allowed at the start of a file; keep the line count
  const source = request.source.startsWith('#!') ? '//' + request.source.slice(2) : request.source;
  try {
    if (request.module) {
      new vm.SourceTextModule(source, { identifier: 'file.mjs' });
    } else {
      vm.compileFunction(source, CJS_PARAMS, { filename: 'file.js' });
    }
    return { ok: true };
  } catch (e) {
    const at = /file\.m?js:(\d+)/.exec(String(e.stack));
    return { ok: false, line: at ? Number(at[1]) : 0, message: `${e.name}: ${e.message}` };
  }
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  let answer;
  try {
    answer = check(JSON.parse(line));
  } catch (e) {
    answer = { ok: false, line: 0, message: `checker: ${e.message}` };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
lines.on('close', () => process.exit(0));
