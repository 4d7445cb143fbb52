/**
 * `npm run bench`: every benchmark in turn, each writing its own section of bench/RESULTS.md.
 * Not part of `npm test`.
 */
import { runDashboard } from './dashboard';
import { runFanout } from './fanout';
import { writeResultsSection } from './results';

const benchmarks: Array<{ title: string; run: () => Promise<string> }> = [
  { title: 'Fan-out', run: () => runFanout() },
  { title: 'Dashboard', run: () => runDashboard() },
];

async function main() {
  for (const { title, run } of benchmarks) {
    console.log(`== ${title}`);
    const markdown = await run();
    console.log(markdown);
    writeResultsSection(title, markdown);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
