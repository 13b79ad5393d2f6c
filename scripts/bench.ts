// `npm run bench`: performance targets measured as percentiles and ratios (never in timed tests).
import { benchProxyLatency } from './bench/proxy-latency';
import { benchDemoCloudScale } from './bench/demo-cloud-scale';
import { benchInstancesPage } from './bench/instances-page';
import { benchFirstRow } from './bench/first-row';
import { benchUpload } from './bench/upload';
import { benchTopology } from './bench/topology';

const benches: Record<string, () => Promise<unknown>> = {
  'proxy-latency': benchProxyLatency,
  'demo-cloud-scale': benchDemoCloudScale,
  'instances-page': benchInstancesPage,
  // Also run as the last part of instances-page; alone here.
  'first-row': benchFirstRow,
  'upload': benchUpload,
  'topology': benchTopology,
};

async function main() {
  const only = process.argv.slice(2);
  for (const [name, run] of Object.entries(benches)) {
    if (only.length && !only.includes(name)) continue;
    console.log(`\n# ${name}`);
    await run();
  }
}

main().catch((e) => {
  console.error(`bench: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
