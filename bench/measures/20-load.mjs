// 2. Plugin load: cold import of each plugin's entry in a fresh process, and which modules it pulls in.
import { pathToFileURL } from 'node:url';
import { int, median, ms, rotations, spread, table, times } from '../lib/stats.mjs';

const LOAD_CHILD = new URL('../children/load.mjs', import.meta.url).pathname;
const PLUGINS = [
  // The tarball's entry, unpacked alone (bench/lib/packed-plugin.mjs); filled in by run().
  { id: 'oidc', specifier: undefined, label: '`eslint-plugin-oidc` (packed tarball, dist/index.js)' },
  { id: 'jwt-security', specifier: 'eslint-plugin-jwt-security', label: '`eslint-plugin-jwt-security`' },
];
// What the entry must not load: editors load it on every start (src/index.ts says so).
const FORBIDDEN = ['typescript', 'jscodeshift', 'ts-morph', '@babel/parser', '@babel/core', 'recast', '@typescript-eslint/typescript-estree'];

export default {
  name: 'load',
  title: 'Plugin load',
  async run(ctx) {
    PLUGINS[0].specifier = pathToFileURL(ctx.pluginEntry).href;
    const runs = ctx.options.loadRuns ?? (ctx.smoke ? 3 : 15);
    ctx.log(`load: ${PLUGINS.length} plugins × ${runs} cold imports, each in a fresh process`);
    const timings = Object.fromEntries(PLUGINS.map((p) => [p.id, []]));
    for (const order of rotations(PLUGINS, runs)) {
      for (const plugin of order) {
        const { result, wallMs } = await ctx.runChild(LOAD_CHILD, [plugin.specifier], { cwd: ctx.root });
        timings[plugin.id].push({ ...result, wallMs });
      }
    }
    const modules = {};
    for (const plugin of PLUGINS) {
      const { result } = await ctx.runChild(LOAD_CHILD, [plugin.specifier, '--modules'], { cwd: ctx.root });
      modules[plugin.id] = result.modules;
    }
    const oidcForbidden = modules.oidc.packages.filter((p) => FORBIDDEN.includes(p));
    if (oidcForbidden.length) ctx.fail(`the plugin entry loaded ${oidcForbidden.join(', ')}`);

    const med = (id, key) => median(timings[id].map((r) => r[key]));
    const ratio = med('oidc', 'totalMs') / med('jwt-security', 'totalMs');
    const rows = PLUGINS.map((p) => [
      p.label,
      ms(med(p.id, 'totalMs')),
      spread(timings[p.id].map((r) => r.totalMs)),
      ms(med(p.id, 'wallMs')),
      int(timings[p.id][0].ruleCount),
      int(modules[p.id].count),
      modules[p.id].packages.map((x) => `\`${x}\``).join(', '),
    ]);
    let md = `\`await import(specifier)\` and then reading every rule's \`meta\` and \`create\` (the baseline defines its rules as getters), `;
    md += `timed inside a fresh \`node\` process; ${runs} processes per plugin in alternating order, medians. Wall is the whole process (Node start-up included). `;
    md += 'Modules are counted in one more process per plugin, with a loader hook (ES modules) and `require.cache` (CommonJS): files of the plugin itself and of its dependencies, Node built-ins not counted.\n\n';
    md += table(['Entry', 'import + rules', 'min–max', 'process wall', 'rules', 'modules loaded', 'packages they come from'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'l']);
    md += `\n\n\`eslint-plugin-oidc\` loads in ${times(ratio)} the baseline's time. `;
    md += oidcForbidden.length
      ? `**FAILED: its entry pulled in ${oidcForbidden.join(', ')}.**\n`
      : `Its entry pulled in none of ${FORBIDDEN.map((f) => `\`${f}\``).join(', ')}: checked against the module list above, which is the whole of what it loads.\n`;
    return {
      markdown: md,
      summary: [
        {
          what: 'Plugin load (cold import + rules)',
          ours: `${ms(med('oidc', 'totalMs'))}, ${modules.oidc.count} modules`,
          baseline: `jwt-security: ${ms(med('jwt-security', 'totalMs'))}, ${modules['jwt-security'].count} modules`,
          target: 'no TypeScript / jscodeshift / ts-morph loaded',
          verdict: oidcForbidden.length ? 'FAILED' : `holds (${times(ratio)} the baseline's time)`,
        },
      ],
      data: { timings, modules, ratio },
    };
  },
};
