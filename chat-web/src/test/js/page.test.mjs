// The page's static rules: text is text (no markup parsing, no eval), and the ids the browser tests use.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const STATIC = fileURLToPath(new URL('../../main/resources/io/github/wschat/web/static/', import.meta.url));
const read = (file) => readFileSync(STATIC + file, 'utf8');

const FORBIDDEN = [/\binnerHTML\b/, /\bouterHTML\b/, /\binsertAdjacentHTML\b/, /\bdocument\.write/, /\beval\s*\(/,
  /\bnew\s+Function\b/, /\bcreateContextualFragment\b/, /\bDOMParser\b/, /\bsrcdoc\b/];

test('no script of the page parses a string as HTML or runs one as code', () => {
  const scripts = readdirSync(STATIC).filter((f) => f.endsWith('.js'));
  assert.deepEqual(scripts.sort(), ['app.js', 'wschat.js']);
  for (const file of scripts) {
    const source = read(file);
    for (const pattern of FORBIDDEN) {
      assert.doesNotMatch(source, pattern, `${file} uses ${pattern}`);
    }
  }
});

test('the rule above finds what it forbids', () => {
  for (const sample of ['li.innerHTML = text', "el.insertAdjacentHTML('beforeend', t)", 'document.write(x)', 'eval(s)']) {
    assert.ok(FORBIDDEN.some((p) => p.test(sample)), sample);
  }
});

test('index.html has the ids the README lists for the browser tests, each once', () => {
  const html = read('index.html');
  const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('## Element ids'));
  const ids = [...section.slice(0, section.indexOf('\n## ', 3)).matchAll(/^\| `#([a-z-]+)`/gm)].map((m) => m[1]);
  assert.ok(ids.length >= 10, `ids in the README: ${ids}`);
  for (const id of ids) {
    assert.equal(html.split(` id="${id}"`).length - 1, 1, `#${id} once in index.html`);
    assert.ok(html.includes(` id="${id}" data-testid="${id}"`), `#${id} has data-testid="${id}"`);
  }
});

test('index.html loads only the page\'s own files, as an ES module, with no inline script', () => {
  const html = read('index.html');
  assert.match(html, /<script type="module" src="app.js"><\/script>/);
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.doesNotMatch(html, /\son[a-z]+=/, 'no inline event handler');
  assert.doesNotMatch(html, /https?:\/\//, 'nothing from elsewhere');
});
