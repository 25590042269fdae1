// Word files as a desk receives them, for the benchmarks: the example drafts
// rendered by the CLI, each with a unit of its own.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/// `count` .docx files in `dir`; `kindOf(i)` is 述职报告 or 创新案例, `unitOf(i)` its 单位.
export function receivedFiles(cli, dir, count, kindOf, unitOf) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const kind = kindOf(i);
    const draft = JSON.parse(fs.readFileSync(`tests/fixtures/drafts/${kind}.json`, 'utf8'));
    draft.fields['单位'] = unitOf(i);
    const json = path.join(dir, `${i}.json`);
    fs.writeFileSync(json, JSON.stringify(draft));
    const out = path.join(dir, `${String(i + 1).padStart(3, '0')}-${kind}.docx`);
    execFileSync(cli, ['render', `templates/${kind}.wg`, json, '-o', out]);
    fs.rmSync(json);
    files.push(out);
  }
  return files;
}
