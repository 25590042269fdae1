// The e-mail attachments the desk's end-to-end tests drop in, as one zip of
// 20 mixed files: 9 desk fixtures (python-docx and LibreOffice), 3 python-docx
// import fixtures, 3 of our own exports (a report, its case, a 整改清单) and 5
// files the desk cannot read (an old .doc, a text file, an empty and a
// truncated .docx, a password-protected one).
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const audit = 'tests/fixtures/audit';

/// Writes the attachments into `tmp` and zips them; the zip's path.
export function attachmentsZip(tmp) {
  const files = fs.readdirSync(audit).filter((f) => f.endsWith('.docx')).map((f) => [f, path.join(audit, f)]);
  for (const f of fs.readdirSync('tests/fixtures/import').filter((f) => f.endsWith('.docx'))) files.push([f, path.join('tests/fixtures/import', f)]);
  for (const [draft, template] of [['述职报告', '述职报告'], ['创新案例', '创新案例'], ['整改清单', '整改清单']]) {
    const out = path.join(tmp, `导出-${draft}.docx`);
    execFileSync('target/debug/wengao', ['render', `templates/${template}.wg`, `tests/fixtures/drafts/${draft}.json`, '-o', out]);
    files.push([path.basename(out), out]);
  }
  fs.writeFileSync(path.join(tmp, '旧格式.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
  fs.writeFileSync(path.join(tmp, '说明.txt'), '请查收附件。');
  fs.writeFileSync(path.join(tmp, '空.docx'), '');
  fs.writeFileSync(path.join(tmp, '截断.docx'), fs.readFileSync(path.join(audit, '合格.docx')).subarray(0, 5000));
  // A password-protected Word file: an OLE file holding a stream EncryptedPackage.
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  fs.writeFileSync(path.join(tmp, '加密.docx'), Buffer.concat([ole, Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]));
  for (const f of ['旧格式.doc', '说明.txt', '空.docx', '截断.docx', '加密.docx']) files.push([f, path.join(tmp, f)]);
  assert.equal(files.length, 20, files.map((f) => f[0]).join(' '));
  const staging = path.join(tmp, 'attachments');
  fs.mkdirSync(staging);
  for (const [name, from] of files) fs.copyFileSync(from, path.join(staging, name));
  const zip = path.join(tmp, '附件.zip');
  execFileSync('zip', ['-q', '-j', zip, ...files.map(([name]) => path.join(staging, name))]);
  return zip;
}

/// A zip as Windows' 发送到 → 压缩(zipped)文件夹 writes it on a Chinese system:
/// entry names in GBK (code page 936) without the UTF-8 flag. `entries` are
/// [GBK name bytes, file path]; stored, no compression. Its path.
export function gbkZip(tmp, entries) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, from] of entries) {
    const data = fs.readFileSync(from);
    const crc = zlib.crc32(data);
    const header = (signature, isCentral) => {
      const fixed = Buffer.alloc(isCentral ? 46 : 30);
      fixed.writeUInt32LE(signature, 0);
      let at = 4;
      if (isCentral) { fixed.writeUInt16LE(20, at); at += 2; }
      fixed.writeUInt16LE(20, at); // version needed
      fixed.writeUInt16LE(0, at + 2); // flags: no bit 11, the names are not UTF-8
      fixed.writeUInt16LE(0, at + 4); // stored
      fixed.writeUInt32LE(crc, at + 10);
      fixed.writeUInt32LE(data.length, at + 14);
      fixed.writeUInt32LE(data.length, at + 18);
      fixed.writeUInt16LE(name.length, at + 22);
      if (isCentral) fixed.writeUInt32LE(offset, 42);
      return Buffer.concat([fixed, name]);
    };
    const head = header(0x04034b50, false);
    local.push(head, data);
    central.push(header(0x02014b50, true));
    offset += head.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = path.join(tmp, '各单位材料.zip');
  fs.writeFileSync(zip, Buffer.concat([...local, directory, end]));
  return zip;
}
