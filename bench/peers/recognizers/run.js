// Runs Recognizers-Text's English number model (and its percentage model) over JSON Lines
// ({"text": ...}) on stdin; writes one JSON line of results per input line, then a last
// line {"timing": {"seconds", "bytes", "models"}} measuring only the recognition loop.
// The npm release (1.3.1) has no number-range model: the spec marks it unsupported in
// JavaScript, so ranges are the C#/Java/Python releases' only.
//   node run.js [number|number,percentage] < lines.jsonl
const readline = require('readline');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { Culture } = require('@microsoft/recognizers-text-suite');

const recognizer = new NumberRecognizer(Culture.English);
const models = (process.argv[2] || 'number').split(',');
const numberModel = recognizer.getNumberModel();
const percentModel = recognizer.getPercentageModel();

const lines = [];
readline.createInterface({ input: process.stdin }).on('line', (l) => lines.push(l)).on('close', () => {
  const texts = lines.map((l) => JSON.parse(l).text);
  const usePercent = models.includes('percentage');
  const out = [];
  let bytes = 0;
  const start = process.hrtime.bigint();
  for (const t of texts) {
    bytes += Buffer.byteLength(t, 'utf8');
    const results = numberModel.parse(t);
    const percents = usePercent ? percentModel.parse(t) : [];
    out.push({ numbers: results.map((r) => ({ start: r.start, end: r.end, text: r.text, value: r.resolution.value })),
               percentages: percents.map((r) => ({ start: r.start, end: r.end, text: r.text, value: r.resolution.value })) });
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  for (const o of out) process.stdout.write(JSON.stringify(o) + '\n');
  process.stdout.write(JSON.stringify({ timing: { seconds, bytes, models } }) + '\n');
});
