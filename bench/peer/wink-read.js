#!/usr/bin/env node
// The peer for issue 12's speed comparison: wink-nlp reads every report under a folder as
// Sitrep's `extract` would (the same .txt/.html files, sidecar .meta.json files skipped) and
// prints, per document, what it found: sentences, tokens with part of speech, and its named
// entities (dates, cardinals, ordinals...). It does less than Sitrep (no places, events or
// figures tied to weapons), which is why Sitrep's goal is to be faster still.
//
//   node bench/peer/wink-read.js FOLDER > out.jsonl
'use strict';
const fs = require('fs');
const path = require('path');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const nlp = winkNLP(model);
const its = nlp.its;

function* reportFiles(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* reportFiles(full);
    else if (/\.(txt|html?)$/i.test(e.name)) yield full;
  }
}

// Markup is dropped crudely, as a fair peer would before reading: wink has no HTML reader.
const markup = /<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/gi;

const root = process.argv[2];
if (!root || !fs.existsSync(root)) {
  process.stderr.write(`wink-read: no such folder: ${root ?? '(none given)'}\n`);
  process.exit(2);
}
let docs = 0;
let bytes = 0;
const out = [];
for (const file of reportFiles(root)) {
  const raw = fs.readFileSync(file, 'utf8');
  bytes += Buffer.byteLength(raw);
  const text = /\.html?$/i.test(file) ? raw.replace(markup, ' ') : raw;
  const doc = nlp.readDoc(text);
  out.push(JSON.stringify({
    doc: path.basename(file).replace(/\.[^.]+$/, ''),
    sentences: doc.sentences().length(),
    tokens: doc.tokens().length(),
    nouns: doc.tokens().filter((t) => t.out(its.pos) === 'PROPN').length(),
    entities: doc.entities().out(its.detail),
  }));
  if (out.length >= 256) { process.stdout.write(out.join('\n') + '\n'); out.length = 0; }
  docs++;
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`wink-read: ${docs} documents, ${bytes} bytes\n`);
