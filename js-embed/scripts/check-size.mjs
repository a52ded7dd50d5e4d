// Fails the build when the minified embed script, gzipped, is over its budget: it loads on every host page.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [file, budgetText] = process.argv.slice(2);
const budget = Number(budgetText);
const size = gzipSync(readFileSync(file), { level: 9 }).length;
if (size > budget) {
  console.error(`${file} is ${size} bytes gzipped, over its budget of ${budget} bytes`);
  process.exit(1);
}
console.log(`${file}: ${size} bytes gzipped (budget ${budget})`);
