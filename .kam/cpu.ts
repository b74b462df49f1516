const { ingestFolder } = await import(process.argv[2]!);
const c0 = process.cpuUsage();
const r = await ingestFolder('/tmp/p1000-ingest');
const c = process.cpuUsage(c0);
console.log(process.argv[2]!.includes('old') ? 'old' : 'new', 'cpu ms', Math.round((c.user + c.system) / 1000), 'problems', r.problems.length);
